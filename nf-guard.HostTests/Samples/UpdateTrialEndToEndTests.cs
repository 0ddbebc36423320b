using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;

namespace NetGuard.HostTests.Samples;

/// <summary>
/// Issue 17's scenario over the real host process of each sample: an update runs on trial and confirms itself; one
/// whose self-test fails (<c>--fail-self-test</c>) is rolled back and the previous version runs again with the counter
/// unchanged; a trial killed with SIGKILL is rolled back at the next start; the owner's password and relay state
/// survive every rollback. Packages are signed with the netguard tool.
/// </summary>
public sealed class UpdateTrialEndToEndTests : IDisposable
{
    private const string Password = "violet harbour lantern 7319";
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-trial-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private void Sign(string model, string version, int counter, int seed)
    {
        byte[] image = new byte[2000];
        new Random(seed).NextBytes(image);
        File.WriteAllBytes(P(version + ".bin"), image);
        var error = new StringWriter();
        int code = NetGuard.Cli.Program.Run(
            new[] { "sign", "--key", P("keys/netguard.key"), "--image", P(version + ".bin"), "--model", model, "--version", version, "--counter", counter.ToString(), "--out", P(version + ".ngup") },
            new StringWriter(),
            error);
        Assert.True(code == 0, error.ToString());
    }

    private static string Login(SampleHostProcess host)
    {
        var (code, login, _) = host.Call(HttpMethod.Post, "/api/login", json: new { password = Password });
        Assert.True(code == 200, "login after the restart: " + login);
        return login.GetProperty("token").GetString()!;
    }

    private void Push(SampleHostProcess host, string token, string version)
    {
        var (code, body, _) = host.Call(HttpMethod.Post, "/api/update", token, bytes: File.ReadAllBytes(P(version + ".ngup")));
        Assert.True(code == 200, "push " + version + ": " + body);
        Assert.Equal(version, body.GetProperty("stagedVersion").GetString());
    }

    private static JsonElement UpdateStatus(SampleHostProcess host, string token)
    {
        var (code, update, _) = host.Call(HttpMethod.Get, "/api/update", token);
        Assert.Equal(200, code);
        return update;
    }

