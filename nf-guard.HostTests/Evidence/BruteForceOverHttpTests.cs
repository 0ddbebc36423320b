using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using NetGuard.Credentials;
using NetGuard.Http;
using NetGuard.Platform.Host;
using NetGuard.Testing;
using Xunit.Abstractions;
using NetGuard.Updates;

namespace NetGuard.HostTests.Evidence;

/// <summary>
/// Issue 11's brute-force evidence, over the real admin HTTP server on loopback: an attacker who retries the
/// moment the device allows (it honours Retry-After) against POST /api/login, and against POST /api/setup
/// before the owner has set a password. Time is the device's injected monotonic clock, advanced by exactly
/// the Retry-After the server sends, so a simulated day takes seconds and the figures are exact. The
/// password hash cost is lowered for speed; it does not change what the throttle allows.
/// </summary>
public sealed class BruteForceOverHttpTests : IDisposable
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private readonly ITestOutputHelper _output;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "netguard-bruteforce-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(0);
    private readonly AdminDevice _device;
    private readonly HttpClient _http;

    public BruteForceOverHttpTests(ITestOutputHelper output)
    {
        _output = output;
        int port = LoopbackPorts.FreeTcp();
        var options = new AdminDeviceOptions
        {
            Model = "SmartSocket",
            AdminPort = port,
            DnsResolver = HostNetworkGuard.Loopback,
            TrustedKeys = new[] { RandomNumberGenerator.GetBytes(32) },
            AccountPolicy = OwnerAccountPolicy.CreateDefault().WithIterations(2),
        };
        _device = new AdminDevice(
            options,
            new DirectoryFileSystem(Path.Combine(_data, "records")),
            new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(_data, "staging")), AdminApi.MaxPackageBytes(options.MaxImageLength)),
            DirectoryImageInstaller.Create(Path.Combine(_data, "installed"), 1 << 20),
            _clock,
            new SystemEntropySource(),
            policy => HostNetworkGuard.CreateLoopback(policy, _clock));
        Assert.True(_device.Start().IsAccepted);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public void Dispose()
    {
        _http.Dispose();
        _device.Stop();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void WrongPasswords_AtMost25AnHourAnd300ADay_OverHttp()
    {
        string code = _device.ReadSetupCodeForLabel();
        Assert.Equal(HttpStatusCode.OK, Post("api/setup", $"{{\"setupCode\":\"{code}\",\"newPassword\":\"correct horse battery staple\"}}").Status);

        Tally day = Attack("api/login", "{\"password\":\"wrong password number one\"}", HttpStatusCode.Unauthorized, TimeSpan.FromDays(1));

        _output.WriteLine($"login over HTTP: {day.FirstHour} guesses in the first hour, {day.Total} in the first day, {day.Throttled} answered 429");
        Assert.InRange(day.FirstHour, 5, 25);
        Assert.InRange(day.Total, 5, 300);

        // Reject twin: right after a counted wrong guess, the right password is still refused while the
        // wait lasts, then accepted.
        (HttpStatusCode status, string retryAfter) = Post("api/login", "{\"password\":\"wrong password number one\"}");
        if (status == (HttpStatusCode)429)
        {
            _clock.AdvanceSeconds(long.Parse(retryAfter));
            Assert.Equal(HttpStatusCode.Unauthorized, Post("api/login", "{\"password\":\"wrong password number one\"}").Status);
        }

        (status, retryAfter) = Post("api/login", "{\"password\":\"correct horse battery staple\"}");
        Assert.Equal((HttpStatusCode)429, status);
        _clock.AdvanceSeconds(long.Parse(retryAfter));
        Assert.Equal(HttpStatusCode.OK, Post("api/login", "{\"password\":\"correct horse battery staple\"}").Status);
    }

    [Fact]
    public void WrongSetupCodes_AtMost25AnHourAnd300ADay_OverHttp()
    {
        Tally day = Attack("api/setup", "{\"setupCode\":\"AAAA-AAAA-AAAA\",\"newPassword\":\"correct horse battery staple\"}", HttpStatusCode.Forbidden, TimeSpan.FromDays(1));

        _output.WriteLine($"setup code over HTTP: {day.FirstHour} guesses in the first hour, {day.Total} in the first day, {day.Throttled} answered 429");
        Assert.InRange(day.FirstHour, 5, 25);
        Assert.InRange(day.Total, 5, 300);
        Assert.True(_device.Account.IsSetupRequired);
    }

    private Tally Attack(string path, string body, HttpStatusCode wrong, TimeSpan span)
    {
        var tally = new Tally();
        long end = _clock.NowTicks + span.Ticks;
        long firstHourEnd = _clock.NowTicks + TimeSpan.FromHours(1).Ticks;
        while (_clock.NowTicks < end)
        {
            (HttpStatusCode status, string retryAfter) = Post(path, body);
            if (status == wrong)
            {
                tally.Total++;
                if (_clock.NowTicks < firstHourEnd)
                {
                    tally.FirstHour++;
                }

                continue;
            }

            Assert.Equal((HttpStatusCode)429, status);
            tally.Throttled++;
            long wait = long.Parse(retryAfter);
            Assert.InRange(wait, 1, 300);
            _clock.Advance(wait * TicksPerSecond);
        }

        return tally;
    }

    private (HttpStatusCode Status, string RetryAfter) Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = _http.PostAsync(path, content).GetAwaiter().GetResult();
        string retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? string.Join("", values) : "";
        return (response.StatusCode, retryAfter);
    }

    private sealed class Tally
    {
        public int FirstHour;
        public int Total;
        public int Throttled;
    }
}
