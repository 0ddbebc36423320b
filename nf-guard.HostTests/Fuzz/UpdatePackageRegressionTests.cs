using NetGuard.Diagnostics;
using NetGuard.Fuzz;
using NetGuard.HostTests.Updates;
using NetGuard.Updates;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the update-package fuzz corpus (byte 0 = Append chunk size, 0 = all at once; the rest = the package, signed
/// by the netguard CLI with the test-only key in fuzz/keys) through <see cref="UpdateReceiver.Append"/> and
/// <see cref="UpdateReceiver.Complete"/> on a device trusting that key, as the fuzz target does.
/// </summary>
public class UpdatePackageRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("update-package");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_HasExpectedOutcome(string name)
    {
        Decision decision = Replay(FuzzSeeds.Read("update-package", name), out SimulatedDevice device);

        if (name.StartsWith("package-untrusted-key", StringComparison.Ordinal))
        {
            Assert.Equal(ReasonCode.KeyUnknown, decision.Reason);
        }
        else if (name.StartsWith("package-other-model", StringComparison.Ordinal))
        {
            Assert.Equal(ReasonCode.ModelMismatch, decision.Reason);
        }
        else if (FuzzSeeds.IsNearValid(name))
        {
            Assert.False(decision.IsAccepted, name);
        }
        else
        {
            Assert.True(decision.IsAccepted, ReasonCodeNames.Name(decision.Reason));
        }

        Assert.Equal(decision.IsAccepted, device.Controller.TryGetStaged(out StagedUpdate _));
    }

    /// <summary>The fuzz target's steps (<see cref="FuzzTargets.AppendAndComplete"/>) on a simulated device.</summary>
    private static Decision Replay(byte[] input, out SimulatedDevice device)
    {
        device = new SimulatedDevice(FuzzTargets.Ring(), builtInCounter: 1, now: FuzzTargets.Now, maxImage: 64 * 1024);
        return FuzzTargets.AppendAndComplete(device.Controller.BeginReceive(), input);
    }
}
