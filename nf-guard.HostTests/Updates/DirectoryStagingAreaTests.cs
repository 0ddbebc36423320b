using System;
using System.IO;
using NetGuard.Diagnostics;
using NetGuard.Platform.Host;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>The host staging area and slot installer on a real directory, driven by the controller across restarts.</summary>
public sealed class DirectoryStagingAreaTests : IDisposable
{
    private static readonly TestKey Vendor = Key(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private UpdateController Boot(SimulatedRecordStore store) =>
        new(new UpdateSettings(Model, new FirmwareVersion(1, 0, 0), 1), Ring(Vendor), store, new DirectoryStagingArea(Path.Combine(_dir, "staging"), 1 << 20), DirectoryImageInstaller.Create(Path.Combine(_dir, "installed"), 1 << 20), new TestTime(Now));

    [Fact]
    public void StageRestartTrialConfirm_KeepsTheImageInASlotFile()
    {
        var store = new SimulatedRecordStore(new PowerSupply());
        byte[] image = Image(10_000);
        Assert.True(Feed(Boot(store), Package(Vendor, Manifest(Vendor, image, major: 2, counter: 3), image), 1500).IsAccepted);
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(_dir, "staging", "staged.bin")));
        Assert.False(File.Exists(Path.Combine(_dir, "staging", "staging.part")));

        UpdateController restarted = Boot(store);
        Assert.True(restarted.TryGetStaged(out _));
        Assert.True(restarted.Boot().IsAccepted);
        Assert.True(restarted.IsOnTrial);
        Assert.Equal(image, File.ReadAllBytes(Path.Combine(_dir, "installed", "slot-0", "staged.bin")));
        Assert.False(File.Exists(Path.Combine(_dir, "staging", "staged.bin")));
        Assert.Equal(1u, restarted.SecurityCounter);
        Assert.True(restarted.ConfirmTrial().IsAccepted);

        UpdateController confirmed = Boot(store);
        Assert.True(confirmed.Boot().IsAccepted);
        Assert.Equal(3u, confirmed.SecurityCounter);
        Assert.True(confirmed.ReadImageToLoad(out byte[] loaded).IsAccepted);
        Assert.Equal(image, loaded);

        // Twin: the file changed on disk is never loaded, and the next start runs the built-in firmware.
        File.WriteAllBytes(Path.Combine(_dir, "installed", "slot-0", "staged.bin"), Image(10_000, seed: 9));
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
        Assert.False(File.Exists(Path.Combine(_dir, "staging", "staging.part")));
        Assert.False(File.Exists(Path.Combine(_dir, "staging", "staged.bin")));
    }

    [Fact]
    public void Begin_RefusesImageOverItsLimit()
    {
        var staging = new DirectoryStagingArea(_dir, 10);
        Assert.Equal(ReasonCode.TooLarge, staging.Begin(11).Reason);
        Assert.True(staging.Begin(10).IsAccepted);
        Assert.Equal(ReasonCode.TooLarge, staging.Append(new byte[11], 0, 11).Reason);
        staging.Abort();
    }

    [Fact]
    public void Abort_KeepsThePreviouslyStagedImage()
    {
        var staging = new DirectoryStagingArea(_dir, 100);
        Assert.True(staging.Begin(3).IsAccepted);
        Assert.True(staging.Append(new byte[] { 1, 2, 3 }, 0, 3).IsAccepted);
        Assert.True(staging.Commit().IsAccepted);
        Assert.True(staging.Begin(2).IsAccepted);
        Assert.True(staging.Append(new byte[] { 9, 9 }, 0, 2).IsAccepted);
        staging.Abort();

        var buffer = new byte[10];
        Assert.Equal(3, staging.ReadStaged(0, buffer, 0, 10));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.Equal(0, staging.ReadStaged(3, buffer, 0, 10));
    }
}
