using System.Collections.Generic;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Updates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace NetGuard.HostTests.Updates;

/// <summary>Signing keys, packages and announcements made with BouncyCastle (the independent signer) for the update tests.</summary>
internal static class UpdateTestKit
{
    public const string Model = "SmartSocket";
    public const long Now = 1_790_000_000; // 2026-09-21T14:13:20Z

    /// <summary>A deterministic test key: seed bytes all equal to <paramref name="n"/>.</summary>
    public static TestKey Key(byte n) => new(n);

    public static TrustedKeyRing Ring(params TestKey[] keys) => new(1, Array.ConvertAll(keys, k => k.Public), Array.Empty<byte[]>());

    public static byte[] Image(int length, int seed = 1)
    {
        var image = new byte[length];
        new Random(seed).NextBytes(image);
        return image;
    }

    public static UpdateManifest Manifest(TestKey key, byte[] image, string model = Model, int major = 1, int minor = 1, uint counter = 5, long issued = Now - 60, long expires = Now + 86400) =>
        new(model, new FirmwareVersion(major, minor, 0), counter, image.Length, Sha256.Hash(image), issued, expires, key.Id);

    public static byte[] Package(TestKey key, UpdateManifest manifest, byte[] image) => PackageFromManifestBytes(key, manifest.ToBytes(), image);

    public static byte[] PackageFromManifestBytes(TestKey key, byte[] manifestBytes, byte[] image)
    {
        byte[] signature = key.Sign(UpdatePackage.SignedPortion(manifestBytes));
        return UpdatePackage.Assemble(manifestBytes, signature, image);
    }

    public static byte[] Package(TestKey key, byte[] image) => Package(key, Manifest(key, image), image);

    public static string Announcement(TestKey key, string model = Model, int major = 1, int minor = 2, uint counter = 5, long issued = Now - 60, long expires = Now + 3600, TestKey? claimedKey = null)
    {
        byte[] bytes = UpdatePublishing.CreateUnsignedAnnouncement(model, new FirmwareVersion(major, minor, 0), counter, issued, expires, (claimedKey ?? key).Id);
        byte[] signature = key.Sign(bytes.AsSpan(0, UpdateAnnouncement.SignedLength).ToArray());
        signature.CopyTo(bytes, UpdateAnnouncement.SignedLength);
        return UpdatePublishing.ToBase64(bytes);
    }

    /// <summary>Feeds <paramref name="package"/> to a new receiver in chunks of <paramref name="chunk"/> bytes.</summary>
    public static Decision Feed(UpdateController controller, byte[] package, int chunk)
    {
        UpdateReceiver receiver = controller.BeginReceive();
        for (int offset = 0; offset < package.Length; offset += chunk)
        {
            Decision step = receiver.Append(package, offset, Math.Min(chunk, package.Length - offset));
            if (!step.IsAccepted)
            {
                Assert.Equal(step.Reason, receiver.Complete().Reason);
                return step;
            }
        }

        return receiver.Complete();
    }

    public static string Name(ReasonCode code) => ReasonCodeNames.Name(code);
}

/// <summary>An Ed25519 key pair from a fixed seed.</summary>
internal sealed class TestKey
{
    private readonly Ed25519PrivateKeyParameters _private;

    public TestKey(byte n)
    {
        var seed = new byte[32];
        Array.Fill(seed, n);
        Seed = seed;
        _private = new Ed25519PrivateKeyParameters(seed, 0);
        Public = _private.GeneratePublicKey().GetEncoded();
        Id = TrustedKeyRing.ComputeKeyId(Public);
    }

    public byte[] Seed { get; }

    public byte[] Public { get; }

    public byte[] Id { get; }

    public string IdHex => Convert.ToHexStringLower(Id);

    public byte[] Sign(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }
}

/// <summary>Trusted time fixed by the test.</summary>
internal sealed class TestTime : ITrustedTime
{
    public TestTime(long? now) => Current = now;

    public long? Current { get; set; }

    public long LastObserved { get; private set; }

    public bool TryGetUnixSeconds(out long unixSeconds)
    {
        unixSeconds = Current ?? 0;
        return Current.HasValue;
    }

    public void ObserveAuthenticated(long unixSeconds) => LastObserved = Math.Max(LastObserved, unixSeconds);
}

/// <summary>
/// Simulated power supply shared by the simulated storage: every durable step (a record write or delete, a staging
/// begin, append, commit or discard) spends one unit; once <see cref="Budget"/> is spent the power is cut: that step
/// and every later one fails without effect, as if the device had died at that instant.
/// </summary>
internal sealed class PowerSupply
{
    public int Budget { get; set; } = int.MaxValue;

    public int Steps { get; private set; }

    public bool IsCut => Steps >= Budget;

    public bool TryStep()
    {
        if (Steps >= Budget)
        {
            return false;
        }

        Steps++;
        return true;
    }

    public void Restore()
    {
        Budget = int.MaxValue;
        Steps = 0;
    }
}

/// <summary>Records in memory; each write is atomic (the IRecordStore contract) and needs power.</summary>
internal sealed class SimulatedRecordStore : IRecordStore
{
    private readonly Dictionary<string, byte[]> _records = new();
    private readonly PowerSupply _power;

    public SimulatedRecordStore(PowerSupply power) => _power = power;

