using System.Collections.Generic;
using System.Net.Sockets;
using NetGuard.Diagnostics;
using NetGuard.HostTests.Network;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.HostTests.Http;

/// <summary>
/// The portable TLS core (Http/TlsAcceptor, TlsServerConnection) that the host's TlsConnectionSource and the device's
/// DeviceTlsConnectionSource share, driven through a scripted TLS engine: the handshake runs on the first Receive or
/// Send and not in TryAccept; a failed, thrown or timed-out handshake closes the connection once, is counted, and every
/// later call reports why; the plaintext of every write is charged to the reply budget before the engine sees it, and a
/// refusal returns the guard's decision with nothing written; Close is idempotent and never releases the engine under a
/// call in progress. The charge itself is also checked against a real GuardedConnection on loopback.
/// </summary>
public sealed class TlsCoreTests
{
    private const int HandshakeTimeout = 700;

    [Fact]
    public void Handshake_RunsOnFirstReceive_NotInTryAccept_AndIsCounted()
    {
        var (core, plain, session) = Accepted(new ScriptedSession());
        Assert.Equal(0, session.Authentications);

        session.Reads.Enqueue(new byte[] { 1, 2, 3 });
        byte[] buffer = new byte[16];
        int received = core.Connection.Receive(buffer, 0, buffer.Length, 100, out ReasonCode reason);

        Assert.Equal(3, received);
        Assert.Equal(ReasonCode.Accepted, reason);
        Assert.Equal(1, session.Authentications);
        Assert.Equal(HandshakeTimeout, session.LastHandshakeTimeout);
        Assert.Equal(1, core.Source.Counters.Completed);
        Assert.Equal(0, core.Source.Counters.Failed);
        Assert.Equal(0, plain.Closes);
    }

    [Fact]
    public void HandshakeRefused_IsMalformed_ClosedOnce_AndLaterCallsSayWhy()
    {
        // Reject twin of the accept test above.
        var (core, plain, session) = Accepted(new ScriptedSession { Handshake = ReasonCode.Malformed });

        int received = core.Connection.Receive(new byte[8], 0, 8, 100, out ReasonCode reason);
        Decision sent = core.Connection.Send(new byte[4], 0, 4);
        int again = core.Connection.Receive(new byte[8], 0, 8, 100, out ReasonCode reasonAgain);

        Assert.Equal(0, received);
        Assert.Equal(ReasonCode.Malformed, reason);
        Assert.Equal(ReasonCode.Malformed, sent.Reason);
        Assert.Equal(0, again);
        Assert.Equal(ReasonCode.Malformed, reasonAgain);
        Assert.Equal(1, session.Authentications);
        Assert.Equal(0, session.WriteCalls);
        Assert.Equal(1, session.Releases);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(1, core.Source.Counters.Failed);
        Assert.Equal(ReasonCode.Malformed, core.Source.Counters.LastFailure);
    }

    [Fact]
    public void HandshakeThrowing_IsMalformed_NotAnException()
    {
        var (core, plain, session) = Accepted(new ScriptedSession { HandshakeThrows = true });

        int received = core.Connection.Receive(new byte[8], 0, 8, 100, out ReasonCode reason);

        Assert.Equal(0, received);
        Assert.Equal(ReasonCode.Malformed, reason);
        Assert.Equal(ReasonCode.Malformed, core.Connection.Send(new byte[4], 0, 4).Reason);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(1, session.Releases);
        Assert.Equal(ReasonCode.Malformed, core.Source.Counters.LastFailure);
    }

    [Fact]
    public void HandshakeTimedOut_IsTimedOut_AndClosed()
    {
        var (core, plain, session) = Accepted(new ScriptedSession { Handshake = ReasonCode.TimedOut });

        core.Connection.Receive(new byte[8], 0, 8, 100, out ReasonCode reason);
        core.Connection.Receive(new byte[8], 0, 8, 100, out ReasonCode later);

        Assert.Equal(ReasonCode.TimedOut, reason);
        Assert.Equal(ReasonCode.TimedOut, later);
        Assert.Equal(1, session.Authentications);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(ReasonCode.TimedOut, core.Source.Counters.LastFailure);
    }

    [Fact]
    public void Send_ChargesThePlaintextLength_ThenWrites()
    {
        var budget = new ScriptedBudget();
        var (core, plain, session) = Accepted(new ScriptedSession(), budget);
        Handshake(core, session);

        Decision sent = core.Connection.Send(new byte[300], 10, 200);

        Assert.True(sent.IsAccepted);
        Assert.Equal(new[] { 200 }, budget.Charged);
        Assert.Equal(200, session.Written);
        Assert.Equal(0, plain.Closes);
    }

