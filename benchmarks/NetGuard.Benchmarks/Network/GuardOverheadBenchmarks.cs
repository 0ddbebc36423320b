using System;
using BenchmarkDotNet.Attributes;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Benchmarks.Network
{
    /// <summary>
    /// The guard's own cost per write, without any I/O: <see cref="IConnection.Send"/> on an accepted
    /// connection whose socket discards the bytes, against calling that discarding socket directly (the
    /// baseline). The difference is what the guard adds to every send (state check, limiter decision with
    /// the connection and global buckets, clock read); divided by the time of a real 64 KiB loopback send
    /// it bounds the throughput loss that <see cref="GuardedSendBenchmarks"/> measures under noise.
    /// Target: 0 bytes allocated. Results: docs/benchmarks-guard.md.
    /// </summary>
    [MemoryDiagnoser]
    public class GuardOverheadBenchmarks
    {
        private readonly byte[] _payload = new byte[64 * 1024];
        private DiscardSocket _socket = null!;
        private IConnection _connection = null!;

        [GlobalSetup]
        public void Setup()
        {
            var unlimited = new RateLimit(1L << 50, 1L << 50, 1);
            EgressPolicy egress = new EgressPolicyBuilder(new uint[0], 0x7F000001).SetTcpReplyLimits(unlimited, unlimited).Build();
            GuardPolicy policy = new GuardPolicyBuilder(egress).AddTcpListener("bench", 8080, 1, RateLimit.PerSeconds(1, 1, 1)).Build();
            var layer = new DiscardLayer();
            var guard = new NetworkGuard(policy, layer, new NetGuard.Platform.Host.StopwatchClock());
            if (!guard.ListenTcp(8080, out GuardedListener listener).IsAccepted || !listener.Accept(1, out _connection).IsAccepted)
            {
                throw new InvalidOperationException("setup refused");
            }

            _socket = layer.Socket;
        }

        /// <summary>The discarding socket called directly.</summary>
        [Benchmark(Baseline = true)]
        public ReasonCode DiscardDirect() => _socket.Send(_payload, 0, _payload.Length);

        /// <summary>The same write through the guard.</summary>
        [Benchmark]
        public bool DiscardThroughGuard() => _connection.Send(_payload, 0, _payload.Length).IsAccepted;

        private sealed class DiscardLayer : ISocketLayer, IStreamListenerSocket
        {
            public DiscardSocket Socket { get; } = new DiscardSocket();

            public int LocalPort => 8080;

            public ReasonCode OpenStreamListener(int port, int backlog, out IStreamListenerSocket listener)
            {
                listener = this;
                return ReasonCode.Accepted;
            }

            public ReasonCode OpenDatagram(int port, out IDatagramSocket socket)
            {
                socket = null!;
                return ReasonCode.SocketError;
            }

            public ReasonCode Accept(int timeoutMilliseconds, out IStreamSocket socket)
            {
                socket = Socket;
                return ReasonCode.Accepted;
            }

            public void Close()
            {
            }
        }

        private sealed class DiscardSocket : IStreamSocket
        {
            private long _bytes;

            public uint RemoteAddress => 0x7F000001;

            public int RemotePort => 50000;

            public ReasonCode Send(byte[] buffer, int offset, int count)
            {
                _bytes += count;
                return ReasonCode.Accepted;
            }

            public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
            {
                reason = ReasonCode.TimedOut;
                return 0;
            }

            public void Close()
            {
            }
        }
    }
}
