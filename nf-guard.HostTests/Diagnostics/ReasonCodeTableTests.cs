using System;
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
            Assert.Equal(code.ToString(), ReasonCodes.Name(code));
        }
    }

    [Fact]
    public void TryParse_RoundTripsEveryCode()
    {
        foreach (ReasonCode code in Enum.GetValues<ReasonCode>())
        {
            Assert.True(ReasonCodes.TryParse(ReasonCodes.Name(code), out ReasonCode parsed));
            Assert.Equal(code, parsed);
        }
    }

    [Fact]
    public void Values_AreDistinctAndFitInOneByte()
    {
        int[] values = Enum.GetValues<ReasonCode>().Select(c => (int)c).ToArray();

        Assert.Equal(values.Length, values.Distinct().Count());
        Assert.All(values, v => Assert.InRange(v, 0, 0xFF));
    }

    [Fact]
    public void Name_OfUndefinedValue_IsNotADefinedName()
    {
        string name = ReasonCodes.Name((ReasonCode)0xEE);

        Assert.Equal("Unknown238", name);
        Assert.False(ReasonCodes.TryParse(name, out _));
    }
}
