using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NetGuard.LoadTest;

/// <summary>
/// Slow-loris against a sample's real host process on loopback (issue 18): N clients trickle a request head one byte
/// every 0.3 s from 127.0.0.2 (or several addresses) and reconnect the moment they are dropped, while a well-behaved
/// client on 127.0.0.1 asks GET /api/status every 0.3 s. Prints the share of the good client's requests answered,
/// its latency percentiles and the guard's counters. Bounded: loopback only, a fixed duration, then everything stops.
/// </summary>
public static class Program
{
    private static readonly byte[] TrickleHead = Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: device\r\nX-Padding: " + new string('a', 4000));
    private static readonly byte[] GoodRequest = Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n");

    public static int Main(string[] args)
    {
        var hostDll = new Option<string?>("--host-dll") { Description = "The sample's host dll (default: the SmartSocket host built in Release)." };
        var clients = new Option<int>("--slow-clients") { Description = "Slow-loris clients (default 40).", DefaultValueFactory = _ => 40 };
        var seconds = new Option<int>("--seconds") { Description = "How long the good client measures (default 13).", DefaultValueFactory = _ => 13 };
        var interval = new Option<int>("--interval-ms") { Description = "Good client's request interval and the trickle interval (default 300).", DefaultValueFactory = _ => 300 };
        var attackerHosts = new Option<int>("--attacker-hosts") { Description = "Source addresses the slow clients use: 127.0.0.2 and up (default 1).", DefaultValueFactory = _ => 1 };
        var root = new RootCommand("Slow-loris load test of a NetGuard sample's host simulation (loopback only).") { hostDll, clients, seconds, interval, attackerHosts };
        root.SetAction(result => Run(
            result.GetValue(hostDll) ?? DefaultHostDll(),
            result.GetValue(clients),
            result.GetValue(seconds),
            result.GetValue(interval),
            result.GetValue(attackerHosts)));
        return root.Parse(args).Invoke();
    }

    private static string DefaultHostDll()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory != null && !File.Exists(Path.Combine(directory, "NetGuard.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? ".", "samples/SmartSocket/SmartSocket.Host/bin/Release/net10.0/SmartSocket.Host.dll");
    }

    private static int Run(string hostDll, int slowClients, int seconds, int intervalMs, int attackerHosts)
    {
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"{hostDll} not found: build the sample first (dotnet build samples/SmartSocket/SmartSocket.Host -c Release)");
            return 2;
        }

        if (slowClients < 0 || seconds < 1 || intervalMs < 10 || attackerHosts < 1 || attackerHosts > 250)
        {
            Console.Error.WriteLine("bad arguments (see --help)");
            return 2;
        }

