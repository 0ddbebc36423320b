using NetGuard.Diagnostics;
using NetGuard.HostTests.Storage;
using NetGuard.Platform.Host;
using NetGuard.Storage;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>
/// The staging area (the device's <see cref="ChunkedStagingArea"/>) on a real directory, driven by the controller across
/// restarts, and under a power cut at every write. Its behaviour over memory is the portable ChunkedStagingAreaTests.
/// </summary>
public sealed class ChunkedStagingAreaOnDiskTests : IDisposable
{
    private static readonly TestKey Vendor = Key(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Staging => Path.Combine(_dir, "staging");

    private string Slot0 => Path.Combine(_dir, "installed", "slot-0");

    private UpdateController Boot(SimulatedRecordStore store) =>
        new(new UpdateSettings(Model, new FirmwareVersion(1, 0, 0), 1), Ring(Vendor), store, new ChunkedStagingArea(new DirectoryFileSystem(Staging), 1 << 20), DirectoryImageInstaller.Create(Path.Combine(_dir, "installed"), 1 << 20), new TestTime(Now));

    // What a staging area over the directory holds, read as a restarted device would (null: nothing staged).
    private static byte[]? Staged(IFileSystem files)
    {
        var staging = new ChunkedStagingArea(files, 1 << 20);
        var all = new List<byte>();
        var piece = new byte[700];
        for (int n; (n = staging.ReadStaged(all.Count, piece, 0, piece.Length)) > 0;)
        {
            all.AddRange(piece.AsSpan(0, n).ToArray());
        }

        return all.Count == 0 ? null : all.ToArray();
    }

    [Fact]
    public void StageRestartTrialConfirm_KeepsTheImageInASlot()
    {
        var store = new SimulatedRecordStore(new PowerSupply());
        byte[] image = Image(10_000);
        Assert.True(Feed(Boot(store), Package(Vendor, Manifest(Vendor, image, major: 2, counter: 3), image), 1500).IsAccepted);
        Assert.Equal(image, Staged(new DirectoryFileSystem(Staging)));

        UpdateController restarted = Boot(store);
        Assert.True(restarted.TryGetStaged(out _));
        Assert.True(restarted.Boot().IsAccepted);
        Assert.True(restarted.IsOnTrial);
        Assert.Equal(image, Staged(new DirectoryFileSystem(Slot0)));
        Assert.Null(Staged(new DirectoryFileSystem(Staging)));
        Assert.Equal(1u, restarted.SecurityCounter);
        Assert.True(restarted.ConfirmTrial().IsAccepted);

        UpdateController confirmed = Boot(store);
        Assert.True(confirmed.Boot().IsAccepted);
        Assert.Equal(3u, confirmed.SecurityCounter);
        Assert.True(confirmed.ReadImageToLoad(out byte[] loaded).IsAccepted);
        Assert.Equal(image, loaded);

        // Twin: a chunk changed on disk is never loaded, and the next start runs the built-in firmware.
        string chunk = Directory.GetFiles(Slot0, "?-0002.bin").Single();
        byte[] changed = File.ReadAllBytes(chunk);
        changed[17] ^= 0x40;
        File.WriteAllBytes(chunk, changed);
        Assert.Equal(ReasonCode.DigestMismatch, confirmed.ReadImageToLoad(out _).Reason);
        UpdateController after = Boot(store);
        Assert.True(after.Boot().IsAccepted);
        Assert.False(after.RunsInstalledImage);
    }

    [Fact]
    public void RejectedPackage_LeavesNoFiles()
    {
        var store = new SimulatedRecordStore(new PowerSupply());
        byte[] package = Package(Vendor, Image(5000));
        package[^1] ^= 1;
        Assert.Equal(ReasonCode.DigestMismatch, Feed(Boot(store), package, 999).Reason);
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PowerCutAtEveryWrite_LeavesTheOldImageOrTheNewOne(bool oldStaged)
    {
        byte[] old = Image(3000, seed: 1);
        byte[] fresh = Image(2100, seed: 2);
        var baseline = new PowerCutFileSystem();
        if (oldStaged)
        {
            StageInto(baseline, old);
        }

        PowerCutFileSystem dry = baseline.Clone();
        dry.CountFromHere();
        StageInto(dry, fresh);

        // The index record is the last write; the deletions of the replaced image's chunks follow it.
        int indexStep = dry.WriteLengths.FindLastIndex(length => length >= 0);
        int cuts = 0;
        foreach ((int step, TearMode mode, int prefix) in PowerCutFileSystem.AllCuts(dry.WriteLengths))
        {
            PowerCutFileSystem flash = baseline.Clone();
            flash.Arm(step, mode, prefix);
            Assert.Throws<PowerCutException>(() => StageInto(flash, fresh));
            flash.Disarm();

            byte[]? after = Staged(flash);
            string where = $"step {step} {mode} {prefix}";
            // Every way a write can be torn (including an in-place overwrite that keeps the old tail) leaves the old
            // image or the new one; nothing staged only when nothing was staged before.
            bool whole = oldStaged ? after != null && (after.SequenceEqual(old) || after.SequenceEqual(fresh)) : after == null || after.SequenceEqual(fresh);
            Assert.True(whole, where + ": " + (after == null ? "the staged image is lost" : "a mix of images is staged"));
            if (mode == TearMode.Untouched && step < indexStep)
            {
                Assert.True(oldStaged ? after!.SequenceEqual(old) : after == null, where + ": cut before the index, the old state");
            }

            // And staging works again after the cut.
            StageInto(flash, fresh);
            Assert.Equal(fresh, Staged(flash));
            cuts++;
        }

        Assert.True(cuts > 2000, "every write step was cut (" + cuts + ")");
    }

    private static void StageInto(IFileSystem files, byte[] image)
    {
        var staging = new ChunkedStagingArea(files, 5000);
        Assert.True(staging.Begin(image.Length).IsAccepted);
        Assert.True(staging.Append(image, 0, image.Length).IsAccepted);
        Assert.True(staging.Commit().IsAccepted);
    }
}
