using System.IO;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Platform.Host;
using NetGuard.Storage;
using static NetGuard.HostTests.Credentials.CredentialHostSupport;

namespace NetGuard.HostTests.Credentials;

/// <summary>The account on real files in a temporary data directory, across simulated restarts.</summary>
public sealed class OwnerAccountPersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netguard-owner-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }

    [Fact]
    public void SetupCode_Password_AndFailureCount_SurviveRestarts()
    {
        OwnerAccount first = Open(new DirectoryFileSystem(_directory));
        string code = first.ReadSetupCodeForLabel();

        OwnerAccount second = Open(new DirectoryFileSystem(_directory), seed: 77);
        Assert.Equal(code, second.ReadSetupCodeForLabel());
        Assert.True(second.IsSetupRequired);
        Assert.True(second.CompleteSetup(code, Good, 0).IsAccepted);
        for (int i = 0; i < 6; i++)
        {
            second.Login(Wrong, i * 10 * Second, out _);
        }

        OwnerAccount third = Open(new DirectoryFileSystem(_directory), seed: 78);
        Assert.False(third.IsSetupRequired);
        Assert.Equal(6, third.ConsecutiveFailures);
        Decision throttled = third.Login(Good, 0, out _);
        Assert.Equal(ReasonCode.Throttled, throttled.Reason);
        Assert.Equal(2 * Second, throttled.RetryAfterTicks);
        Assert.True(third.Login(Good, 2 * Second, out _).IsAccepted);
        Assert.True(third.FactoryReset(0).IsAccepted);

        OwnerAccount fourth = Open(new DirectoryFileSystem(_directory), seed: 79);
        Assert.True(fourth.IsSetupRequired);
        Assert.Equal(code, fourth.ReadSetupCodeForLabel());
        Assert.Equal(0, fourth.ConsecutiveFailures);
        Assert.False(File.Exists(Path.Combine(_directory, "owner.0")) || File.Exists(Path.Combine(_directory, "owner.1")));
    }

    [Fact]
    public void StoredFiles_NeverContainThePassword()
    {
        OwnerAccount account = Open(new DirectoryFileSystem(_directory));
        Assert.True(account.CompleteSetup(account.ReadSetupCodeForLabel(), Good, 0).IsAccepted);

        foreach (string file in Directory.GetFiles(_directory))
        {
            string text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(Good, text);
        }
    }

    [Fact]
    public void Calibration_IsStoredAndReused()
    {
        SlotRecordStore store = new(new DirectoryFileSystem(_directory), 64);
        int first = PasswordHashCalibration.LoadOrCalibrate(store, new StopwatchClock(), 20 * TimeSpan.TicksPerMillisecond, 10, 10_000_000);
        int second = PasswordHashCalibration.LoadOrCalibrate(new SlotRecordStore(new DirectoryFileSystem(_directory), 64), new StopwatchClock(), 20 * TimeSpan.TicksPerMillisecond, 10, 10_000_000);

        Assert.Equal(first, second);
        Assert.InRange(first, 10, 10_000_000);
    }
}