    [Theory]
    [InlineData(ReasonCode.RateLimited, 12345L)]
    [InlineData(ReasonCode.TooLarge, 0L)]
    public void Send_RefusedByTheBudget_ReturnsTheGuardsDecision_WritesNothing_AndStaysOpen(ReasonCode refusal, long retryAfter)
    {
        // Reject twin of the charge test above.
        var budget = new ScriptedBudget { Next = Decision.Refuse(refusal, retryAfter) };
        var (core, plain, session) = Accepted(new ScriptedSession(), budget);
        Handshake(core, session);

        Decision sent = core.Connection.Send(new byte[64], 0, 64);

        Assert.Equal(refusal, sent.Reason);
        Assert.Equal(retryAfter, sent.RetryAfterTicks);
        Assert.Equal(0, session.WriteCalls);
        Assert.Equal(0, plain.Closes);

        // Nothing reached TLS, so the session is intact: once the budget admits, the next write goes out.
        budget.Next = Decision.Accept();
        Assert.True(core.Connection.Send(new byte[64], 0, 64).IsAccepted);
        Assert.Equal(64, session.Written);
    }

    [Fact]
    public void WriteFailing_ReturnsTheRefusal_AndEndsTheSession()
    {
        var (core, plain, session) = Accepted(new ScriptedSession { WriteResult = Decision.Refuse(ReasonCode.RateLimited, 99) });
        Handshake(core, session);

        Decision sent = core.Connection.Send(new byte[10], 0, 10);
        Decision after = core.Connection.Send(new byte[10], 0, 10);

        Assert.Equal(ReasonCode.RateLimited, sent.Reason);
        Assert.Equal(99, sent.RetryAfterTicks);
        Assert.Equal(ReasonCode.RateLimited, after.Reason);
        Assert.Equal(1, session.WriteCalls);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(1, session.Releases);
    }

    [Fact]
    public void ReadTimedOut_LeavesTheConnectionOpen_ReadClosed_EndsIt()
    {
        var (core, plain, session) = Accepted(new ScriptedSession());
        session.ReadReasons.Enqueue(ReasonCode.TimedOut);
        session.Reads.Enqueue(new byte[] { 7 });
        session.ReadReasons.Enqueue(ReasonCode.Closed);

        core.Connection.Receive(new byte[8], 0, 8, 50, out ReasonCode first);
        int data = core.Connection.Receive(new byte[8], 0, 8, 50, out ReasonCode second);
        core.Connection.Receive(new byte[8], 0, 8, 50, out ReasonCode third);

        Assert.Equal(ReasonCode.TimedOut, first);
        Assert.Equal(1, data);
        Assert.Equal(ReasonCode.Accepted, second);
        Assert.Equal(ReasonCode.Closed, third);
        Assert.Equal(1, plain.Closes);
    }

    [Fact]
    public void CloseTwice_ClosesAndReleasesOnce_AndNoHandshakeAfterwards()
    {
        var (core, plain, session) = Accepted(new ScriptedSession());

        core.Connection.Close();
        core.Connection.Close();
        int received = core.Connection.Receive(new byte[8], 0, 8, 50, out ReasonCode reason);

        Assert.Equal(0, received);
        Assert.Equal(ReasonCode.Closed, reason);
        Assert.Equal(ReasonCode.Closed, core.Connection.Send(new byte[1], 0, 1).Reason);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(1, session.Releases);
        Assert.Equal(0, session.Authentications);
        Assert.Equal(0, core.Source.Counters.Completed + core.Source.Counters.Failed);
    }

    [Fact]
    public void Send_BeforeTheHandshake_IsRefused_AndNeverRunsIt()
    {
        // The HTTP server's "busy" answer is a Send from its single accept thread: running the handshake there would
        // stall every other accept for the handshake timeout (on the device, a native handshake).
        var budget = new ScriptedBudget();
        var (core, plain, session) = Accepted(new ScriptedSession(), budget);

        Decision sent = core.Connection.Send(new byte[16], 0, 16);

        Assert.Equal(ReasonCode.InvalidState, sent.Reason);
        Assert.Equal(0, session.Authentications);
        Assert.Equal(0, session.WriteCalls);
        Assert.Empty(budget.Charged);
        Assert.Equal(0, plain.Closes);

        // Twin: after a Receive has run the handshake, the same Send goes out.
        Handshake(core, session);
        Assert.True(core.Connection.Send(new byte[16], 0, 16).IsAccepted);
        Assert.Equal(1, session.Authentications);
        Assert.Equal(new[] { 16 }, budget.Charged);
    }