    public int Writes { get; private set; }

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
        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        Writes++;
        _records[name] = data.AsSpan(offset, count).ToArray();
        return Decision.Accept();
    }

    public Decision Delete(string name)
    {
        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        _records.Remove(name);
        return Decision.Accept();
    }

    public void Corrupt(string name) => _records[name] = new byte[] { 0xFF };
}

/// <summary>
/// A staging area whose scratch copy is volatile and whose staged image is durable; every operation that writes
/// needs power. <see cref="Reboot"/> drops the scratch copy like a restart would.
/// </summary>
internal sealed class SimulatedStagingArea : IStagingArea
{
    private readonly PowerSupply _power;
    private List<byte>? _scratch;
    private long _expected;

    public SimulatedStagingArea(PowerSupply power) => _power = power;

    public byte[]? Staged { get; set; }

    public int Appends { get; private set; }

    public Decision Begin(long length)
    {
        _scratch = null;
        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        _scratch = new List<byte>();
        _expected = length;
        return Decision.Accept();
    }

    public Decision Append(byte[] data, int offset, int count)
    {
        if (_scratch == null)
        {
            throw new InvalidOperationException("Begin was not called.");
        }

        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        if (_scratch.Count + count > _expected)
        {
            return Decision.Refuse(ReasonCode.TooLarge);
        }

        Appends++;
        _scratch.AddRange(data.AsSpan(offset, count).ToArray());
        return Decision.Accept();
    }

    public Decision Commit()
    {
        if (_scratch == null)
        {
            throw new InvalidOperationException("Begin was not called.");
        }

        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        Staged = _scratch.ToArray();
        _scratch = null;
        return Decision.Accept();
    }

    public void Abort() => _scratch = null;

    public int ReadStaged(long position, byte[] buffer, int offset, int count)
    {
        if (Staged == null || position >= Staged.Length)
        {
            return 0;
        }

        int n = (int)Math.Min(count, Staged.Length - position);
        Array.Copy(Staged, position, buffer, offset, n);
        return n;
    }

    public Decision Discard()
    {
        if (!_power.TryStep())
        {
            return Decision.Refuse(ReasonCode.StorageWriteFailed);
        }

        Staged = null;
        return Decision.Accept();
    }

    public void Reboot() => _scratch = null;
}

/// <summary>One simulated device: durable storage that outlives <see cref="Boot"/>, and the controller of the current boot.</summary>
internal sealed class SimulatedDevice
{
    public SimulatedDevice(TrustedKeyRing keys, uint builtInCounter = 1, long? now = UpdateTestKit.Now, int maxImage = 64 * 1024)
    {
        Keys = keys;
        BuiltInCounter = builtInCounter;
        Time = new TestTime(now);
        MaxImage = maxImage;
        Store = new SimulatedRecordStore(Power);
        Staging = new SimulatedStagingArea(Power);
        SlotIndex = new SimulatedRecordStore(Power);
        Slot0 = new SimulatedStagingArea(Power);
        Slot1 = new SimulatedStagingArea(Power);
        Controller = Restart();
    }

    public PowerSupply Power { get; } = new();

    public TrustedKeyRing Keys { get; }

    public uint BuiltInCounter { get; }

    public int MaxImage { get; }

    public TestTime Time { get; }

    public SimulatedRecordStore Store { get; }

    public SimulatedStagingArea Staging { get; }

    /// <summary>The installer's index record and its two image slots (every write needs power).</summary>
    public SimulatedRecordStore SlotIndex { get; }

    public SimulatedStagingArea Slot0 { get; }

    public SimulatedStagingArea Slot1 { get; }

    /// <summary>The real slot installer over the simulated storage (rebuilt at each restart: it keeps no state in memory).</summary>
    public SlotImageInstaller Installer { get; private set; } = null!;

    public UpdateController Controller { get; private set; }

    /// <summary>The image the loader would start: null for the built-in firmware.</summary>
    public byte[]? ActiveImage
    {
        get
        {
            var image = new List<byte>();
            var buffer = new byte[256];
            while (true)
            {
                int read = Installer.ReadActive(image.Count, buffer, 0, buffer.Length);
                if (read < 0)
                {
                    return null;
                }

                if (read == 0)
                {
                    return image.ToArray();
                }

                image.AddRange(buffer.AsSpan(0, read).ToArray());
            }
        }
    }

    /// <summary>
    /// Restores power and restarts: volatile state is lost, durable state is read back. The new controller has not
    /// run its boot step yet (call <see cref="UpdateController.Boot"/>).
    /// </summary>
    public UpdateController Restart()
    {
        Power.Restore();
        Staging.Reboot();
        Slot0.Reboot();
        Slot1.Reboot();
        Installer = new SlotImageInstaller(SlotIndex, Slot0, Slot1);
        var settings = new UpdateSettings(UpdateTestKit.Model, new FirmwareVersion(1, 0, 0), BuiltInCounter, MaxImage, 300);
        Controller = new UpdateController(settings, Keys, Store, Staging, Installer, Time);
        return Controller;
    }

    /// <summary>Restarts and runs the boot step, which must be accepted.</summary>
    public UpdateController RestartAndBoot()
    {
        UpdateController controller = Restart();
        Decision booted = controller.Boot();
        Xunit.Assert.True(booted.IsAccepted, ReasonCodeNames.Name(booted.Reason));
        return controller;
    }
}
