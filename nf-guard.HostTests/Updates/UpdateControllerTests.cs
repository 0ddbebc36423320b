using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Updates;
using static NetGuard.HostTests.Updates.UpdateTestKit;

namespace NetGuard.HostTests.Updates;

/// <summary>Trial, confirmation and rollback, anti-rollback persistence, power cuts at every write, and key rotation.</summary>
public class UpdateControllerTests
{
    private static readonly TestKey Root = Key(1);
    private static readonly TestKey Second = Key(2);
    private static readonly TestKey Third = Key(3);

    private static readonly byte[] ImageA = Image(300, seed: 1);
    private static readonly byte[] ImageB = Image(700, seed: 2);
    private static readonly byte[] PackageA = Package(Root, Manifest(Root, ImageA, major: 2, minor: 0, counter: 9), ImageA);
    private static readonly byte[] PackageB = Package(Root, Manifest(Root, ImageB, major: 3, minor: 0, counter: 12), ImageB);

    // A device with builtInCounter 5 that has PackageA staged.
    private static SimulatedDevice Staged(byte[] package)
    {
        var device = new SimulatedDevice(Ring(Root), builtInCounter: 5);
        Decision staged = Feed(device.Controller, package, 64);
        Assert.True(staged.IsAccepted, Name(staged.Reason));
        return device;
    }

    // A device running 2.0.0 (ImageA, counter 9), confirmed, with PackageB staged.
    private static SimulatedDevice RunningAWithBStaged()
    {
        SimulatedDevice device = Staged(PackageA);
        Assert.True(device.RestartAndBoot().ConfirmTrial().IsAccepted);
        UpdateController running = device.RestartAndBoot();
        Assert.Equal("2.0.0", running.CurrentVersion.ToString());
        Assert.True(Feed(running, PackageB, 100).IsAccepted);
        return device;
    }

    [Fact]
    public void Boot_StartsTheStagedUpdateOnTrial_CounterRisesOnlyAtConfirmation()
    {
        SimulatedDevice device = Staged(PackageA);
        Assert.Equal("1.0.0", device.Controller.CurrentVersion.ToString());

        UpdateController trial = device.RestartAndBoot();
        Assert.True(trial.IsOnTrial);
        Assert.Equal("2.0.0", trial.CurrentVersion.ToString());
        Assert.Equal(5u, trial.SecurityCounter);
        Assert.Equal(InstallOutcome.Trial, trial.LastInstall);
        Assert.Equal(ImageA, device.ActiveImage);
        Assert.True(device.Installer.KeepsPrevious, "the built-in firmware stays the previous image");
        Assert.Null(device.Staging.Staged);
        Assert.Equal(ReasonCode.SecurityCounterRollback, Feed(trial, Package(Root, Manifest(Root, ImageA, counter: 4), ImageA), 64).Reason);

        Assert.True(trial.ConfirmTrial().IsAccepted);
        Assert.Equal(9u, trial.SecurityCounter);
        Assert.False(device.Installer.KeepsPrevious);

        UpdateController again = device.RestartAndBoot();
        Assert.Equal(9u, again.SecurityCounter);
        Assert.Equal("2.0.0", again.CurrentVersion.ToString());
        Assert.Equal(InstallOutcome.Confirmed, again.LastInstall);
        Assert.Equal(ReasonCode.SecurityCounterRollback, Feed(again, Package(Root, Manifest(Root, ImageA, counter: 8), ImageA), 64).Reason);
        Assert.True(Feed(again, Package(Root, Manifest(Root, ImageA, counter: 9), ImageA), 64).IsAccepted, "twin: same counter is fine");
    }

    [Fact]
    public void SecondUpdate_RolledBack_ReturnsToTheFirstUpdateNotTheBuiltInFirmware()
    {
        SimulatedDevice device = RunningAWithBStaged();
        UpdateController trial = device.RestartAndBoot();
        Assert.Equal("3.0.0", trial.CurrentVersion.ToString());
        Assert.Equal(ImageB, device.ActiveImage);

        UpdateController crashed = device.RestartAndBoot();

        Assert.Equal("2.0.0", crashed.CurrentVersion.ToString());
        Assert.Equal(9u, crashed.SecurityCounter);
        Assert.Equal(ImageA, device.ActiveImage);
        Assert.Equal(InstallOutcome.RolledBack, crashed.LastInstall);
        Assert.Equal(ReasonCode.TrialNotConfirmed, crashed.LastInstallReason);
        Assert.Equal("3.0.0", crashed.LastInstallVersion.ToString());
        Assert.True(crashed.ReadImageToLoad(out byte[] loaded).IsAccepted);
        Assert.Equal(ImageA, loaded);
        Assert.True(Feed(crashed, PackageB, 100).IsAccepted, "the owner may push the package again");
    }

