using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NetGuard.HostTests.Samples;

/// <summary>
/// One run of a sample's host simulation (SmartSocket.Host.dll or Camera.Host.dll) as a real process on loopback:
/// started with <c>--port 0</c>, the URL read from its console, stopped with the console command "quit" (a clean
/// stop) or killed. Every wait is bounded.
/// </summary>
internal sealed class SampleHostProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly object _gate = new();

    private SampleHostProcess(string dll, string dataDirectory, string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string a in new[] { "--port", "0", "--data", dataDirectory }.Concat(extra))
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (_gate) { _lines.Add(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (_gate) { _lines.Add("stderr: " + e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        string line = WaitForLine("Admin page: http://127.0.0.1:", StartTimeout);
        BaseUrl = line.Substring(line.IndexOf("http://", StringComparison.Ordinal)).Trim();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    /// <summary>The body of the last <see cref="Call"/>.</summary>
    public byte[] LastBody { get; private set; } = Array.Empty<byte>();

    public HttpClient Http { get; }

    public string Output { get { lock (_gate) { return string.Join("\n", _lines); } } }

    /// <summary>Starts the sample whose host dll is <paramref name="assemblyName"/>.dll.</summary>
    public static SampleHostProcess Start(string assemblyName, string dataDirectory, params string[] extra) =>
        new(LocateHost(assemblyName), dataDirectory, extra);

    /// <summary>
    /// Finds the host dll: next to the test binaries (the host test project references the host projects), else in
    /// the host project's own bin folder.
    /// </summary>
    public static string LocateHost(string assemblyName)
    {
        string beside = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName + ".runtimeconfig.json")))
        {
            return beside;
        }

        string sample = assemblyName.Split('.')[0];
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string candidate = RepositoryLayout.PathOf($"samples/{sample}/{assemblyName}/bin/{configuration}/net10.0/{assemblyName}.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(assemblyName + ".dll not found; build the host project first");
    }

    public string WaitForLine(string fragment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_gate)
            {
                string? hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
                if (hit != null)
                {
                    return hit;
                }
            }

            if (_process.HasExited)
            {
                Thread.Sleep(200);
                lock (_gate)
                {
                    string? hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
                    if (hit != null)
                    {
                        return hit;
                    }
                }

                throw new Xunit.Sdk.XunitException($"the sample exited ({_process.ExitCode}) before printing '{fragment}':\n{Output}");
            }

            Thread.Sleep(50);
        }

        throw new Xunit.Sdk.XunitException($"timed out waiting for '{fragment}':\n{Output}");
    }

    public void Command(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Stops cleanly with "quit" and waits for exit code 0.</summary>
    public void Stop()
    {
        Command("quit");
        if (!_process.WaitForExit(30000))
        {
            throw new Xunit.Sdk.XunitException("the sample did not stop within 30 s:\n" + Output);
        }

        Assert.Equal(0, _process.ExitCode);
    }

    public (int Status, JsonElement Json, HttpResponseMessage Response) Call(HttpMethod method, string path, string? token = null, object? json = null, byte[]? bytes = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json != null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }
        else if (bytes != null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        HttpResponseMessage response = Http.Send(request);
        var buffer = new MemoryStream();
        response.Content.ReadAsStream().CopyTo(buffer);
        byte[] body = buffer.ToArray();
        LastBody = body;
        JsonElement parsed = default;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && body.Length > 0)
        {
            parsed = JsonDocument.Parse(body).RootElement.Clone();
        }

        return ((int)response.StatusCode, parsed, response);
    }

    /// <summary>Kills the process with SIGKILL (no chance to clean up: a crash or a pulled plug) and waits for it.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(10000))
        {
            throw new Xunit.Sdk.XunitException("the sample did not die within 10 s of SIGKILL");
        }
    }

    public void Dispose()
    {
        Http?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
