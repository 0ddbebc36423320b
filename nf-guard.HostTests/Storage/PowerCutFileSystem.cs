using System.Collections.Generic;
using NetGuard.Storage;

namespace NetGuard.HostTests.Storage;

/// <summary>How a write interrupted by a power cut leaves its file.</summary>
internal enum TearMode
{
    /// <summary>Power failed before the file was touched.</summary>
    Untouched,

    /// <summary>The file was truncated and nothing was written.</summary>
    Empty,

    /// <summary>Only the first <c>PrefixLength</c> bytes reached the flash.</summary>
    Prefix,

    /// <summary>Written in place without truncation: new prefix, old tail (a FAT-like overwrite).</summary>
    PrefixOverOld,

    /// <summary>The operation completed, then power failed before the caller saw the result.</summary>
    Completed,
}

/// <summary>Thrown by <see cref="PowerCutFileSystem"/> at the armed step: the device stops there.</summary>
internal sealed class PowerCutException : Exception
{
    public PowerCutException()
        : base("power cut")
    {
    }
}

/// <summary>
/// A simulated flash file system, in the manner of MCUboot's simulator: every write and delete is a numbered
/// step; when armed, the chosen step is torn in the chosen way and a <see cref="PowerCutException"/> stops the
/// caller. <see cref="Clone"/> snapshots the flash so each cut runs from the same starting state.
/// </summary>
internal sealed class PowerCutFileSystem : IFileSystem
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int _step;
    private int _cutAt = -1;
    private TearMode _mode;
    private int _prefixLength;

    /// <summary>Write and delete steps counted since <see cref="Arm"/> or <see cref="CountFromHere"/>.</summary>
    public int Steps => _step;

    /// <summary>Lengths of the writes seen since counting started, by step (deletes are -1).</summary>
    public List<int> WriteLengths { get; } = new();

    /// <summary>Starts counting steps with no cut.</summary>
    public void CountFromHere()
    {
        _step = 0;
        _cutAt = -1;
        WriteLengths.Clear();
    }

    /// <summary>Cuts power at step <paramref name="step"/> (0-based from now) in the given way.</summary>
    public void Arm(int step, TearMode mode, int prefixLength)
    {
        _step = 0;
        _cutAt = step;
        _mode = mode;
        _prefixLength = prefixLength;
        WriteLengths.Clear();
    }

    /// <summary>Restores power: no further cuts.</summary>
    public void Disarm() => _cutAt = -1;

    public PowerCutFileSystem Clone()
    {
        PowerCutFileSystem copy = new();
        foreach (KeyValuePair<string, byte[]> file in _files)
        {
            copy._files[file.Key] = (byte[])file.Value.Clone();
        }

        return copy;
    }

    public bool Exists(string fileName) => _files.ContainsKey(fileName);

    public bool TryReadAllBytes(string fileName, out byte[] data)
    {
        if (_files.TryGetValue(fileName, out byte[]? stored))
        {
            data = (byte[])stored.Clone();
            return true;
        }

        data = null!;
        return false;
    }

    public bool TryWriteAllBytes(string fileName, byte[] data, int offset, int count)
    {
        byte[] content = new byte[count];
        Array.Copy(data, offset, content, 0, count);
        WriteLengths.Add(count);
        if (_step++ == _cutAt)
        {
            switch (_mode)
            {
                case TearMode.Untouched:
                    break;
                case TearMode.Empty:
                    _files[fileName] = Array.Empty<byte>();
                    break;
                case TearMode.Prefix:
                    _files[fileName] = content.AsSpan(0, Math.Min(_prefixLength, count)).ToArray();
                    break;
                case TearMode.PrefixOverOld:
                    byte[] old = _files.TryGetValue(fileName, out byte[]? existing) ? existing : Array.Empty<byte>();
                    byte[] mixed = (byte[])old.Clone();
                    if (mixed.Length < Math.Min(_prefixLength, count))
                    {
                        Array.Resize(ref mixed, Math.Min(_prefixLength, count));
                    }

                    Array.Copy(content, 0, mixed, 0, Math.Min(_prefixLength, count));
                    _files[fileName] = mixed;
                    break;
                case TearMode.Completed:
                    _files[fileName] = content;
                    break;
            }

            throw new PowerCutException();
        }

        _files[fileName] = content;
        return true;
    }

    public bool TryDelete(string fileName)
    {
        WriteLengths.Add(-1);
        if (_step++ == _cutAt)
        {
            if (_mode == TearMode.Completed)
            {
                _files.Remove(fileName);
            }

            throw new PowerCutException();
        }

        _files.Remove(fileName);
        return true;
    }

    /// <summary>
    /// Every way to cut power during an operation whose steps had the given lengths: for a write, untouched,
    /// empty, every proper prefix (fresh and over the old content) and completed; for a delete, before and after.
    /// </summary>
    public static IEnumerable<(int Step, TearMode Mode, int Prefix)> AllCuts(IReadOnlyList<int> writeLengths)
    {
        for (int step = 0; step < writeLengths.Count; step++)
        {
            int length = writeLengths[step];
            yield return (step, TearMode.Untouched, 0);
            yield return (step, TearMode.Completed, 0);
            if (length < 0)
            {
                continue;
            }

            yield return (step, TearMode.Empty, 0);
            for (int prefix = 1; prefix < length; prefix++)
            {
                yield return (step, TearMode.Prefix, prefix);
                yield return (step, TearMode.PrefixOverOld, prefix);
            }
        }
    }
}
