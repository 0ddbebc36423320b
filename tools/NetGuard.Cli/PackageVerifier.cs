using System;
using System.Collections.Generic;
using NetGuard.Diagnostics;
using NetGuard.Storage;
using NetGuard.Updates;

namespace NetGuard.Cli;

/// <summary>
/// Runs the device's own verifier (<see cref="UpdateController"/> and <see cref="UpdateReceiver"/>) over a package
/// held in memory, with throw-away storage, so `netguard verify` answers exactly what a device would.
/// </summary>
internal static class PackageVerifier
{
    public static Decision Verify(byte[] package, TrustedKeyRing keys, string? model, uint minimumCounter, long nowUnixSeconds)
    {
        if (model == null)
        {
            model = TryReadManifest(package, out UpdateManifest? manifest, out _) && manifest != null ? manifest.Model : "unknown";
        }

        var settings = new UpdateSettings(model, new FirmwareVersion(0, 0, 0), minimumCounter, int.MaxValue, UpdateSettings.DefaultClockSkewSeconds);
        var controller = new UpdateController(settings, keys, new MemoryRecordStore(), new MemoryStaging(), new NoInstaller(), new FixedTime(nowUnixSeconds));
        UpdateReceiver receiver = controller.BeginReceive();
        for (int offset = 0; offset < package.Length; offset += 4096)
        {
            Decision step = receiver.Append(package, offset, Math.Min(4096, package.Length - offset));
            if (!step.IsAccepted)
            {
                return step;
            }
        }

        return receiver.Complete();
    }

    /// <summary>Reads the manifest without checking the signature (for inspect).</summary>
    public static bool TryReadManifest(byte[] package, out UpdateManifest? manifest, out ReasonCode reason)
    {
        manifest = null;
        reason = ReasonCode.Truncated;
        if (package.Length < UpdatePackageFormat.HeaderSize)
        {
            return false;
        }

        reason = ReasonCode.Malformed;
        byte[] magic = UpdatePackageFormat.GetMagic();
        for (int i = 0; i < 4; i++)
        {
            if (package[i] != magic[i])
            {
                return false;
            }
        }

        if (package[4] != UpdatePackageFormat.HeaderVersion)
        {
            reason = ReasonCode.UnsupportedVersion;
            return false;
        }

        int length = package[6] | (package[7] << 8);
        if (length > UpdatePackageFormat.MaxManifestLength)
        {
            reason = ReasonCode.TooLarge;
            return false;
        }

        if (package.Length - UpdatePackageFormat.HeaderSize < length)
        {
            reason = ReasonCode.Truncated;
            return false;
        }

        bool ok = UpdateManifest.TryParse(package, UpdatePackageFormat.HeaderSize, length, out UpdateManifest parsed, out reason);
        manifest = parsed;
        return ok;
    }

    private sealed class FixedTime : ITrustedTime
    {
        private readonly long _now;

        public FixedTime(long now) => _now = now;

        public bool TryGetUnixSeconds(out long unixSeconds)
        {
            unixSeconds = _now;
            return true;
        }

        public void ObserveAuthenticated(long unixSeconds)
        {
        }
    }

    private sealed class MemoryRecordStore : IRecordStore
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
            _records[name] = data.AsSpan(offset, count).ToArray();
            return Decision.Accept();
        }

        public Decision Delete(string name)
        {
            _records.Remove(name);
            return Decision.Accept();
        }
    }

    // Verification only: the image bytes are hashed by the receiver and not kept.
    private sealed class MemoryStaging : IStagingArea
    {
        public Decision Begin(long length) => Decision.Accept();

        public Decision Append(byte[] data, int offset, int count) => Decision.Accept();

        public Decision Commit() => Decision.Accept();

        public void Abort()
        {
        }

        public int ReadStaged(long position, byte[] buffer, int offset, int count) => 0;

        public Decision Discard() => Decision.Accept();
    }

    // Verification never boots the controller, so nothing is ever activated; the built-in firmware is "active".
    private sealed class NoInstaller : IImageInstaller
    {
        public Decision Activate(IStagingArea staging, StagedUpdate update) => Decision.Refuse(ReasonCode.InvalidState);

        public Decision Revert() => Decision.Accept();

        public Decision Commit() => Decision.Accept();

        public int ReadActive(long position, byte[] buffer, int offset, int count) => -1;
    }
}
