using NetGuard.Diagnostics;
using NetGuard.Updates;
using NetGuard.Fuzz;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the dns-response fuzz corpus through <see cref="DnsTxtMessage.TryParseTxtResponse"/> for the fuzz query
/// (id 0x4E47, _netguard.smartsocket.example.com), as the fuzz target does.
/// </summary>
public class DnsResponseRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("dns-response");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_HasExpectedOutcome(string name)
    {
        byte[] input = FuzzSeeds.Read("dns-response", name);

        bool parsed = DnsTxtMessage.TryParseTxtResponse(input, 0, input.Length, FuzzTargets.DnsTransactionId, FuzzTargets.DnsQueryName, out string[] values, out ReasonCode reason);

        Assert.Equal(parsed, reason == ReasonCode.Accepted);
        Assert.Equal(!FuzzSeeds.IsNearValid(name), parsed);
        if (parsed)
        {
            Assert.InRange(values.Length, 1, DnsTxtMessage.MaxValues);
            Assert.All(values, v => Assert.InRange(v.Length, 1, DnsTxtMessage.MaxValueLength));
        }
    }

    [Theory]
    [InlineData("near-nxdomain", ReasonCode.NotFound)]
    [InlineData("near-truncated-flag", ReasonCode.Truncated)]
    [InlineData("near-pointer-loop", ReasonCode.Malformed)]
    public void NearValidSeed_IsRefusedWithReason(string name, ReasonCode expected)
    {
        byte[] input = FuzzSeeds.Read("dns-response", name);

        DnsTxtMessage.TryParseTxtResponse(input, 0, input.Length, FuzzTargets.DnsTransactionId, FuzzTargets.DnsQueryName, out string[] _, out ReasonCode reason);

        Assert.Equal(expected, reason);
    }
}
