using System.Text;
using NetGuard.Diagnostics;
using NetGuard.HostTests.Updates;
using NetGuard.Updates;
using NetGuard.Fuzz;

namespace NetGuard.HostTests.Fuzz;

/// <summary>
/// Replays the announcement fuzz corpus (TXT values from the netguard CLI's announce with the test-only key in
/// fuzz/keys, and their binary form) through <see cref="UpdateAnnouncement.TryDecodeText"/>,
/// <see cref="UpdateAnnouncement.TryParse"/> and <see cref="UpdateAnnouncement.Verify"/>, as the fuzz target does.
/// </summary>
public class AnnouncementRegressionTests
{
    public static TheoryData<string> Seeds => FuzzSeeds.Names("announcement");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_HasExpectedOutcome(string name)
    {
        byte[] input = FuzzSeeds.Read("announcement", name);

        bool text = UpdateAnnouncement.TryDecodeText(Encoding.Latin1.GetString(input), out UpdateAnnouncement fromText, out ReasonCode _);
        bool binary = UpdateAnnouncement.TryParse(input, 0, input.Length, out UpdateAnnouncement fromBinary, out ReasonCode _);
        UpdateAnnouncement? announcement = text ? fromText : binary ? fromBinary : null;

        if (FuzzSeeds.IsNearValid(name))
        {
            Assert.Null(announcement);
            return;
        }

        Assert.NotNull(announcement);
        ReasonCode verified = announcement!.Verify(FuzzTargets.Ring(), FuzzTargets.Model, new TestTime(announcement.IssuedAt + 60), 300);
        ReasonCode expected = name.StartsWith("announce-other-model", System.StringComparison.Ordinal) ? ReasonCode.ModelMismatch
            : name.StartsWith("announce-untrusted-key", System.StringComparison.Ordinal) ? ReasonCode.KeyUnknown
            : ReasonCode.Accepted;
        Assert.Equal(expected, verified);
        if (expected == ReasonCode.Accepted)
        {
            Assert.Equal(ReasonCode.Expired, announcement.Verify(FuzzTargets.Ring(), FuzzTargets.Model, new TestTime(announcement.ExpiresAt + 1), 300));
        }
    }
}
