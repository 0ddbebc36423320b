using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>Confirm / revert, anti-rollback persistence, power cuts at every write, and key rotation.</summary>
public class UpdateControllerTests
{
    private static readonly TestKey Root = Key(1);
    private static readonly TestKey Second = Key(2);
    private static readonly TestKey Third = Key(3);

    [Fact]
    public void ConfirmStaged_InstallsAndRaisesCounterOnlyThen()
    {
        var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        byte[] image = Image(300);
        Assert.True(Feed(device.Controller, Package(Root, Manifest(Root, image, major: 2, minor: 0, counter: 9), image), 64).IsAccepted);
        Assert.Equal(5u, device.Controller.SecurityCounter);
        Assert.Equal("1.0.0", device.Controller.CurrentVersion.ToString());

        UpdateController afterRestart = device.Boot();
        Assert.True(afterRestart.TryGetStaged(out StagedUpdate staged), "the staged update survives a restart");
        Assert.Equal(9u, staged.SecurityCounter);

        Assert.True(afterRestart.ConfirmStaged(true).IsAccepted);
        Assert.Equal(9u, afterRestart.SecurityCounter);
        Assert.Equal("2.0.0", afterRestart.CurrentVersion.ToString());
        Assert.Equal(image, device.Installer.Installed);
        Assert.Null(device.Staging.Staged);
        Assert.False(afterRestart.TryGetStaged(out _));

        UpdateController again = device.Boot();
        Assert.Equal(9u, again.SecurityCounter);
        Assert.Equal("2.0.0", again.CurrentVersion.ToString());
        Assert.Equal(ReasonCode.SecurityCounterRollback, Feed(again, Package(Root, Manifest(Root, image, counter: 8), image), 64).Reason);
        Assert.True(Feed(again, Package(Root, Manifest(Root, image, counter: 9), image), 64).IsAccepted, "twin: same counter is fine");
    }

    [Fact]
    public void ConfirmStaged_FailedSelfTest_KeepsPreviousImageAndCounter()
    {
        var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        byte[] image = Image(30);
        Assert.True(Feed(device.Controller, Package(Root, Manifest(Root, image, counter: 9), image), 7).IsAccepted);

        Decision decision = device.Controller.ConfirmStaged(false);

        Assert.Equal(ReasonCode.SelfTestFailed, decision.Reason);
        Assert.Equal(5u, device.Controller.SecurityCounter);
        Assert.Equal("1.0.0", device.Controller.CurrentVersion.ToString());
        Assert.Null(device.Installer.Installed);
        Assert.Null(device.Staging.Staged);
        Assert.Equal(ReasonCode.NothingStaged, device.Controller.ConfirmStaged(true).Reason);
        Assert.Equal(5u, device.Boot().SecurityCounter);
    }

