using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetGuard.LoadTest;

/// <summary>The sample's host simulation as a child process on 127.0.0.1 with a fresh data directory.</summary>
internal sealed class HostProcess : IDisposable
{
    private const string Password = "load test owner passphrase 4711";
    private readonly Process _process;
    private readonly HttpClient _http;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public int Port { get; }

    public static HostProcess Start(string dll, string data)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in new[] { dll, "--port", "0", "--data", data })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            string? line = process.StandardOutput.ReadLine();
            if (line == null)
            {
                break;
            }

            Match match = Regex.Match(line, @"Admin page: http://127\.0\.0\.1:(\d+)/");
            if (match.Success)
            {
                // Keep draining the console so the child never blocks on a full pipe.
                _ = Task.Run(() => { while (process.StandardOutput.ReadLine() != null) { } });
                return new HostProcess(process, int.Parse(match.Groups[1].Value));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the host did not print its admin page address");
    }

    public string SetUpAndLogIn(string data)
    {
        string setupCode = File.ReadAllText(Path.Combine(data, "setup-code.txt")).Trim();
        Check(_http.PostAsync("api/setup", Json(new { setupCode, newPassword = Password })).GetAwaiter().GetResult());
        HttpResponseMessage login = Check(_http.PostAsync("api/login", Json(new { password = Password })).GetAwaiter().GetResult());
        return JsonDocument.Parse(login.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("token").GetString()!;
    }

    // GET /api/guard, retried for a few seconds: right after an attack the accept budget may still be spent.
    public JsonElement Guard(string token)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/guard");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            try
            {
                HttpResponseMessage response = Check(_http.SendAsync(request).GetAwaiter().GetResult());
                return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                Thread.Sleep(500);
            }
        }
    }

    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.WriteLine("quit");
        if (!_process.WaitForExit(15000))
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // A JSON body with Content-Length (the device refuses chunked bodies: 411).
    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static HttpResponseMessage Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
        }

        return response;
    }
}
