using NetGuard.Diagnostics;
using NetGuard.Updates;
using NetGuard.Fuzz;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the key-list fuzz corpus (lists signed by the netguard CLI's rotate with the test-only root in fuzz/keys)
/// through <see cref="TrustedKeyRing.TryApplyKeyList"/> on a version-1 ring of that root and
/// <see cref="TrustedKeyRing.TryLoad"/>, as the fuzz target does.
/// </summary>
public class KeyListRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("key-list");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_HasExpectedOutcome(string name)
    {
        byte[] input = FuzzSeeds.Read("key-list", name);
        TrustedKeyRing ring = FuzzTargets.Ring();

        bool applied = ring.TryApplyKeyList(input, 0, input.Length, out TrustedKeyRing next, out ReasonCode reason);
        bool loaded = TrustedKeyRing.TryLoad(input, out TrustedKeyRing _);

        Assert.Equal(applied, reason == ReasonCode.Accepted);
        Assert.Equal(applied, next != null);
        switch (name)
        {
            case "keylist-v2":
            case "keylist-new-root":
                Assert.True(applied, ReasonCodeNames.Name(reason));
                Assert.True(TrustedKeyRing.TryLoad(next!.ToRecord(), out TrustedKeyRing _));
                break;
            case "keylist-not-newer":
                Assert.Equal(ReasonCode.NotNewer, reason);
                Assert.True(loaded);
                break;
            case "ring-record":
                // A stored ring (ToRecord) has an all-zero signature: TryLoad reads it, TryApplyKeyList must not.
                Assert.Equal(ReasonCode.SignatureInvalid, reason);
                Assert.True(loaded);
                break;
            default:
                Assert.False(applied, name);
                break;
        }
    }
}