    // After a simulated reboot the admin server comes back on the same port: poll until it answers with the version.
    private static void WaitForVersion(SampleHostProcess host, string version)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var (code, status, _) = host.Call(HttpMethod.Get, "/api/status");
                if (code == 200 && status.GetProperty("firmwareVersion").GetString() == version)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Restarting: the listener is closed for a moment.
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "firmware " + version + " never answered:\n" + host.Output);
            Thread.Sleep(100);
        }
    }

    // 1.0.5 runs again after a rollback for reason, with the counter and the owner's password and relay state kept.
    private static void AssertRolledBackTo105(SampleHostProcess host, string reason, bool socket)
    {
        WaitForVersion(host, "1.0.5");
        string token = Login(host);
        JsonElement update = UpdateStatus(host, token);
        Assert.Equal("RolledBack", update.GetProperty("lastInstall").GetString());
        Assert.Equal(reason, update.GetProperty("lastInstallReason").GetString());
        Assert.Equal(5, update.GetProperty("securityCounter").GetInt64());
        if (socket)
        {
            Assert.True(host.Call(HttpMethod.Get, "/api/relay", token).Json.GetProperty("on").GetBoolean(), "the relay state survives");
        }
    }

    [Theory]
    [InlineData("SmartSocket")]
    [InlineData("Camera")]
    public void TrialConfirmRollbackAndKill(string model)
    {
        bool socket = model == "SmartSocket";
        string assembly = model + ".Host";
        string data = P("data");
        Assert.Equal(0, NetGuard.Cli.Program.Run(new[] { "keygen", "--out", P("keys") }, new StringWriter(), new StringWriter()));
        Sign(model, "1.0.5", 5, 1);
        Sign(model, "1.0.6", 6, 2);
        Sign(model, "1.0.7", 5, 3);
        Sign(model, "1.0.4", 4, 4);
        string[] trust = { "--trust", P("keys/netguard.pub") };

        // Built-in 1.0.0: setup, relay on, push 1.0.5 (counter 5).
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, trust))
        {
            string setupCode = File.ReadAllText(Path.Combine(data, "setup-code.txt")).Trim();
            Assert.Equal(200, host.Call(HttpMethod.Post, "/api/setup", json: new { setupCode, newPassword = Password }).Status);
            string token = Login(host);
            Assert.Equal("None", UpdateStatus(host, token).GetProperty("lastInstall").GetString());
            if (socket)
            {
                Assert.Equal(200, host.Call(HttpMethod.Put, "/api/relay", token, new { on = true }).Status);
            }

            Push(host, token, "1.0.5");
            host.Stop();
        }

        // Restart: 1.0.5 on trial, then confirmed; counter 5. Push 1.0.6 (counter 6). The settle time is longer than
        // the default 2 s so that the login below (PBKDF2) on a loaded machine still sees the trial.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, new[] { trust[0], trust[1], "--confirm-after", "8" }))
        {
            host.WaitForLine("update: 1.0.5 starts on trial", TimeSpan.FromSeconds(10));
            string token = Login(host);
            JsonElement trial = UpdateStatus(host, token);
            Assert.Equal(1, trial.GetProperty("securityCounter").GetInt64());
            Assert.Equal("Trial", trial.GetProperty("lastInstall").GetString());
            host.WaitForLine("update: 1.0.5 confirmed", TimeSpan.FromSeconds(20));
            JsonElement confirmed = UpdateStatus(host, token);
            Assert.Equal("Confirmed", confirmed.GetProperty("lastInstall").GetString());
            Assert.Equal(5, confirmed.GetProperty("securityCounter").GetInt64());
            Assert.False(confirmed.TryGetProperty("lastInstallReason", out _), "no reason unless rolled back");
            WaitForVersion(host, "1.0.5");
            Push(host, token, "1.0.6");
            host.Stop();
        }

        // Restart with a failing self-test: rolled back, 1.0.5 runs again, counter still 5, owner data kept.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, new[] { trust[0], trust[1], "--fail-self-test" }))
        {
            host.WaitForLine("update: 1.0.6 starts on trial", TimeSpan.FromSeconds(10));
            host.WaitForLine("update: rolled back (SelfTestFailed)", TimeSpan.FromSeconds(10));
            host.WaitForLine("restarting (simulated reboot)", TimeSpan.FromSeconds(10));
            AssertRolledBackTo105(host, "SelfTestFailed", socket);
            host.Stop();
        }

        // Restart normally: still 1.0.5 (never retried); counter 5 still accepted, counter 4 refused.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, trust))
        {
            WaitForVersion(host, "1.0.5");
            Assert.DoesNotContain("starts on trial", host.Output);
            string token = Login(host);
            Assert.Equal("RolledBack", UpdateStatus(host, token).GetProperty("lastInstall").GetString());
            Push(host, token, "1.0.7");
            var (code, refused, _) = host.Call(HttpMethod.Post, "/api/update", token, bytes: File.ReadAllBytes(P("1.0.4.ngup")));
            Assert.Equal(409, code);
            Assert.Equal("SecurityCounterRollback", refused.GetProperty("reason").GetString());
            Push(host, token, "1.0.6");
            host.Stop();
        }

        // Restart with a long settle time and kill the process during the trial.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, new[] { trust[0], trust[1], "--confirm-after", "60" }))
        {
            host.WaitForLine("update: 1.0.6 passed its self-test; it confirms itself in 60 s", TimeSpan.FromSeconds(10));
            WaitForVersion(host, "1.0.6");
            host.KillHard();
        }

        // The next start runs 1.0.5: the trial never confirmed itself.
        using (SampleHostProcess host = SampleHostProcess.Start(assembly, data, trust))
        {
            host.WaitForLine("update: 1.0.6 was rolled back (TrialNotConfirmed); running 1.0.5", TimeSpan.FromSeconds(10));
            AssertRolledBackTo105(host, "TrialNotConfirmed", socket);
            host.Stop();
        }
    }
}