    /// <summary>The engine calls a test can hold open.</summary>
    public enum EngineCall
    {
        Handshake,
        Read,
        Write,
    }

    [Theory]
    [InlineData(EngineCall.Handshake)]
    [InlineData(EngineCall.Read)]
    [InlineData(EngineCall.Write)]
    public void CloseFromAnotherThread_DuringAnEngineCall_ClosesAtOnce_ButReleasesOnlyAfterTheCallReturns(EngineCall call)
    {
        var session = new ScriptedSession();
        var (core, plain, _) = Accepted(session);
        if (call != EngineCall.Handshake)
        {
            Handshake(core, session);
        }

        session.BlockOn = call;
        ReasonCode reason = ReasonCode.Accepted;
        var caller = new Thread(() =>
        {
            if (call == EngineCall.Write)
            {
                reason = core.Connection.Send(new byte[8], 0, 8).Reason;
            }
            else
            {
                core.Connection.Receive(new byte[8], 0, 8, 5000, out reason);
            }
        });
        caller.Start();
        Assert.True(session.CallEntered.Wait(TimeSpan.FromSeconds(5)));

        core.Connection.Close();

        Assert.Equal(1, plain.Closes);
        Assert.Equal(0, session.Releases); // the engine is still inside the call: freeing it now would be a use-after-free
        session.Unblock.Set();
        Assert.True(caller.Join(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, session.Releases);
        Assert.Equal(ReasonCode.Closed, reason);
        Assert.False(session.ReleasedDuringCall);
    }

    [Fact]
    public void FactoryRefusing_ClosesTheConnection_NeverServesItPlain()
    {
        var plain = new PlainDouble();
        var source = new TlsAcceptor(new OneShotSource(plain), new ScriptedFactory(null, null), HandshakeTimeout);

        bool accepted = source.TryAccept(100, out IConnection connection, out ReasonCode reason);

        Assert.False(accepted);
        Assert.Null(connection);
        Assert.Equal(ReasonCode.InvalidState, reason);
        Assert.Equal(1, plain.Closes);
        Assert.Equal(1, source.Counters.Failed);
    }

    [Fact]
    public void InnerSourceTimingOut_PassesTheReasonThrough()
    {
        var source = new TlsAcceptor(new OneShotSource(null), new ScriptedFactory(new ScriptedSession(), null), HandshakeTimeout);

        Assert.False(source.TryAccept(10, out IConnection connection, out ReasonCode reason));
        Assert.Null(connection);
        Assert.Equal(ReasonCode.TimedOut, reason);
        Assert.Equal(0, source.Counters.Failed);
    }

    [Fact]
    public void GuardedConnectionBudget_AdmitsThenRefusesRateLimited_AndTooLargeBeyondTheBucket()
    {
        // The device charges the plaintext to the real GuardedConnection (IReplyBudget): per-connection bucket of
        // 1000 bytes here. 600 fit, the next 600 wait (RateLimited with a retry-after), 5000 never fit (TooLarge);
        // refusals are counted like refused Sends, and nothing reaches the socket.
        using var loopback = new GuardedTls(RateLimit.PerSeconds(1000, 100, 1), RateLimit.PerSeconds(100000, 10000, 1));
        NetworkGuard guard = loopback.Guard;
        IConnection tls = loopback.Tls;
        ScriptedSession session = loopback.Session;
        int row = guard.GetEgressCounters().IndexOfRow(EgressCounters.TcpReplyRowName);

        Decision first = tls.Send(new byte[600], 0, 600);
        Decision second = tls.Send(new byte[600], 0, 600);
        Decision huge = tls.Send(new byte[5000], 0, 5000);

        Assert.True(first.IsAccepted);
        Assert.Equal(ReasonCode.RateLimited, second.Reason);
        Assert.True(second.RetryAfterTicks > 0);
        Assert.Equal(ReasonCode.TooLarge, huge.Reason);
        Assert.Equal(600, session.Written);
        Assert.Equal(1, session.WriteCalls);
        Assert.Equal(1, guard.GetEgressCounters().GetRefused(row, ReasonCode.RateLimited));
        Assert.Equal(1, guard.GetEgressCounters().GetRefused(row, ReasonCode.TooLarge));

        // Closed: the budget refuses with the connection's state, and the guard's slot is free again.
        tls.Close();
        Assert.Equal(ReasonCode.Closed, loopback.Guarded.ChargeReply(1).Reason);
    }

    [Fact]
    public void GuardedConnection_EngineWriteFailure_IsCountedAndLogged_LikeAFailedPlainSend()
    {
        // Device: the records bypass IConnection.Send, so a failed native write must still reach the guard's
        // counters and refusal log (a failed plain Send does). Twin: a write that succeeds records nothing.
        using var loopback = new GuardedTls(null, null);
        NetworkGuard guard = loopback.Guard;
        IConnection tls = loopback.Tls;
        ScriptedSession session = loopback.Session;

        Assert.True(tls.Send(new byte[10], 0, 10).IsAccepted);
        Assert.Equal(0, guard.Counters.GetByReason(ReasonCode.ConnectionReset));
        Assert.Equal(0, guard.RecentRefusals.Count);

        session.WriteResult = Decision.Refuse(ReasonCode.ConnectionReset);
        Decision failed = tls.Send(new byte[10], 0, 10);

        Assert.Equal(ReasonCode.ConnectionReset, failed.Reason);
        Assert.Equal(1, guard.Counters.GetByReason(ReasonCode.ConnectionReset));
        RefusalEvent logged = Assert.Single(guard.RecentRefusals.ToArray());
        Assert.Equal(ReasonCode.ConnectionReset, logged.Reason);
        Assert.Equal(1, session.Releases);
        Assert.Equal(ReasonCode.ConnectionReset, tls.Send(new byte[1], 0, 1).Reason);
    }

    // A real guard on loopback with one accepted GuardedConnection wrapped by the TLS core over a scripted engine,
    // the handshake already run (one scripted byte received). Reply limits: the policy's defaults when null.
    private sealed class GuardedTls : IDisposable
    {
        private readonly Socket _client;

        public GuardedTls(RateLimit? perConnection, RateLimit? global)
        {
            int port = LoopbackKit.FreeTcpPort();
            var policy = LoopbackKit.Policy(port, 2, RateLimit.PerSeconds(8, 8, 1), LoopbackKit.FreeUdpPort(), perConnection, global);
            (Guard, _) = LoopbackKit.Guard(policy, new ManualClock(0));
            Assert.True(Guard.ListenTcp(port, out GuardedListener listener).IsAccepted);
            _client = LoopbackKit.Connect(port);
            Assert.True(LoopbackKit.Accept(listener, out IConnection accepted).IsAccepted);
            Guarded = Assert.IsType<GuardedConnection>(accepted);
            var source = new TlsAcceptor(new OneShotSource(Guarded), new ScriptedFactory(Session, Guarded), HandshakeTimeout);
            Assert.True(source.TryAccept(100, out IConnection tls, out _));
            Tls = tls;
            Session.Reads.Enqueue(new byte[] { 1 });
            Assert.Equal(1, Tls.Receive(new byte[1], 0, 1, 100, out _));
        }

        public NetworkGuard Guard { get; }

        public GuardedConnection Guarded { get; }

        public ScriptedSession Session { get; } = new();

        public IConnection Tls { get; }

        public void Dispose()
        {
            _client.Dispose();
            Guard.Close();
        }
    }

    private static (AcceptedPair Core, PlainDouble Plain, ScriptedSession Session) Accepted(ScriptedSession session, IReplyBudget? budget = null)
    {
        var plain = new PlainDouble();
        var source = new TlsAcceptor(new OneShotSource(plain), new ScriptedFactory(session, budget), HandshakeTimeout);
        Assert.True(source.TryAccept(100, out IConnection connection, out ReasonCode reason));
        Assert.Equal(ReasonCode.Accepted, reason);
        return (new AcceptedPair(source, connection), plain, session);
    }

    // Runs the handshake the way the server does, with a Receive (one scripted byte).
    private static void Handshake(AcceptedPair core, ScriptedSession session)
    {
        session.Reads.Enqueue(new byte[] { 0x42 });
        Assert.Equal(1, core.Connection.Receive(new byte[1], 0, 1, 100, out ReasonCode reason));
        Assert.Equal(ReasonCode.Accepted, reason);
    }

    private sealed record AcceptedPair(TlsAcceptor Source, IConnection Connection);

    private sealed class OneShotSource : IConnectionSource
    {
        private IConnection? _next;

        public OneShotSource(IConnection? next) => _next = next;

        public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
        {
            connection = _next!;
            _next = null;
            reason = connection == null ? ReasonCode.TimedOut : ReasonCode.Accepted;
            return connection != null;
        }
    }

    private sealed class ScriptedFactory : ITlsSessionFactory
    {
        private readonly ScriptedSession? _session;
        private readonly IReplyBudget? _budget;

        public ScriptedFactory(ScriptedSession? session, IReplyBudget? budget)
        {
            _session = session;
            _budget = budget;
        }

        public bool TryOpen(IConnection plain, out ITlsSession session, out IReplyBudget budget, out ReasonCode reason)
        {
            session = _session!;
            budget = _budget!;
            reason = _session == null ? ReasonCode.InvalidState : ReasonCode.Accepted;
            return _session != null;
        }
    }

    private sealed class PlainDouble : IConnection
    {
        private int _closes;

        public int Closes => Volatile.Read(ref _closes);

        public uint RemoteAddress => 0x7F000001;

        public int RemotePort => 50000;

        public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason) => throw new InvalidOperationException("the engine owns the transport");

        public Decision Send(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the engine owns the transport");

        public void Close() => Interlocked.Increment(ref _closes);

        public void Drop(ReasonCode reason) => Close();

        public void MarkInService()
        {
            // The scripted plain connection has no listener to displace it.
        }
    }

    private sealed class ScriptedBudget : IReplyBudget
    {
        public Decision Next { get; set; } = Decision.Accept();

        public List<int> Charged { get; } = new();

        public Decision ChargeReply(int byteCount)
        {
            if (Next.IsAccepted)
            {
                Charged.Add(byteCount);
            }

            return Next;
        }

        public List<ReasonCode> Failures { get; } = new();

        public Decision WriteFailed(ReasonCode reason)
        {
            Failures.Add(reason);
            return Decision.Refuse(reason);
        }
    }

    // A TLS engine that does what the test says. Reads: queued payloads or queued reasons, in call order.
    private sealed class ScriptedSession : ITlsSession
    {
        private int _inCall;

        public ReasonCode Handshake { get; set; } = ReasonCode.Accepted;
        public bool HandshakeThrows { get; set; }
        public Decision WriteResult { get; set; } = Decision.Accept();
        public Queue<byte[]> Reads { get; } = new();
        public Queue<ReasonCode> ReadReasons { get; } = new();
        public EngineCall? BlockOn { get; set; }
        public ManualResetEventSlim CallEntered { get; } = new();
        public ManualResetEventSlim Unblock { get; } = new();
        public int Authentications { get; private set; }
        public int LastHandshakeTimeout { get; private set; }
        public int WriteCalls { get; private set; }
        public int Written { get; private set; }
        public int Releases { get; private set; }
        public bool ReleasedDuringCall { get; private set; }

        public ReasonCode Authenticate(int timeoutMilliseconds)
        {
            Interlocked.Increment(ref _inCall);
            try
            {
                Authentications++;
                LastHandshakeTimeout = timeoutMilliseconds;
                if (Blocks(EngineCall.Handshake))
                {
                    // Stands for the native handshake: the peer's close surfaces when it returns.
                    return ReasonCode.Closed;
                }

                if (HandshakeThrows)
                {
                    throw new System.Security.Authentication.AuthenticationException("scripted");
                }

                return Handshake;
            }
            finally
            {
                Interlocked.Decrement(ref _inCall);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            Interlocked.Increment(ref _inCall);
            try
            {
                if (Blocks(EngineCall.Read))
                {
                    reason = ReasonCode.Closed;
                    return 0;
                }

                if (ReadReasons.Count > 0 && (Reads.Count == 0 || ReadReasons.Peek() == ReasonCode.TimedOut))
                {
                    reason = ReadReasons.Dequeue();
                    return 0;
                }

                byte[] next = Reads.Dequeue();
                Array.Copy(next, 0, buffer, offset, next.Length);
                reason = ReasonCode.Accepted;
                return next.Length;
            }
            finally
            {
                Interlocked.Decrement(ref _inCall);
            }
        }

        public Decision Write(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref _inCall);
            try
            {
                WriteCalls++;
                if (Blocks(EngineCall.Write))
                {
                    return Decision.Refuse(ReasonCode.Closed);
                }

                if (WriteResult.IsAccepted)
                {
                    Written += count;
                }

                return WriteResult;
            }
            finally
            {
                Interlocked.Decrement(ref _inCall);
            }
        }

        // When the test holds this call open: signals that the engine is inside it and waits for the test's go.
        private bool Blocks(EngineCall call)
        {
            if (BlockOn != call)
            {
                return false;
            }

            CallEntered.Set();
            Unblock.Wait(TimeSpan.FromSeconds(10));
            return true;
        }

        public void Release()
        {
            Releases++;
            if (Volatile.Read(ref _inCall) != 0)
            {
                ReleasedDuringCall = true;
            }
        }
    }
}
