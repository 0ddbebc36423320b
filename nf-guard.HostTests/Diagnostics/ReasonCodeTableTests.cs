using System.Linq;
using NetGuard.Diagnostics;

namespace NetGuard.HostTests.Diagnostics;

public class ReasonCodeTableTests
{
    [Fact]
    public void Name_MatchesEnumMemberName_ForEveryCode()
    {
        foreach (ReasonCode code in Enum.GetValues<ReasonCode>())
        {
            Assert.Equal(code.ToString(), ReasonCodeNames.Name(code));
        }
    }

    [Fact]
    public void TryParse_RoundTripsEveryCode()
    {
        foreach (ReasonCode code in Enum.GetValues<ReasonCode>())
        {
            Assert.True(ReasonCodeNames.TryParse(ReasonCodeNames.Name(code), out ReasonCode parsed));
            Assert.Equal(code, parsed);
        }
    }

    [Fact]
    public void Values_AreDistinctAndBelow0x80()
    {
        // GuardCounters keeps one counter per value below 0x80; a code at 0x80 or above would go uncounted per reason.
        int[] values = Enum.GetValues<ReasonCode>().Select(c => (int)c).ToArray();

        Assert.Equal(values.Length, values.Distinct().Count());
        Assert.All(values, v => Assert.InRange(v, 0, 0x7F));
    }

    [Fact]
    public void Name_OfUndefinedValue_IsNotADefinedName()
    {
        string name = ReasonCodeNames.Name((ReasonCode)0xEE);

        Assert.Equal("Unknown238", name);
        Assert.False(ReasonCodeNames.TryParse(name, out _));
    }
}