    [Fact]
    public void FailTrial_KeepsPreviousImageAndCounter()
    {
        SimulatedDevice device = RunningAWithBStaged();
        UpdateController trial = device.RestartAndBoot();

        Assert.True(trial.FailTrial(ReasonCode.SelfTestFailed).IsAccepted);

        Assert.Equal(ReasonCode.SelfTestFailed, trial.LastInstallReason);
        Assert.Equal(9u, trial.SecurityCounter);
        Assert.Equal("2.0.0", trial.CurrentVersion.ToString());
        Assert.Equal(ImageA, device.ActiveImage);
        Assert.Equal(ReasonCode.InvalidState, trial.FailTrial(ReasonCode.SelfTestFailed).Reason);
        UpdateController restarted = device.RestartAndBoot();
        Assert.False(restarted.IsOnTrial, "never retried by itself");
        Assert.Equal("2.0.0", restarted.CurrentVersion.ToString());
    }

    [Fact]
    public void Boot_RehashesTheStagedImage()
    {
        SimulatedDevice device = Staged(PackageA);
        device.Staging.Staged![3] ^= 1; // flash corrupted (or tampered) between staging and the trial

        UpdateController booted = device.RestartAndBoot();
        Assert.False(booted.IsOnTrial);
        Assert.Equal(ReasonCode.DigestMismatch, booted.LastInstallReason);
        Assert.Equal(5u, booted.SecurityCounter);
        Assert.Null(device.ActiveImage);
    }

    [Fact]
    public void Boot_InstalledImageChangedInFlash_IsNeverRun()
    {
        SimulatedDevice device = RunningAWithBStaged();
        device.Controller.DiscardStaged();
        device.Slot0.Staged![0] ^= 1;

        UpdateController booted = device.RestartAndBoot();

        Assert.False(booted.RunsInstalledImage);
        Assert.Equal("1.0.0", booted.CurrentVersion.ToString());
        Assert.Equal(9u, booted.SecurityCounter);
        Assert.Equal(ReasonCode.DigestMismatch, booted.LastInstallReason);
        Assert.Equal(ReasonCode.NothingStaged, booted.ReadImageToLoad(out _).Reason);
    }

    [Fact]
    public void UnreadableSlotIndex_RunsTheBuiltInFirmware()
    {
        SimulatedDevice device = RunningAWithBStaged();
        device.Controller.DiscardStaged();
        device.SlotIndex.Corrupt(SlotImageInstaller.IndexRecordName);

        UpdateController booted = device.RestartAndBoot();
        Assert.False(booted.RunsInstalledImage);
        Assert.Equal(ReasonCode.DigestMismatch, booted.LastInstallReason);
    }

