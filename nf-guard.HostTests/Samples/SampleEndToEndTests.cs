using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace NetGuard.HostTests.Samples;

/// <summary>
/// The samples' host simulations end to end, as real processes over loopback: the section 4 gate before setup,
/// setup, login, the sample's own route, a refused egress attempt in the guard counters, a signed update staged
/// and installed across a restart (password, relay state and security counter kept), a rollback refused, and the
/// factory reset. Packages are signed with the netguard tool.
/// </summary>
public sealed class SampleEndToEndTests : IDisposable
{
    private const string Password = "violet harbour lantern 7319";
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-sample-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static int Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = NetGuard.Cli.Program.Run(args, output, error);
        Assert.True(code == 0, "netguard " + string.Join(' ', args) + ": " + error);
        return code;
    }

    private void SignPackages(string model)
    {
        Cli("keygen", "--out", P("keys"));
        byte[] image = new byte[3000];
        new Random(42).NextBytes(image);
        File.WriteAllBytes(P("image.bin"), image);
        Cli("sign", "--key", P("keys/netguard.key"), "--image", P("image.bin"), "--model", model, "--version", "1.1.0", "--counter", "2", "--out", P("new.ngup"));
        Cli("sign", "--key", P("keys/netguard.key"), "--image", P("image.bin"), "--model", model, "--version", "1.0.5", "--counter", "1", "--out", P("old.ngup"));
    }

    private static string Reason(JsonElement json) => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("reason", out JsonElement r) ? r.GetString() ?? "" : "";

    private static void AssertRefused(SampleHostProcess host, int status, string reason, HttpMethod method, string path, string? token = null, object? json = null, byte[]? bytes = null)
    {
        var (code, body, _) = host.Call(method, path, token, json, bytes);
        Assert.True(status == code && reason == Reason(body), $"{method} {path}: expected {status} {reason}, got {code} {body}");
    }

    private static void WaitForRelay(SampleHostProcess host, string token, bool on)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (host.Call(HttpMethod.Get, "/api/relay", token).Json.GetProperty("on").GetBoolean() != on)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "relay did not turn " + (on ? "on" : "off") + ":\n" + host.Output);
            System.Threading.Thread.Sleep(50);
        }
    }

    [Theory]
    [InlineData("SmartSocket")]
    [InlineData("Camera")]
    public void Sample_FullLifecycle(string model)
    {
        bool socket = model == "SmartSocket";
        string assembly = model + ".Host";
        SignPackages(model);
        string data = P("data");
        string[] trust = { "--trust", P("keys/netguard.pub") };
        byte[] newPackage = File.ReadAllBytes(P("new.ngup"));

        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, trust))
        {
            // Before setup: status and page answer, everything else is 403 SetupRequired.
            var (code, status, _) = host.Call(HttpMethod.Get, "/api/status");
            Assert.Equal(200, code);
            Assert.Equal(new[] { "setupRequired", "model", "firmwareVersion" }, status.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.True(status.GetProperty("setupRequired").GetBoolean());
            Assert.Equal(model, status.GetProperty("model").GetString());
            Assert.Equal("1.0.0", status.GetProperty("firmwareVersion").GetString());
            Assert.Equal(200, host.Call(HttpMethod.Get, "/").Status);

            AssertRefused(host, 403, "SetupRequired", HttpMethod.Post, "/api/login", json: new { password = Password });
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Post, "/api/password", json: new { currentPassword = Password, newPassword = Password + "x" });
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Get, "/api/guard");
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Post, "/api/update", bytes: newPackage);
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Get, "/api/update");
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Post, "/api/factory-reset", json: new { });
            if (socket)
            {
                AssertRefused(host, 403, "SetupRequired", HttpMethod.Get, "/api/relay");
                AssertRefused(host, 403, "SetupRequired", HttpMethod.Put, "/api/relay", json: new { on = true });
            }
            else
            {
                AssertRefused(host, 403, "SetupRequired", HttpMethod.Get, "/api/snapshot");
            }

            // Setup: wrong code 403, weak password 400, then success; a second setup is 409.
            string setupCode = File.ReadAllText(Path.Combine(data, "setup-code.txt")).Trim();
            Assert.Contains(setupCode, host.Output);
            AssertRefused(host, 403, "SetupCodeInvalid", HttpMethod.Post, "/api/setup", json: new { setupCode = "AAAA-AAAA-AAAA", newPassword = Password });
            AssertRefused(host, 400, "PasswordTooShort", HttpMethod.Post, "/api/setup", json: new { setupCode, newPassword = "short" });
            Assert.Equal(200, host.Call(HttpMethod.Post, "/api/setup", json: new { setupCode, newPassword = Password }).Status);
            AssertRefused(host, 409, "SetupAlreadyDone", HttpMethod.Post, "/api/setup", json: new { setupCode, newPassword = Password });

            // Login: wrong 401, right 200 with a token; routes need it.
            AssertRefused(host, 401, "PasswordInvalid", HttpMethod.Post, "/api/login", json: new { password = "not the password at all" });
            var (loginCode, login, _) = host.Call(HttpMethod.Post, "/api/login", json: new { password = Password });
            Assert.Equal(200, loginCode);
            string token = login.GetProperty("token").GetString()!;
            AssertRefused(host, 401, "Unauthorized", HttpMethod.Get, "/api/guard");
            AssertRefused(host, 401, "Unauthorized", HttpMethod.Get, "/api/guard", token: "0123456789abcdef0123456789abcdef");

            if (socket)
            {
                AssertRefused(host, 401, "Unauthorized", HttpMethod.Put, "/api/relay", json: new { on = true });
                var (putCode, relay, _) = host.Call(HttpMethod.Put, "/api/relay", token, new { on = true });
                Assert.Equal(200, putCode);
                Assert.True(relay.GetProperty("on").GetBoolean());
                Assert.True(host.Call(HttpMethod.Get, "/api/relay", token).Json.GetProperty("on").GetBoolean());
                host.WaitForLine("relay: ON", TimeSpan.FromSeconds(10));

                // The simulated button: a short press toggles the relay off, another one back on.
                host.Command("press");
                WaitForRelay(host, token, false);
                host.Command("press");
                WaitForRelay(host, token, true);
            }
            else
            {
                AssertRefused(host, 401, "Unauthorized", HttpMethod.Get, "/api/snapshot");
                var (snapCode, _, response) = host.Call(HttpMethod.Get, "/api/snapshot", token);
                Assert.Equal(200, snapCode);
                Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
                byte[] jpeg = host.LastBody;
                Assert.True(jpeg.Length > 1000 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "JPEG magic FF D8");
            }

            // A refused egress attempt shows in the counters and on the console.
            host.Command("probe-egress");
            host.WaitForLine("probe-egress: UDP", TimeSpan.FromSeconds(10));
            host.WaitForLine("newest: NoProtocolClass Unclassified 192.0.2.1:9999", TimeSpan.FromSeconds(10));
            var (guardCode, guard, _) = host.Call(HttpMethod.Get, "/api/guard", token);
            Assert.Equal(200, guardCode);
            Assert.True(guard.GetProperty("counters").GetProperty("reason.OutboundTcpForbidden").GetInt64() >= 1, guard.ToString());
            Assert.Contains(guard.GetProperty("recentRefusals").EnumerateArray(), r => r.GetProperty("reason").GetString() == "OutboundTcpForbidden");

            // Update status and a signed update staged.
            var (updateCode, update, _) = host.Call(HttpMethod.Get, "/api/update", token);
            Assert.Equal(200, updateCode);
            Assert.Equal("NoFreshAnnouncement", update.GetProperty("state").GetString());
            var (stageCode, staged, _) = host.Call(HttpMethod.Post, "/api/update", token, bytes: newPackage);
            Assert.True(stageCode == 200, staged.ToString());
            Assert.Equal("1.1.0", staged.GetProperty("stagedVersion").GetString());
            host.Stop();
        }

        // Restart: the update runs on trial, passes its self-test and confirms itself (counter raised); password and
        // relay kept.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, trust))
        {
            host.WaitForLine("update: 1.1.0 starts on trial", TimeSpan.FromSeconds(10));
            host.WaitForLine("update: 1.1.0 confirmed after its self-test and settle time (security counter now 2)", TimeSpan.FromSeconds(10));
            var (_, status, _) = host.Call(HttpMethod.Get, "/api/status");
            Assert.False(status.GetProperty("setupRequired").GetBoolean());
            Assert.Equal("1.1.0", status.GetProperty("firmwareVersion").GetString());
            Assert.True(File.Exists(Path.Combine(data, "installed", "slot-0", "staged.0")), "the image is installed in slot 0");

            var (loginCode, login, _) = host.Call(HttpMethod.Post, "/api/login", json: new { password = Password });
            Assert.Equal(200, loginCode);
            string token = login.GetProperty("token").GetString()!;
            if (socket)
            {
                Assert.True(host.Call(HttpMethod.Get, "/api/relay", token).Json.GetProperty("on").GetBoolean());
            }

            // An older package with a lower security counter is a rollback.
            AssertRefused(host, 409, "SecurityCounterRollback", HttpMethod.Post, "/api/update", token, bytes: File.ReadAllBytes(P("old.ngup")));

            // Factory reset: back to setup required, sample data erased, security counter kept.
            Assert.Equal(200, host.Call(HttpMethod.Post, "/api/factory-reset", token, new { }).Status);
            var (_, after, _) = host.Call(HttpMethod.Get, "/api/status");
            Assert.True(after.GetProperty("setupRequired").GetBoolean());
            Assert.Equal("1.1.0", after.GetProperty("firmwareVersion").GetString());
            AssertRefused(host, 403, "SetupRequired", HttpMethod.Post, "/api/login", json: new { password = Password });
            host.Stop();
        }
    }
}
