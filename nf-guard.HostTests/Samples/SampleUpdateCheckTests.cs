using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using NetGuard.HostTests.Updates;

namespace NetGuard.HostTests.Samples;

/// <summary>
/// The update check of a real sample process: a signed announcement served as DNS TXT by dnsmasq on loopback,
/// looked up through the guard's update-check class, reported by <c>GET /api/update</c>.
/// </summary>
public sealed class SampleUpdateCheckTests : IDisposable
{
    private const string Password = "copper meadow signal 8042";
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-sample-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SmartSocket_SignedAnnouncement_ShowsUpdateAvailable()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, NetGuard.Cli.Program.Run(new[] { "keygen", "--out", Path.Combine(_dir, "keys") }, output, error));
        output = new StringWriter();
        Assert.Equal(0, NetGuard.Cli.Program.Run(new[] { "announce", "--key", Path.Combine(_dir, "keys", "netguard.key"), "--model", "SmartSocket", "--version", "1.3.0", "--counter", "1", "--valid-hours", "24" }, output, error));
        using Dnsmasq dns = Dnsmasq.Start("_netguard.smartsocket.updates.test", output.ToString().Trim());

        using SampleHostProcess host = SampleHostProcess.Start("SmartSocket.Host", Path.Combine(_dir, "data"),
            "--trust", Path.Combine(_dir, "keys", "netguard.pub"), "--resolver", "127.0.0.1:" + dns.Port, "--update-domain", "updates.test");
        host.WaitForLine("Update checks: TXT _netguard.smartsocket.updates.test", TimeSpan.FromSeconds(10));
        string setupCode = File.ReadAllText(Path.Combine(_dir, "data", "setup-code.txt")).Trim();
        Assert.Equal(200, host.Call(HttpMethod.Post, "/api/setup", json: new { setupCode, newPassword = Password }).Status);
        string token = host.Call(HttpMethod.Post, "/api/login", json: new { password = Password }).Json.GetProperty("token").GetString()!;

        JsonElement update = default;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            update = host.Call(HttpMethod.Get, "/api/update", token).Json;
            if (update.GetProperty("state").GetString() == "UpdateAvailable")
            {
                break;
            }

            Thread.Sleep(200);
        }

        Assert.True(update.GetProperty("state").GetString() == "UpdateAvailable", update.ToString() + "\n" + host.Output);
        Assert.Equal("1.3.0", update.GetProperty("latestVersion").GetString());
        Assert.EndsWith("Z", update.GetProperty("checkedAt").GetString());
        // The query went out through the guard (the update check is charged to the DNS budget too).
        var (_, guard, _) = host.Call(HttpMethod.Get, "/api/guard", token);
        Assert.True(guard.GetProperty("counters").GetProperty("admitted.DNS").GetInt64() >= 1, guard.ToString());
        host.Stop();
    }
}
