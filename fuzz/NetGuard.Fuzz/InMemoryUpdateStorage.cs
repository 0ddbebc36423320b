using System;
using System.Collections.Generic;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Fuzz;

/// <summary>Records in a dictionary; every write is atomic and succeeds (the IRecordStore contract, no faults).</summary>
internal sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Dictionary<string, byte[]> _records = new();

    public bool TryRead(string name, out byte[] data, out ReasonCode reason)
    {
        if (_records.TryGetValue(name, out byte[]? found))
        {
            data = (byte[])found.Clone();
            reason = ReasonCode.Accepted;
            return true;
        }

        data = null!;
        reason = ReasonCode.NotFound;
        return false;
    }

    public Decision Write(string name, byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        _records[name] = data.AsSpan(offset, count).ToArray();
        return Decision.Accept();
    }

    public Decision Delete(string name)
    {
        _records.Remove(name);
        return Decision.Accept();
    }
}

/// <summary>
/// A staging area in memory. Calls out of order, or appending past the announced length, are library bugs here (the
/// receiver owns the sequence), so they throw and the fuzzer reports them.
/// </summary>
internal sealed class InMemoryStagingArea : IStagingArea
{
    private MemoryStream? _scratch;
    private long _expected;
    private byte[]? _staged;

    public Decision Begin(long length)
    {
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "receiver began staging with a negative length");
        }

        _scratch = new MemoryStream();
        _expected = length;
        return Decision.Accept();
    }

    public Decision Append(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_scratch == null)
        {
            throw new InvalidOperationException("Append before Begin.");
        }

        if (_scratch.Length + count > _expected)
        {
            return Decision.Refuse(ReasonCode.TooLarge);
        }

        _scratch.Write(data, offset, count);
        return Decision.Accept();
    }

    public Decision Commit()
    {
        if (_scratch == null)
        {
            throw new InvalidOperationException("Commit before Begin.");
        }

        _staged = _scratch.ToArray();
        _scratch = null;
        return Decision.Accept();
    }

    public void Abort() => _scratch = null;

    public int ReadStaged(long position, byte[] buffer, int offset, int count)
    {
        if (_staged == null || position >= _staged.Length)
        {
            return 0;
        }

        int n = (int)Math.Min(count, _staged.Length - position);
        Array.Copy(_staged, position, buffer, offset, n);
        return n;
    }

    public Decision Discard()
    {
        _staged = null;
        return Decision.Accept();
    }
}

/// <summary>An installer with nothing installed (the fuzz targets never boot an update).</summary>
internal sealed class AcceptingInstaller : IImageInstaller
{
    public Decision Activate(IStagingArea staging, StagedUpdate update) => Decision.Accept();

    public Decision Revert() => Decision.Accept();

    public Decision Commit() => Decision.Accept();

    public int ReadActive(long position, byte[] buffer, int offset, int count) => -1;
}

/// <summary>Trusted time fixed by the target, or unknown.</summary>
internal sealed class FixedTime : ITrustedTime
{
    private readonly bool _known;
    private readonly long _now;

    public FixedTime(bool known, long now)
    {
        _known = known;
        _now = now;
    }

    public bool TryGetUnixSeconds(out long unixSeconds)
    {
        unixSeconds = _known ? _now : 0;
        return _known;
    }

    public void ObserveAuthenticated(long unixSeconds)
    {
        // The interface contract: a non-positive time is a caller (library) mistake.
        if (unixSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unixSeconds), "library reported a non-positive authenticated time");
        }
    }
}
