using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.HostTests.Storage;
using Xunit.Abstractions;
using static NetGuard.HostTests.Credentials.CredentialHostSupport;

namespace NetGuard.HostTests.Credentials;

/// <summary>
/// Cuts power at every write step (and every torn shape of each write) of setup, password change, login
/// failure counting, successful login and factory reset, restarts the device on the flash as it was left, and
/// checks the state is the old or the new one: never corrupt, and never "open".
/// </summary>
public sealed class OwnerAccountPowerCutTests
{
    private const long T0 = 100 * Second;
    private readonly ITestOutputHelper _output;

    public OwnerAccountPowerCutTests(ITestOutputHelper output) => _output = output;

    private delegate void Operation(OwnerAccount account);

    private delegate void Check(OwnerAccount restarted, PowerCutFileSystem flash, string where);

    [Fact]
    public void CompleteSetup_EveryCut_IsSetupRequiredWithCodeOrActiveWithNewPassword()
    {
        PowerCutFileSystem baseline = new();
        string code = Open(baseline).ReadSetupCodeForLabel();

        int cuts = RunEveryCut(
            baseline,
            prepare: null,
            operation: account => account.CompleteSetup(code, Good, T0),
            check: (restarted, flash, where) =>
            {
                if (restarted.IsSetupRequired)
                {
                    AssertOnlySetupCodeOpens(restarted, code, where);
                }
                else
                {
                    Assert.True(restarted.Login(Good, T0, out _).IsAccepted, where);
                }
            });

        _output.WriteLine($"setup: {cuts} cuts, all old (setup required, code still demanded) or new (active)");
    }

    [Fact]
    public void ChangePassword_EveryCut_OldOrNewPasswordWorks_NeverSetupRequired()
    {
        PowerCutFileSystem baseline = new();
        OwnerAccount first = Open(baseline);
        Assert.True(first.CompleteSetup(first.ReadSetupCodeForLabel(), Good, T0).IsAccepted);
        string? token = null;

        int cuts = RunEveryCut(
            baseline,
            prepare: account => token = Login(account, Good, T0),
            operation: account => account.ChangePassword(token!, Good, Other, T0),
            check: (restarted, flash, where) =>
            {
                Assert.False(restarted.IsSetupRequired, where);
                bool oldWorks = restarted.Login(Good, T0 + (1000 * Second), out _).IsAccepted;
                bool newWorks = restarted.Login(Other, T0 + (2000 * Second), out _).IsAccepted;
                Assert.True(oldWorks ^ newWorks, where + $" old {oldWorks} new {newWorks}");
            });

        _output.WriteLine($"password change: {cuts} cuts, exactly one of old/new password works after each");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(9)]
    public void FailedLogin_EveryCut_CountIsOldOrOldPlusOne(int earlierFailures)
    {
        PowerCutFileSystem baseline = new();
        OwnerAccount first = Open(baseline);
        Assert.True(first.CompleteSetup(first.ReadSetupCodeForLabel(), Good, T0).IsAccepted);
        long now = T0;
        for (int i = 0; i < earlierFailures; i++)
        {
            now += AccountPolicy().DelayAfter(i);
            Assert.Equal(ReasonCode.PasswordInvalid, first.Login(Wrong, now, out _).Reason);
        }

        // After a restart a pending back-off starts at the first attempt (fail closed): make that attempt at
        // boot (refused, nothing written) and the counted one a day later.
        int cuts = RunEveryCut(
            baseline,
            prepare: account =>
            {
                if (account.ConsecutiveFailures >= AccountPolicy().FreeAttempts)
                {
                    Assert.Equal(ReasonCode.Throttled, account.Login(Wrong, 0, out _).Reason);
                }
            },
            operation: account => account.Login(Wrong, TimeSpan.TicksPerDay, out _),
            check: (restarted, flash, where) =>
            {
                Assert.False(restarted.IsSetupRequired, where);
                Assert.InRange(restarted.ConsecutiveFailures, earlierFailures, earlierFailures + 1);
            });

        _output.WriteLine($"failed login after {earlierFailures}: {cuts} cuts, count always {earlierFailures} or {earlierFailures + 1}");
    }

