using NetGuard.Diagnostics;
using NetGuard.Http;

namespace NetGuard.HostTests.Fuzz;

/// <summary>Replays the json fuzz corpus through <see cref="JsonReader.Parse"/> and every accessor, as the fuzz target does.</summary>
public class JsonRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("json");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_ParsesOrRefusesWithoutThrowing(string name)
    {
        byte[] input = FuzzSeeds.Read("json", name);

        ReasonCode reason = JsonReader.Parse(input, 0, input.Length, out JsonObject json);

        Assert.Equal(reason == ReasonCode.Accepted, json != null);
        if (json == null)
        {
            return;
        }

        byte[] copy = new byte[64];
        for (int i = 0; i < json.Count; i++)
        {
            string member = json.NameAt(i);
            Assert.Equal(json.KindAt(i), json.KindOf(member));
            json.TryGetString(member, out string _);
            json.TryCopyString(member, copy, 0, out int _);
            json.TryCopyString(member, copy, 60, out int _);
            json.TryGetBoolean(member, out bool _);
            json.TryGetInt64(member, out long _);
        }
    }

    [Theory]
    [InlineData("doc-0", true)]
    [InlineData("doc-1", true)]
    [InlineData("doc-2", true)]
    [InlineData("doc-4", false)] // trailing comma
    [InlineData("doc-6", false)] // leading zero
    [InlineData("doc-7", false)] // not an object
    public void Seed_HasExpectedOutcome(string name, bool accepted)
    {
        byte[] input = FuzzSeeds.Read("json", name);

        Assert.Equal(accepted, JsonReader.Parse(input, 0, input.Length, out JsonObject _) == ReasonCode.Accepted);
    }
}