        string data = Directory.CreateTempSubdirectory("netguard-load-").FullName;
        using var host = HostProcess.Start(hostDll, data);
        try
        {
            string token = host.SetUpAndLogIn(data);
            using var stop = new CancellationTokenSource();
            var attack = new SlowLoris(host.Port, slowClients, attackerHosts, intervalMs);
            Task[] attackers = attack.Start(stop.Token);
            Thread.Sleep(1000); // let the attack fill the listener first

            List<Outcome> outcomes = GoodClient(host.Port, seconds, intervalMs);
            stop.Cancel();
            Task.WaitAll(attackers, TimeSpan.FromSeconds(10));
            Thread.Sleep(500);
            JsonElement guard = host.Guard(token);
            Report(slowClients, attackerHosts, seconds, intervalMs, outcomes, attack, guard);
            return 0;
        }
        finally
        {
            host.Stop();
            Directory.Delete(data, recursive: true);
        }
    }

    // One request every interval, each on its own connection from 127.0.0.1, timed from connect to the end of the answer.
    private static List<Outcome> GoodClient(int port, int seconds, int intervalMs)
    {
        var pending = new List<Task<Outcome>>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < seconds * 1000 / intervalMs; i++)
        {
            long due = (long)i * intervalMs;
            long wait = due - clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }

            pending.Add(Task.Run(() => OneRequest(port)));
        }

        Task.WaitAll(pending.ToArray());
        return pending.Select(t => t.Result).ToList();
    }

    private static async Task<Outcome> OneRequest(int port)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
            await socket.SendAsync(GoodRequest, SocketFlags.None, timeout.Token);
            var answer = new MemoryStream();
            var buffer = new byte[2048];
            while (true)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                answer.Write(buffer, 0, n);
            }

            string text = Encoding.ASCII.GetString(answer.ToArray());
            string status = text.Length >= 12 ? text.Substring(9, 3) : "none";
            return new Outcome(status == "200", clock.Elapsed.TotalMilliseconds, status == "200" ? "200" : "HTTP " + status);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(false, clock.Elapsed.TotalMilliseconds, "timeout (5 s)");
        }
        catch (SocketException e)
        {
            return new Outcome(false, clock.Elapsed.TotalMilliseconds, e.SocketErrorCode.ToString());
        }
    }

    private static void Report(int slowClients, int attackerHosts, int seconds, int intervalMs, List<Outcome> outcomes, SlowLoris attack, JsonElement guard)
    {
        int answered = outcomes.Count(o => o.Answered);
        // Unanswered requests count as 5 s (the client's timeout) in the percentiles: a refusal is not a fast answer.
        double[] latencies = outcomes.Select(o => o.Answered ? o.Milliseconds : 5000.0).OrderBy(x => x).ToArray();
        Console.WriteLine($"slow-loris clients: {slowClients} from {attackerHosts} address(es) (127.0.0.2..), one byte every {intervalMs} ms, reconnecting at once");
        Console.WriteLine($"good client: GET /api/status every {intervalMs} ms for {seconds} s from 127.0.0.1");
        Console.WriteLine($"answered: {answered}/{outcomes.Count} ({100.0 * answered / outcomes.Count:F1} %)");
        Console.WriteLine($"latency (unanswered = 5000 ms): p50 {Percentile(latencies, 50):F1} ms, p95 {Percentile(latencies, 95):F1} ms, p99 {Percentile(latencies, 99):F1} ms");
        foreach (var group in outcomes.Where(o => !o.Answered).GroupBy(o => o.Detail))
        {
            Console.WriteLine($"  unanswered: {group.Count()} x {group.Key}");
        }

        Console.WriteLine($"slow clients: {attack.Connects} connections made, {attack.Dropped} dropped by the device");
        var ownerRefusals = guard.GetProperty("recentRefusals").EnumerateArray()
            .Where(e => e.GetProperty("remoteAddress").GetString() == "127.0.0.1")
            .GroupBy(e => e.GetProperty("reason").GetString());
        foreach (var group in ownerRefusals)
        {
            Console.WriteLine($"  among the guard's last refusals, {group.Count()} x {group.Key} of the good client");
        }

        JsonElement counters = guard.GetProperty("counters");
        foreach (string reason in new[] { "ConnectionDisplaced", "HeadTooSlow", "AcceptRateLimited", "ConnectionLimit" })
        {
            long value = counters.TryGetProperty("reason." + reason, out JsonElement v) ? v.GetInt64() : 0;
            Console.WriteLine($"guard: {reason} {value}");
        }
    }

    private static double Percentile(double[] sorted, int percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int index = (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    private sealed record Outcome(bool Answered, double Milliseconds, string Detail);

    // The attackers: each trickles the head one byte per interval and reconnects as soon as the device drops it.
    private sealed class SlowLoris
    {
        private readonly int _port;
        private readonly int _clients;
        private readonly int _hosts;
        private readonly int _intervalMs;
        private long _connects;
        private long _dropped;

        public SlowLoris(int port, int clients, int hosts, int intervalMs)
        {
            _port = port;
            _clients = clients;
            _hosts = hosts;
            _intervalMs = intervalMs;
        }

        public long Connects => Interlocked.Read(ref _connects);

        public long Dropped => Interlocked.Read(ref _dropped);

        public Task[] Start(CancellationToken stop) =>
            Enumerable.Range(0, _clients).Select(i => Task.Run(() => Client((byte)(2 + (i % _hosts)), stop))).ToArray();

        private async Task Client(byte host, CancellationToken stop)
        {
            var source = new IPEndPoint(new IPAddress(new byte[] { 127, 0, 0, host }), 0);
            while (!stop.IsCancellationRequested)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(source);
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _port), stop);
                    Interlocked.Increment(ref _connects);
                    for (int i = 0; i < TrickleHead.Length && !stop.IsCancellationRequested; i++)
                    {
                        await socket.SendAsync(TrickleHead.AsMemory(i, 1), SocketFlags.None, stop);
                        await Task.Delay(_intervalMs, stop);
                        if (socket.Poll(0, SelectMode.SelectRead))
                        {
                            // Readable on a client that never completes a request: the device answered or closed.
                            break;
                        }
                    }

                    Interlocked.Increment(ref _dropped);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref _dropped);
                }
            }
        }
    }
}