    [Fact]
    public void SuccessfulLogin_EveryCut_CountNeverDropsBelowZeroOrLosesTheCredential()
    {
        PowerCutFileSystem baseline = new();
        OwnerAccount first = Open(baseline);
        Assert.True(first.CompleteSetup(first.ReadSetupCodeForLabel(), Good, T0).IsAccepted);
        first.Login(Wrong, T0, out _);
        first.Login(Wrong, T0, out _);

        int cuts = RunEveryCut(
            baseline,
            prepare: null,
            operation: account => account.Login(Good, T0, out _),
            check: (restarted, flash, where) =>
            {
                Assert.False(restarted.IsSetupRequired, where);
                int count = restarted.ConsecutiveFailures;
                Assert.True(count == 0 || count == 2 || count == 3, where + " count " + count);
                Assert.True(restarted.Login(Good, T0, out _).IsAccepted, where);
            });

        _output.WriteLine($"successful login: {cuts} cuts");
    }

    [Fact]
    public void FactoryReset_EveryCut_IsActiveWithPasswordOrSetupRequiredWithCode()
    {
        PowerCutFileSystem baseline = new();
        OwnerAccount first = Open(baseline);
        string code = first.ReadSetupCodeForLabel();
        Assert.True(first.CompleteSetup(code, Good, T0).IsAccepted);
        first.Login(Wrong, T0, out _);

        int cuts = RunEveryCut(
            baseline,
            prepare: null,
            operation: account => account.FactoryReset(T0),
            check: (restarted, flash, where) =>
            {
                Assert.Equal(code, restarted.ReadSetupCodeForLabel());
                if (restarted.IsSetupRequired)
                {
                    AssertOnlySetupCodeOpens(restarted, code, where);
                }
                else
                {
                    Assert.True(restarted.Login(Good, T0, out _).IsAccepted, where);
                }
            });

        _output.WriteLine($"factory reset: {cuts} cuts");
    }

    [Fact]
    public void FirstBoot_EveryCutWhileStoringTheSetupCode_StillNeedsACode()
    {
        PowerCutFileSystem dry = new();
        dry.CountFromHere();
        Open(dry);
        foreach ((int step, TearMode mode, int prefix) in PowerCutFileSystem.AllCuts(dry.WriteLengths))
        {
            PowerCutFileSystem flash = new();
            flash.Arm(step, mode, prefix);
            Assert.Throws<PowerCutException>(() => Open(flash));
            flash.Disarm();

            OwnerAccount restarted = Open(flash, seed: 2);
            Assert.True(restarted.IsSetupRequired);
            AssertOnlySetupCodeOpens(restarted, restarted.ReadSetupCodeForLabel(), $"step {step} {mode} {prefix}");
        }
    }

    private static void AssertOnlySetupCodeOpens(OwnerAccount restarted, string code, string where)
    {
        Assert.Equal(ReasonCode.SetupRequired, restarted.Login(Good, T0, out _).Reason);
        Assert.Equal(ReasonCode.SetupRequired, restarted.Login(string.Empty, T0, out _).Reason);
        Assert.Equal(ReasonCode.SetupCodeInvalid, restarted.CompleteSetup(WrongCode(code), Other, T0 + (5000 * Second)).Reason);
        Assert.True(restarted.CompleteSetup(code, Other, T0 + (10000 * Second)).IsAccepted, where);
    }

    private static int RunEveryCut(PowerCutFileSystem baseline, Operation? prepare, Operation operation, Check check)
    {
        PowerCutFileSystem dry = baseline.Clone();
        OwnerAccount dryAccount = Open(dry);
        prepare?.Invoke(dryAccount);
        dry.CountFromHere();
        operation(dryAccount);
        Assert.True(dry.WriteLengths.Count > 0, "the operation writes something");

        int cuts = 0;
        foreach ((int step, TearMode mode, int prefix) in PowerCutFileSystem.AllCuts(dry.WriteLengths))
        {
            PowerCutFileSystem flash = baseline.Clone();
            OwnerAccount account = Open(flash);
            prepare?.Invoke(account);
            flash.Arm(step, mode, prefix);
            Assert.Throws<PowerCutException>(() => operation(account));
            flash.Disarm();

            check(Open(flash, seed: 3), flash, $"step {step} {mode} {prefix}");
            cuts++;
        }

        return cuts;
    }
}