    [Fact]
    public void ConfirmStaged_WithSelfTestDelegate_TreatsExceptionAsFailure()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] image = Image(30);
        Assert.True(Feed(device.Controller, Package(Root, image), 7).IsAccepted);
        Assert.Equal(ReasonCode.SelfTestFailed, device.Controller.ConfirmStaged(() => throw new InvalidOperationException("boom")).Reason);

        Assert.True(Feed(device.Controller, Package(Root, image), 7).IsAccepted);
        Assert.True(device.Controller.ConfirmStaged(() => true).IsAccepted);
    }

    [Fact]
    public void ConfirmStaged_RehashesStagedImage()
    {
        var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        byte[] image = Image(30);
        Assert.True(Feed(device.Controller, Package(Root, Manifest(Root, image, counter: 9), image), 7).IsAccepted);
        device.Staging.Staged![3] ^= 1; // flash corrupted (or tampered) between staging and installation

        Assert.Equal(ReasonCode.DigestMismatch, device.Controller.ConfirmStaged(true).Reason);
        Assert.Equal(5u, device.Controller.SecurityCounter);
        Assert.Null(device.Installer.Installed);
    }

    [Fact]
    public void NothingStaged_ConfirmRefuses()
    {
        Assert.Equal(ReasonCode.NothingStaged, new SimulatedDevice(Ring(Root)).Controller.ConfirmStaged(true).Reason);
    }

    [Fact]
    public void CorruptStateRecord_FailsClosed()
    {
        var device = new SimulatedDevice(Ring(Root));
        device.Store.Corrupt(UpdateController.StateRecordName);
        UpdateController controller = device.Boot();
        Assert.True(controller.IsStateCorrupt);
        Assert.Equal(ReasonCode.StorageCorrupt, Feed(controller, Package(Root, Image(10)), 5).Reason);
    }

    [Fact]
    public void PowerCut_AtEveryWriteWhileStaging_LeavesPreviousStateIntact()
    {
        byte[] firstImage = Image(100, seed: 1);
        byte[] secondImage = Image(100, seed: 2);
        byte[] first = Package(Root, Manifest(Root, firstImage, minor: 1, counter: 6), firstImage);
        byte[] second = Package(Root, Manifest(Root, secondImage, minor: 2, counter: 7), secondImage);

        // Count the durable steps of an uninterrupted run.
        var reference = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        Assert.True(Feed(reference.Controller, first, 10).IsAccepted);
        int before = reference.Power.Steps;
        Assert.True(Feed(reference.Controller, second, 10).IsAccepted);
        int steps = reference.Power.Steps - before;
        Assert.True(steps > 10);

        for (int cut = 0; cut <= steps; cut++)
        {
            var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
            Assert.True(Feed(device.Controller, first, 10).IsAccepted);
            device.Power.Budget = device.Power.Steps + cut;

            Decision decision = Feed(device.Controller, second, 10);

            UpdateController rebooted = device.Boot();
            Assert.Equal(5u, rebooted.SecurityCounter);
            Assert.Equal("1.0.0", rebooted.CurrentVersion.ToString());
            if (rebooted.TryGetStaged(out StagedUpdate staged))
            {
                // Whatever the record says is staged is exactly what the staging area holds.
                Assert.Equal(staged.GetImageSha256(), Sha256.Hash(device.Staging.Staged!));
                Assert.Equal(decision.IsAccepted ? "1.2.0" : staged.Version.ToString(), staged.Version.ToString());
                Assert.True(staged.Version.ToString() is "1.1.0" or "1.2.0");
            }

            if (cut < steps)
            {
                Assert.False(decision.IsAccepted, "cut after " + cut + " steps");
            }
        }
    }

    [Fact]
    public void PowerCut_AtEveryWriteWhileConfirming_EndsOldOrNewNeverMixed()
    {
        byte[] image = Image(100);
        byte[] package = Package(Root, Manifest(Root, image, major: 3, counter: 12), image);
        var reference = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        Assert.True(Feed(reference.Controller, package, 10).IsAccepted);
        int before = reference.Power.Steps;
        Assert.True(reference.Controller.ConfirmStaged(true).IsAccepted);
        int steps = reference.Power.Steps - before;

        for (int cut = 0; cut <= steps; cut++)
        {
            var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
            Assert.True(Feed(device.Controller, package, 10).IsAccepted);
            device.Power.Budget = device.Power.Steps + cut;
            device.Controller.ConfirmStaged(true);

            UpdateController rebooted = device.Boot();
            bool updated = rebooted.SecurityCounter == 12;
            if (updated)
            {
                Assert.Equal("3.1.0", rebooted.CurrentVersion.ToString());
                Assert.Equal(image, device.Installer.Installed);
            }
            else
            {
                Assert.Equal(5u, rebooted.SecurityCounter);
                Assert.Equal("1.0.0", rebooted.CurrentVersion.ToString());
                Assert.True(rebooted.TryGetStaged(out _), "still staged: the confirmation can be retried");
                Assert.True(rebooted.ConfirmStaged(true).IsAccepted);
                Assert.Equal(12u, rebooted.SecurityCounter);
            }
        }
    }

    [Fact]
    public void KeyRotation_AcceptsListSignedByRootWithHigherVersion_AndPersistsIt()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] list = KeyList(Root, 2, new[] { Second, Third }, Array.Empty<byte[]>());

        Assert.True(device.Controller.ApplyKeyList(list, 0, list.Length).IsAccepted);
        UpdateController rebooted = device.Boot();
        Assert.Equal(2u, rebooted.Keys.Version);
        byte[] image = Image(10);
        Assert.True(Feed(rebooted, Package(Third, Manifest(Third, image), image), 5).IsAccepted, "a key of the new list signs");
        Assert.Equal(ReasonCode.KeyUnknown, Feed(rebooted, Package(Root, image), 5).Reason);

        byte[] next = KeyList(Second, 3, new[] { Second }, new[] { Third.Id });
        Assert.True(rebooted.ApplyKeyList(next, 0, next.Length).IsAccepted, "the new root signs the next list");
    }

    [Fact]
    public void KeyRotation_RejectsSameOrLowerVersion()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] list = KeyList(Root, 1, new[] { Second }, Array.Empty<byte[]>());
        Assert.Equal(ReasonCode.NotNewer, device.Controller.ApplyKeyList(list, 0, list.Length).Reason);
    }

    [Fact]
    public void KeyRotation_RejectsListSignedByNonRootKey()
    {
        var device = new SimulatedDevice(Ring(Root, Second));
        byte[] list = KeyList(Second, 2, new[] { Second }, Array.Empty<byte[]>());
        Assert.Equal(ReasonCode.KeyUnknown, device.Controller.ApplyKeyList(list, 0, list.Length).Reason);
    }

    [Fact]
    public void KeyRotation_RejectsForgedSignatureAndEveryFlippedByte()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] list = KeyList(Root, 2, new[] { Second }, Array.Empty<byte[]>());
        for (int i = 0; i < list.Length; i++)
        {
            byte[] twin = (byte[])list.Clone();
            twin[i] ^= 0x04;
            Assert.False(device.Controller.ApplyKeyList(twin, 0, twin.Length).IsAccepted, "byte " + i);
        }

        Assert.Equal(1u, device.Controller.Keys.Version);
        Assert.True(device.Controller.ApplyKeyList(list, 0, list.Length).IsAccepted);
    }

    [Fact]
    public void KeyRotation_RevocationsAccumulate()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] first = KeyList(Root, 2, new[] { Root, Second, Third }, new[] { Third.Id });
        Assert.True(device.Controller.ApplyKeyList(first, 0, first.Length).IsAccepted);
        byte[] second = KeyList(Root, 3, new[] { Root, Second, Third }, Array.Empty<byte[]>());
        Assert.True(device.Controller.ApplyKeyList(second, 0, second.Length).IsAccepted);
        byte[] image = Image(10);
        Assert.Equal(ReasonCode.KeyRevoked, Feed(device.Controller, Package(Third, Manifest(Third, image), image), 5).Reason);
        Assert.True(Feed(device.Controller, Package(Second, Manifest(Second, image), image), 5).IsAccepted);
    }

    [Fact]
    public void KeyRotation_RejectsTruncatedAndOversizedLists()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] list = KeyList(Root, 2, new[] { Second }, Array.Empty<byte[]>());
        for (int length = 0; length < list.Length; length++)
        {
            Assert.False(device.Controller.ApplyKeyList(list, 0, length).IsAccepted);
        }

        byte[] longer = new byte[list.Length + 1];
        list.CopyTo(longer, 0);
        Assert.Equal(ReasonCode.LengthMismatch, device.Controller.ApplyKeyList(longer, 0, longer.Length).Reason);
    }

    internal static byte[] KeyList(TestKey signer, uint version, TestKey[] keys, byte[][] revoked)
    {
        var ring = new TrustedKeyRing(version, Array.ConvertAll(keys, k => k.Public), revoked);
        byte[] signed = ring.ToSignedPortion(signer.Id);
        byte[] signature = signer.Sign(signed);
        var list = new byte[signed.Length + 64];
        signed.CopyTo(list, 0);
        signature.CopyTo(list, signed.Length);
        return list;
    }
}
