using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NetGuard.Fuzz;
using NetGuard.Http;
using NetGuard.Platform.Host;
using Xunit.Abstractions;

namespace NetGuard.HostTests.Http;

/// <summary>
/// The server core over real TCP sockets on 127.0.0.1, through <see cref="LoopbackConnectionSource"/>:
/// refusals, security headers on every response, a real HTTP client, streaming uploads, the connection
/// cap under a slow-loris and garbage flood, and a clean stop. Loopback only, bounded in count and time.
/// </summary>
public sealed class HttpServerLoopbackTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly LoopbackConnectionSource _source;
    private readonly HttpServer _server;

    public HttpServerLoopbackTests(ITestOutputHelper output)
    {
        _output = output;
        _source = new LoopbackConnectionSource();
        _server = new HttpServer(_source, HttpOracle.Router(), new StopwatchClock(), new HttpServerOptions());
        _server.Start();
    }

    public void Dispose()
    {
        _server.Stop();
        _source.Dispose();
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: d\r\n\r\n", 200)]
    [InlineData("GET /api/status HTTP/1.1\r\nHost: d\r\n\r\n", 200)]
    [InlineData("GET /nope HTTP/1.1\r\nHost: d\r\n\r\n", 404)]
    [InlineData("POST /api/status HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n", 405)]
    [InlineData("DELETE /api/status HTTP/1.1\r\nHost: d\r\n\r\n", 405)]
    [InlineData("POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n", 413)]
    [InlineData("POST /api/update HTTP/1.1\r\nHost: d\r\nContent-Length: 1048577\r\n\r\n", 413)]
    [InlineData("POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}", 415)]
    [InlineData("POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]", 400)]
    [InlineData("GET / HTTP/1.1\nHost: d\n\n", 400)]
    [InlineData("POST /api/login HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411)]
    [InlineData("POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}", 400)]
    [InlineData("GET / HTTP/2.0\r\nHost: d\r\n\r\n", 505)]
    public async Task Request_GetsExpectedStatusAndSecurityHeaders(string request, int status)
    {
        RawResponse response = await RawExchange(_source.Port, Encoding.ASCII.GetBytes(request));

        Assert.Equal(status, response.Status);
        AssertSecurityHeaders(response);
        Assert.Equal(response.Body.Length, int.Parse(response.Header("Content-Length")!));
        if (status != 200)
        {
            Assert.StartsWith("{\"reason\":\"", response.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HeadersTooLarge_Gets431()
    {
        string request = "GET / HTTP/1.1\r\nHost: d\r\n" + string.Concat(Enumerable.Range(0, 33).Select(i => "X-H" + i + ": v\r\n")) + "\r\n";

        RawResponse response = await RawExchange(_source.Port, Encoding.ASCII.GetBytes(request));

        Assert.Equal(431, response.Status);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task RequestLineTooLong_Gets414()
    {
        RawResponse response = await RawExchange(_source.Port, Encoding.ASCII.GetBytes("GET /" + new string('a', 2000) + " HTTP/1.1\r\nHost: d\r\n\r\n"));

        Assert.Equal(414, response.Status);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(0)]
    public async Task Workers_MakeBuffersAtTheirFirstConnection_AndLetThemGoWhenIdle(int idleReleaseMilliseconds)
    {
        using var source = new LoopbackConnectionSource();
        var server = new HttpServer(source, HttpOracle.Router(), new StopwatchClock(), new HttpServerOptions { MaxConnections = 2, IdleReleaseMilliseconds = idleReleaseMilliseconds });
        server.Start();
        try
        {
            Assert.Equal(0, server.WorkersWithBuffers);
            Assert.Equal(200, (await RawExchange(source.Port, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: d\r\n\r\n"))).Status);

            if (idleReleaseMilliseconds > 0)
            {
                Assert.True(await Wait.Until(() => server.WorkersWithBuffers == 0), "the idle worker kept its buffers");
            }
            else
            {
                // Twin: with release off the buffers stay however long the worker waits.
                await Task.Delay(600);
                Assert.Equal(1, server.WorkersWithBuffers);
            }

            // And the worker serves again, with buffers made anew.
            Assert.Equal(200, (await RawExchange(source.Port, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: d\r\n\r\n"))).Status);
        }
        finally
        {
            server.Stop();
        }
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public async Task AnIdleWorker_SurvivesAClockThatJumpsByMoreThanItsWaitCanHold(int days)
    {
        // Twins: the clock set back or forward by 30 days (beyond int milliseconds) between two requests; a single
        // worker has to compute its idle wait across the jump and still serve the second request.
        using var source = new LoopbackConnectionSource();
        var clock = new SettableClock { NowTicks = 40L * TimeSpan.TicksPerDay };
        var server = new HttpServer(source, HttpOracle.Router(), clock, new HttpServerOptions { MaxConnections = 1, IdleReleaseMilliseconds = 200 });
        server.Start();
        try
        {
            Assert.Equal(200, (await RawExchange(source.Port, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: d\r\n\r\n"))).Status);
            clock.NowTicks += days * TimeSpan.TicksPerDay;
            await Task.Delay(400);

            Assert.Equal(200, (await RawExchange(source.Port, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: d\r\n\r\n"))).Status);
        }
        finally
        {
            server.Stop();
        }
    }

    private sealed class SettableClock : NetGuard.Platform.IMonotonicClock
    {
        private long _now;

        public long NowTicks
        {
            get => Interlocked.Read(ref _now);
            set => Interlocked.Exchange(ref _now, value);
        }
    }

    [Fact]
    public async Task RealHttpClient_ReadsStatusAndPage()
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = new Uri("http://127.0.0.1:" + _source.Port), Timeout = TimeSpan.FromSeconds(10) };

        using HttpResponseMessage status = await client.GetAsync("/api/status");
        using HttpResponseMessage page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("{\"setupRequired\":true,\"model\":\"test-model\",\"firmwareVersion\":\"1.0.0\"}", await status.Content.ReadAsStringAsync());
        Assert.Equal(AdminPageText.Html, await page.Content.ReadAsStringAsync());
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task RealHttpClient_JsonBodyWithSecret_IsParsed()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + _source.Port), Timeout = TimeSpan.FromSeconds(10) };
        using var content = new StringContent("{\"password\":\"correct horse\"}", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync("/api/login", content);

        Assert.Equal("{\"found\":true,\"length\":13}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_StreamsOneMegabyteWithoutBufferingIt()
    {
        byte[] package = new byte[1 << 20];
        new Random(7).NextBytes(package);
        long sum = package.Sum(b => (long)b);
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + _source.Port), Timeout = TimeSpan.FromSeconds(30) };
        using var content = new ByteArrayContent(package);

        using HttpResponseMessage response = await client.PostAsync("/api/update", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"length\":1048576,\"sum\":" + sum + "}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConnectionCap_UnderSlowLorisAndGarbage_WellBehavedClientIsStillServed()
    {
        var total = Stopwatch.StartNew();
        var baseline = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            baseline.Add((await TimedGoodRequest(_source.Port)).Milliseconds);
        }

        // 200 hostile connections, one every 10 ms: even ones trickle a header byte every 250 ms for up to
        // 6 s (slow-loris), odd ones send random garbage. Bounded: 200 connections, 30 s at most.
        using var attackEnds = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var attackers = new List<Task>();
        for (int i = 0; i < 200; i++)
        {
            var random = new Random(2323 + i);
            bool trickle = i % 2 == 0;
            int delay = i * 10;
            attackers.Add(Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(delay, attackEnds.Token);
                    if (trickle)
                    {
                        await Trickle(_source.Port, attackEnds.Token);
                    }
                    else
                    {
                        byte[] garbage = new byte[1 + random.Next(200)];
                        random.NextBytes(garbage);
                        await Garbage(_source.Port, garbage, attackEnds.Token);
                    }
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or System.IO.IOException)
                {
                    // An attacker cut off by the server is the expected outcome.
                }
            }));
        }

        await Task.Delay(300);
        var latencies = new List<double>();
        int attempts = 0;
        for (int i = 0; i < 30; i++)
        {
            (double milliseconds, int tries) = await TimedGoodRequest(_source.Port);
            latencies.Add(milliseconds);
            attempts += tries;
            await Task.Delay(100);
        }

        attackEnds.Cancel();
        await Task.WhenAll(attackers).WaitAsync(TimeSpan.FromSeconds(30));

        baseline.Sort();
        latencies.Sort();
        _output.WriteLine($"baseline (idle server, 20 requests): p50 {Percentile(baseline, 50):F1} ms, p99 {Percentile(baseline, 99):F1} ms");
        _output.WriteLine($"under 200 hostile clients (100 slow-loris, 100 garbage; 30 requests, {attempts} attempts): p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms, max {latencies[^1]:F1} ms");
        _output.WriteLine($"server: accepted {_server.AcceptedCount}, busy 503 {_server.BusyCount}, slow heads evicted {_server.EvictedCount}; test took {total.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(30, latencies.Count);
        Assert.True(_server.EvictedCount > 0, "slow-loris connections held workers and were evicted");
        // Latency is printed, not asserted: timing belongs in benchmarks (benchmarks/NetGuard.LoadTest measures the
        // admin server's under slow-loris); here every request must be answered.
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Stop_WithIdleAndSlowConnectionsOpen_EndsPromptly()
    {
        using var idle = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await idle.ConnectAsync(IPAddress.Loopback, _source.Port);
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await slow.ConnectAsync(IPAddress.Loopback, _source.Port);
        await slow.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n"), SocketFlags.None);
        await Task.Delay(100);

        var watch = Stopwatch.StartNew();
        _server.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "Stop took " + watch.Elapsed);
        _server.Stop(); // idempotent
    }

    private static async Task<(double Milliseconds, int Attempts)> TimedGoodRequest(int port)
    {
        var watch = Stopwatch.StartNew();
        byte[] request = Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: device\r\n\r\n");
        for (int attempt = 1; attempt <= 100; attempt++)
        {
            try
            {
                RawResponse response = await RawExchange(port, request);
                if (response.Status == 200)
                {
                    return (watch.Elapsed.TotalMilliseconds, attempt);
                }

                Assert.Equal(503, response.Status);
                AssertSecurityHeaders(response);
            }
            catch (Exception ex) when (ex is SocketException or System.IO.IOException or OperationCanceledException)
            {
                // Dropped while the server sheds load: retry like a browser would.
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("a well-behaved client was not served in 100 attempts");
    }

    private static async Task Trickle(int port, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, cancel);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: d\r\nX-Slow: "), SocketFlags.None, cancel);
        var end = Stopwatch.StartNew();
        while (end.Elapsed < TimeSpan.FromSeconds(6) && !cancel.IsCancellationRequested)
        {
            await Task.Delay(250, cancel);
            await socket.SendAsync(new byte[] { (byte)'a' }, SocketFlags.None, cancel);
        }
    }

    private static async Task Garbage(int port, byte[] garbage, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, cancel);
        await socket.SendAsync(garbage, SocketFlags.None, cancel);
        socket.Shutdown(SocketShutdown.Send);
        byte[] sink = new byte[4096];
        while (await socket.ReceiveAsync(sink, SocketFlags.None, cancel) > 0)
        {
        }
    }

    // Blocking on purpose: the request is on the wire before this returns to the caller, so thread-pool
    // starvation from other tests running in parallel cannot delay it past the server's 2 s idle timeout.
    private static Task<RawResponse> RawExchange(int port, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.ReceiveTimeout = 10_000;
        socket.SendTimeout = 10_000;
        socket.Connect(IPAddress.Loopback, port);
        socket.Send(request, SocketFlags.None);
        var received = new System.IO.MemoryStream();
        byte[] buffer = new byte[8192];
        while (true)
        {
            int n;
            try
            {
                n = socket.Receive(buffer, SocketFlags.None);
            }
            catch (SocketException) when (received.Length > 0)
            {
                break; // reset after a complete answer
            }

            if (n == 0)
            {
                break;
            }

            received.Write(buffer, 0, n);
        }

        return Task.FromResult(new RawResponse(Encoding.Latin1.GetString(received.ToArray())));
    }

    private static void AssertSecurityHeaders(RawResponse response)
    {
        Assert.Equal(HttpResponse.ContentSecurityPolicy, response.Header("Content-Security-Policy"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Equal("close", response.Header("Connection"));
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    private sealed class RawResponse
    {
        private readonly string _head;

        public RawResponse(string raw)
        {
            int end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (!raw.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || end < 0)
            {
                throw new System.IO.IOException("no complete response: " + raw.Length + " bytes");
            }

            _head = raw.Substring(0, end + 2);
            Body = raw.Substring(end + 4);
            Status = int.Parse(raw.AsSpan(9, 3));
        }

        public int Status { get; }

        public string Body { get; }

        public string? Header(string name)
        {
            string marker = "\r\n" + name + ": ";
            int at = _head.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            int start = at + marker.Length;
            return _head.Substring(start, _head.IndexOf("\r\n", start, StringComparison.Ordinal) - start);
        }
    }
}