    [Fact]
    public void CorruptStateRecord_FailsClosed()
    {
        var device = new SimulatedDevice(Ring(Root));
        device.Store.Corrupt(UpdateController.StateRecordName);
        UpdateController controller = device.Restart();
        Assert.True(controller.IsStateCorrupt);
        Assert.Equal(ReasonCode.StorageCorrupt, controller.Boot().Reason);
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

            UpdateController rebooted = device.Restart();
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

    // Runs step on a fresh device from setup, with power cut after 0, 1, ... writes, then restarts and boots with full
    // power and hands the result to check; returns how many writes the uninterrupted step makes. A step must not
    // restart the device itself (a restart restores power): setup does that.
    private static int PowerCutAtEveryWrite(Func<SimulatedDevice> setup, Action<SimulatedDevice> step, Action<SimulatedDevice, UpdateController, int> check)
    {
        SimulatedDevice reference = setup();
        int before = reference.Power.Steps;
        step(reference);
        int steps = reference.Power.Steps - before;
        Assert.True(steps >= 1);
        for (int cut = 0; cut <= steps; cut++)
        {
            SimulatedDevice device = setup();
            device.Power.Budget = device.Power.Steps + cut;
            step(device);
            check(device, device.RestartAndBoot(), cut);
        }

        return steps;
    }

    [Fact]
    public void PowerCut_AtEveryWriteOfTheTrialStart_RunsOldOrNewOnTrialNeverUnguarded()
    {
        int steps = PowerCutAtEveryWrite(
            () =>
            {
                SimulatedDevice device = RunningAWithBStaged();
                device.Restart();
                return device;
            },
            device => device.Controller.Boot(),
            (device, booted, cut) =>
            {
                Assert.Equal(9u, booted.SecurityCounter);
                if (booted.IsOnTrial)
                {
                    Assert.Equal("3.0.0", booted.CurrentVersion.ToString());
                    Assert.Equal(ImageB, device.ActiveImage);
                    Assert.True(booted.ConfirmTrial().IsAccepted, "cut " + cut);
                    Assert.Equal(12u, booted.SecurityCounter);
                }
                else
                {
                    // The interrupted start counts as the trial's one run: rolled back, the confirmed image runs.
                    Assert.Equal("2.0.0", booted.CurrentVersion.ToString());
                    Assert.Equal(ImageA, device.ActiveImage);
                    Assert.Equal(InstallOutcome.RolledBack, booted.LastInstall);
                }
            });
        Assert.True(steps >= 6, "trial record, slot copy, index, staging discard, boot flag: " + steps);
    }

    [Fact]
    public void PowerCut_AtEveryWriteOfTheConfirmation_EndsConfirmedOrRolledBackNeverMixed()
    {
        PowerCutAtEveryWrite(
            () =>
            {
                SimulatedDevice device = RunningAWithBStaged();
                device.RestartAndBoot();
                return device;
            },
            device => device.Controller.ConfirmTrial(),
            (device, booted, cut) =>
            {
                Assert.False(booted.IsOnTrial);
                Assert.False(device.Installer.KeepsPrevious, "cut " + cut);
                if (booted.LastInstall == InstallOutcome.Confirmed)
                {
                    Assert.Equal(12u, booted.SecurityCounter);
                    Assert.Equal("3.0.0", booted.CurrentVersion.ToString());
                    Assert.Equal(ImageB, device.ActiveImage);
                }
                else
                {
                    Assert.Equal(InstallOutcome.RolledBack, booted.LastInstall);
                    Assert.Equal(ReasonCode.TrialNotConfirmed, booted.LastInstallReason);
                    Assert.Equal(9u, booted.SecurityCounter);
                    Assert.Equal("2.0.0", booted.CurrentVersion.ToString());
                    Assert.Equal(ImageA, device.ActiveImage);
                }
            });
    }

    [Fact]
    public void PowerCut_AtEveryWriteOfTheRollback_EndsOnThePreviousImage()
    {
        foreach (bool selfTestFailed in new[] { true, false })
        {
            PowerCutAtEveryWrite(
                () =>
                {
                    SimulatedDevice device = RunningAWithBStaged();
                    device.RestartAndBoot();
                    if (!selfTestFailed)
                    {
                        device.Restart(); // the trial crashed; this start rolls it back
                    }

                    return device;
                },
                device =>
                {
                    if (selfTestFailed)
                    {
                        device.Controller.FailTrial(ReasonCode.SelfTestFailed);
                    }
                    else
                    {
                        device.Controller.Boot();
                    }
                },
                (device, booted, cut) =>
                {
                    Assert.False(booted.IsOnTrial);
                    Assert.Equal(InstallOutcome.RolledBack, booted.LastInstall);
                    Assert.Equal(9u, booted.SecurityCounter);
                    Assert.Equal("2.0.0", booted.CurrentVersion.ToString());
                    Assert.Equal(ImageA, device.ActiveImage);
                    Assert.False(device.Installer.KeepsPrevious, "cut " + cut);
                });
        }
    }

    [Fact]
    public void KeyRotation_AcceptsListSignedByRootWithHigherVersion_AndPersistsIt()
    {
        var device = new SimulatedDevice(Ring(Root));
        byte[] list = KeyList(Root, 2, new[] { Second, Third }, Array.Empty<byte[]>());

        Assert.True(device.Controller.ApplyKeyList(list, 0, list.Length).IsAccepted);
        UpdateController rebooted = device.Restart();
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
