using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using BenchmarkDotNet.Attributes;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform.Host;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Benchmarks.Network
{
    /// <summary>
    /// Throughput of replies on an accepted TCP connection through the guard against the raw .NET socket
    /// (the baseline), in the same run, over 127.0.0.1: 64 MB in 64 KiB writes, each operation ending
    /// when the client has read every byte. The guard's limits are set so high that they never refuse,
    /// so the difference is the guard's own cost (limiter decision, clock read, state checks). Targets:
    /// at least 0.95x the raw throughput, 0 bytes allocated per send. Results: docs/benchmarks-guard.md.
    /// </summary>
    [MemoryDiagnoser]
    public class GuardedSendBenchmarks
    {
        private const int TotalBytes = 64 * 1024 * 1024;
        private const int WriteBytes = 64 * 1024;

        private readonly byte[] _payload = new byte[WriteBytes];
        private NetworkGuard _guard = null!;
        private IConnection _guarded = null!;
        private Socket _guardedClient = null!;
        private Socket _rawListener = null!;
        private Socket _raw = null!;
        private Socket _rawClient = null!;
        private Drain _guardedDrain = null!;
        private Drain _rawDrain = null!;

        [GlobalSetup]
        public void Setup()
        {
            // Limits far above anything the loopback can carry: the guard decides, never refuses.
            var unlimited = new RateLimit(1L << 50, 1L << 50, 1);
            EgressPolicy egress = new EgressPolicyBuilder(new uint[0], HostNetworkGuard.Loopback)
                .SetTcpReplyLimits(unlimited, unlimited)
                .Build();
            int port = FreePort();
            GuardPolicy policy = new GuardPolicyBuilder(egress)
                .AddTcpListener("bench", port, 1, RateLimit.PerSeconds(10, 10, 1))
                .Build();
            _guard = HostNetworkGuard.CreateLoopback(policy, new NetGuard.Platform.Host.StopwatchClock());
            Check(_guard.ListenTcp(port, out GuardedListener listener));
            _guardedClient = Connect(port);
            Check(listener.Accept(5000, out _guarded));
            _guardedDrain = new Drain(_guardedClient);

            _rawListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _rawListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _rawListener.Listen(1);
            _rawClient = Connect(((IPEndPoint)_rawListener.LocalEndPoint!).Port);
            _raw = _rawListener.Accept();
            _rawDrain = new Drain(_rawClient);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _guard.Close();
            _raw.Dispose();
            _rawListener.Dispose();
            _guardedClient.Dispose();
            _rawClient.Dispose();
            _guardedDrain.Join();
            _rawDrain.Join();
        }

        /// <summary>64 MB through the raw accepted socket.</summary>
        [Benchmark(Baseline = true)]
        public long RawSocket()
        {
            long target = _rawDrain.Received + TotalBytes;
            for (int sent = 0; sent < TotalBytes; sent += WriteBytes)
            {
                int offset = 0;
                while (offset < WriteBytes)
                {
                    offset += _raw.Send(_payload, offset, WriteBytes - offset, SocketFlags.None);
                }
            }

            return _rawDrain.WaitFor(target);
        }

        /// <summary>64 MB through the guard's IConnection.Send (limiter decision on every write).</summary>
        [Benchmark]
        public long GuardedConnection()
        {
            long target = _guardedDrain.Received + TotalBytes;
            for (int sent = 0; sent < TotalBytes; sent += WriteBytes)
            {
                Decision decision = _guarded.Send(_payload, 0, WriteBytes);
                if (!decision.IsAccepted)
                {
                    throw new InvalidOperationException("refused: " + decision.ToString());
                }
            }

            return _guardedDrain.WaitFor(target);
        }

        private static void Check(Decision decision)
        {
            if (!decision.IsAccepted)
            {
                throw new InvalidOperationException("setup refused: " + decision.ToString());
            }
        }

        private static int FreePort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        private static Socket Connect(int port)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return client;
        }

        // Reads everything a client socket receives on its own thread, into one buffer (no allocation
        // per read), and counts the bytes so an operation can wait until its data has arrived.
        private sealed class Drain
        {
            private readonly Socket _socket;
            private readonly Thread _thread;
            private long _received;

            public Drain(Socket socket)
            {
                _socket = socket;
                _thread = new Thread(Run) { IsBackground = true, Name = "drain" };
                _thread.Start();
            }

            public long Received => Volatile.Read(ref _received);

            public long WaitFor(long target)
            {
                var spinner = new SpinWait();
                while (Volatile.Read(ref _received) < target)
                {
                    spinner.SpinOnce();
                }

                return target;
            }

            public void Join() => _thread.Join(2000);

            private void Run()
            {
                byte[] buffer = new byte[256 * 1024];
                try
                {
                    while (true)
                    {
                        int n = _socket.Receive(buffer, 0, buffer.Length, SocketFlags.None);
                        if (n <= 0)
                        {
                            return;
                        }

                        Interlocked.Add(ref _received, n);
                    }
                }
                catch (SocketException)
                {
                    // Closed at cleanup.
                }
                catch (ObjectDisposedException)
                {
                    // Closed at cleanup.
                }
            }
        }
    }
}
