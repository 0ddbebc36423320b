using System.Collections.Generic;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using Xunit.Abstractions;
using static NetGuard.HostTests.Credentials.CredentialHostSupport;
using NetGuard.Testing;

namespace NetGuard.HostTests.Credentials;

/// <summary>
/// An online guessing attack against the login over simulated time: the attacker retries the moment the
/// throttle allows. Reports how many guesses per hour and per day get through (NIST SP 800-63B rev 4 3.2.2
/// caps consecutive failures at 100; ETSI EN 303 645 5.1-5 asks to make brute force impracticable).
/// </summary>
public sealed class BruteForceTests
{
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Day = TimeSpan.TicksPerDay;
    private readonly ITestOutputHelper _output;

    public BruteForceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TenThousandWrongPasswords_AreHeldToAFewHundredPerDay()
    {
        OwnerAccount account = Open(new MemoryFileSystem());
        Assert.True(account.CompleteSetup(account.ReadSetupCodeForLabel(), Good, 0).IsAccepted);

        List<long> guessTimes = Attack(account, 10000, 0, reboot: null);

        Report("no reboots", guessTimes);
        Assert.True(CountWithin(guessTimes, Hour) <= 25, "per hour");
        Assert.True(CountWithin(guessTimes, Day) <= 300, "per day");
        Assert.True(MaxInAnyWindow(guessTimes, Day) <= 300, "any day");

        // Steady state is one guess per 5-minute cap: 12 per hour, 288 per day.
        Assert.Equal(12, CountBetween(guessTimes, 10 * Day, 10 * Day + Hour));
        Assert.True(account.Login(Good, guessTimes[^1] + (300 * Second), out _).IsAccepted, "the owner still gets in after the wait");
    }

    [Fact]
    public void RebootingAfterEveryGuess_GainsTheAttackerNothing()
    {
        MemoryFileSystem flash = new();
        OwnerAccount account = Open(flash);
        Assert.True(account.CompleteSetup(account.ReadSetupCodeForLabel(), Good, 0).IsAccepted);
        OwnerAccount current = account;

        List<long> guessTimes = Attack(current, 2000, 0, reboot: () => Open(flash, seed: 9));

        Report("power-cycled after every guess", guessTimes);
        Assert.True(CountWithin(guessTimes, Day) <= 300, "per day");
    }

    [Fact]
    public void WrongSetupCodes_AreThrottledTheSameWay()
    {
        OwnerAccount account = Open(new MemoryFileSystem());
        string wrong = WrongCode(account.ReadSetupCodeForLabel());
        List<long> times = new();
        long now = 0;
        while (times.Count < 1000)
        {
            Decision decision = account.CompleteSetup(wrong, Good, now);
            if (decision.Reason == ReasonCode.Throttled)
            {
                now += decision.RetryAfterTicks;
                continue;
            }

            Assert.Equal(ReasonCode.SetupCodeInvalid, decision.Reason);
            times.Add(now);
        }

        Report("setup-code guesses", times);
        Assert.True(CountWithin(times, Day) <= 300);

        // 2^60 codes at 288 guesses a day: the expected time to find one is far beyond any device's life.
        double years = Math.Pow(2, SetupCode.EntropyBits - 1) / 288.0 / 365.25;
        _output.WriteLine($"expected time to guess a setup code online: {years:E2} years");
        Assert.True(years > 1e12);
    }

    private delegate OwnerAccount Reboot();

    private static List<long> Attack(OwnerAccount account, int guesses, long start, Reboot? reboot)
    {
        List<long> times = new(guesses);
        long now = start;
        while (times.Count < guesses)
        {
            Decision decision = account.Login(Wrong + times.Count.ToString(), now, out string token);
            Assert.Null(token);
            if (decision.Reason == ReasonCode.Throttled)
            {
                Assert.True(decision.RetryAfterTicks > 0);
                now += decision.RetryAfterTicks;
                continue;
            }

            Assert.Equal(ReasonCode.PasswordInvalid, decision.Reason);
            times.Add(now);
            if (reboot != null)
            {
                account = reboot();
            }
        }

        return times;
    }

    private void Report(string label, List<long> times)
    {
        long span = times[^1] - times[0];
        _output.WriteLine($"{label}: {times.Count} wrong guesses took {span / (double)Day:F1} simulated days");
        _output.WriteLine($"  first hour: {CountWithin(times, Hour)} guesses; first day: {CountWithin(times, Day)} guesses");
        _output.WriteLine($"  busiest hour: {MaxInAnyWindow(times, Hour)}; busiest day: {MaxInAnyWindow(times, Day)}; steady state: {3600 / 300} per hour, {86400 / 300} per day");
    }

    private static int CountWithin(List<long> times, long window) => CountBetween(times, times[0], times[0] + window);

    private static int CountBetween(List<long> times, long from, long to)
    {
        int count = 0;
        foreach (long t in times)
        {
            if (t >= from && t < to)
            {
                count++;
            }
        }

        return count;
    }

    private static int MaxInAnyWindow(List<long> times, long window)
    {
        int best = 0;
        int first = 0;
        for (int last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            best = Math.Max(best, last - first + 1);
        }

        return best;
    }
}
