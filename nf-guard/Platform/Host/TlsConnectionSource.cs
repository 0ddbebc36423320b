using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// HTTPS for the admin server on the host (issue 9): wraps another <see cref="IConnectionSource"/> (normally the
    /// <see cref="GuardedListenerSource"/>) and hands out connections that speak TLS 1.2/1.3 (RFC 5246, RFC 8446) over
    /// the accepted guarded connection. The TLS records themselves go through <see cref="IConnection.Send"/>, so the
    /// guard still charges every byte to the TCP reply budget and counts it. The handshake runs on the first
    /// Receive or Send of a connection (a server worker thread), not in <see cref="TryAccept"/>: the server has a
    /// single accept thread, and a client that connects and stays silent would otherwise stall every other accept
    /// for the whole handshake timeout. A failed handshake closes the connection, is counted here
    /// (<see cref="HandshakesFailed"/>) and surfaces as a Receive/Send refusal with a reason, never as an exception.
    /// Thread-safe.
    /// </summary>
    public sealed class TlsConnectionSource : IConnectionSource
    {
        /// <summary>Default longest time a TLS handshake may take, in milliseconds.</summary>
        public const int DefaultHandshakeTimeoutMilliseconds = 5000;

        private readonly IConnectionSource _inner;
        private readonly X509Certificate2 _certificate;
        private readonly int _handshakeTimeoutMilliseconds;
        private readonly object _gate = new object();
        private int _completed;
        private int _failed;
        private ReasonCode _lastFailure = ReasonCode.Accepted;

        /// <summary>
        /// Wraps <paramref name="inner"/>. Throws <see cref="ArgumentNullException"/> for a null source or certificate,
        /// <see cref="ArgumentException"/> when the certificate has no private key, and
        /// <see cref="ArgumentOutOfRangeException"/> for a handshake timeout below 1 ms.
        /// </summary>
        /// <param name="inner">Where the TCP connections come from.</param>
        /// <param name="certificate">The server certificate with its private key (for example loaded from a PKCS#12 file).</param>
        /// <param name="handshakeTimeoutMilliseconds">Longest time one handshake may take, in milliseconds.</param>
        public TlsConnectionSource(IConnectionSource inner, X509Certificate2 certificate, int handshakeTimeoutMilliseconds = DefaultHandshakeTimeoutMilliseconds)
        {
            if (inner == null)
            {
                throw new ArgumentNullException(nameof(inner));
            }

            if (certificate == null)
            {
                throw new ArgumentNullException(nameof(certificate));
            }

            if (!certificate.HasPrivateKey)
            {
                throw new ArgumentException("The server certificate needs its private key.", nameof(certificate));
            }

            if (handshakeTimeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(handshakeTimeoutMilliseconds));
            }

            _inner = inner;
            _certificate = certificate;
            _handshakeTimeoutMilliseconds = handshakeTimeoutMilliseconds;
        }

        /// <summary>Number of TLS handshakes that completed.</summary>
        public int HandshakesCompleted
        {
            get { return Volatile.Read(ref _completed); }
        }

        /// <summary>Number of TLS handshakes that failed (not TLS, bad record, timeout, peer gone, egress refused).</summary>
        public int HandshakesFailed
        {
            get { return Volatile.Read(ref _failed); }
        }

        /// <summary>Why the most recent handshake failed (Malformed, TimedOut, Closed, ...); Accepted when none has.</summary>
        public ReasonCode LastHandshakeFailure
        {
            get
            {
                lock (_gate)
                {
                    return _lastFailure;
                }
            }
        }

        /// <inheritdoc />
        public bool TryAccept(int timeoutMilliseconds, out IConnection connection, out ReasonCode reason)
        {
            IConnection plain;
            if (!_inner.TryAccept(timeoutMilliseconds, out plain, out reason) || plain == null)
            {
                connection = null;
                if (reason == ReasonCode.Accepted)
                {
                    reason = ReasonCode.SocketError;
                }

                return false;
            }

            connection = new TlsConnection(this, plain);
            return true;
        }

        private void HandshakeEnded(ReasonCode reason)
        {
            if (reason == ReasonCode.Accepted)
            {
                Interlocked.Increment(ref _completed);
                return;
            }

            Interlocked.Increment(ref _failed);
            lock (_gate)
            {
                _lastFailure = reason;
            }
        }

        // The IConnection the HTTP server sees: plaintext in and out, TLS records on the guarded connection.
        private sealed class TlsConnection : IConnection
        {
            private readonly TlsConnectionSource _owner;
            private readonly IConnection _plain;
            private readonly ConnectionStream _transport;
            private readonly SslStream _ssl;
            private readonly object _handshakeGate = new object();
            private readonly object _stateGate = new object();

            // Accepted while usable; otherwise why not (Closed, Malformed, TimedOut, RateLimited, ...).
            private ReasonCode _state = ReasonCode.Accepted;
            private bool _authenticated;
            private bool _disposed;

            internal TlsConnection(TlsConnectionSource owner, IConnection plain)
            {
                _owner = owner;
                _plain = plain;
                _transport = new ConnectionStream(plain);
                _ssl = new SslStream(_transport, leaveInnerStreamOpen: true);
            }

            public uint RemoteAddress
            {
                get { return _plain.RemoteAddress; }
            }

            public int RemotePort
            {
                get { return _plain.RemotePort; }
            }

            public int Receive(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
            {
                CheckRange(buffer, offset, count);
                if (count == 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(count), "Receive at least 1 byte.");
                }

                if (timeoutMilliseconds < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
                }

                reason = EnsureAuthenticated();
                if (reason != ReasonCode.Accepted)
                {
                    return 0;
                }

                _transport.Begin(timeoutMilliseconds);
                try
                {
                    int received = _ssl.Read(buffer, offset, count);
                    if (received > 0)
                    {
                        reason = ReasonCode.Accepted;
                        return received;
                    }

                    // A close_notify or the TCP close: the peer is done.
                    reason = Fail(ReasonCode.Closed);
                    return 0;
                }
                catch (Exception)
                {
                    ReasonCode cause = _transport.TakeFailure(ReasonCode.Malformed);
                    if (cause == ReasonCode.TimedOut)
                    {
                        // SslStream keeps a partly read record buffered, so a quiet peer may still be served
                        // later, as a plain connection would (IConnection: TimedOut leaves it open).
                        reason = ReasonCode.TimedOut;
                        return 0;
                    }

                    reason = Fail(cause);
                    return 0;
                }
            }

            public Decision Send(byte[] buffer, int offset, int count)
            {
                CheckRange(buffer, offset, count);
                ReasonCode ready = EnsureAuthenticated();
                if (ready != ReasonCode.Accepted)
                {
                    return Decision.Refuse(ready);
                }

                if (count == 0)
                {
                    return Decision.Accept();
                }

                _transport.Begin(DefaultHandshakeTimeoutMilliseconds);
                try
                {
                    _ssl.Write(buffer, offset, count);
                    _ssl.Flush();
                    return Decision.Accept();
                }
                catch (Exception)
                {
                    // Any exception type stays here (IConnection never throws for peer behaviour).
                    // A refused or failed record leaves the TLS sequence numbers ahead of what the peer saw, so
                    // the session cannot continue: close it and pass the guard's refusal (with its retry-after).
                    Decision refusal = _transport.TakeRefusal(ReasonCode.SocketError);
                    Fail(refusal.Reason);
                    return refusal;
                }
            }

            public void Close()
            {
                Fail(ReasonCode.Closed);
            }

            private static void CheckRange(byte[] buffer, int offset, int count)
            {
                if (buffer == null)
                {
                    throw new ArgumentNullException(nameof(buffer));
                }

                if (offset < 0 || offset > buffer.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(offset));
                }

                if (count < 0 || count > buffer.Length - offset)
                {
                    throw new ArgumentOutOfRangeException(nameof(count));
                }
            }

            private ReasonCode State
            {
                get
                {
                    lock (_stateGate)
                    {
                        return _state;
                    }
                }
            }

            // Runs the server handshake once, bounded by the owner's timeout; later calls see its outcome.
            private ReasonCode EnsureAuthenticated()
            {
                lock (_handshakeGate)
                {
                    ReasonCode state = State;
                    if (state != ReasonCode.Accepted || _authenticated)
                    {
                        return state;
                    }

                    ReasonCode outcome;
                    _transport.Begin(_owner._handshakeTimeoutMilliseconds, _owner._handshakeTimeoutMilliseconds);
                    try
                    {
                        // Server authentication only (the admin account authenticates the client); TLS 1.2 and
                        // 1.3 only (RFC 8996 deprecates 1.0 and 1.1); the certificate is the device's own, so
                        // there is no revocation source to ask.
                        _ssl.AuthenticateAsServer(_owner._certificate, false, SslProtocols.Tls12 | SslProtocols.Tls13, false);
                        _authenticated = true;
                        outcome = ReasonCode.Accepted;
                    }
                    catch (Exception)
                    {
                        // Not TLS (plain HTTP, garbage), a protocol alert, the peer gone, too slow, or the guard
                        // refusing the handshake's own records. Any exception type (the platform's TLS library
                        // may surface its own) stays here: IConnection never throws for what a peer does.
                        outcome = _transport.TakeFailure(ReasonCode.Malformed);
                    }
                    finally
                    {
                        _transport.EndHandshake();
                    }

                    _owner.HandshakeEnded(outcome);
                    if (outcome != ReasonCode.Accepted)
                    {
                        return Fail(outcome);
                    }

                    return ReasonCode.Accepted;
                }
            }

            // Records the first reason the connection ended, closes the guarded connection (which frees the socket
            // and unblocks a worker waiting in Receive) and releases the TLS session once. Returns the state.
            private ReasonCode Fail(ReasonCode reason)
            {
                bool dispose;
                lock (_stateGate)
                {
                    if (_state == ReasonCode.Accepted)
                    {
                        _state = reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                    }

                    dispose = !_disposed;
                    _disposed = true;
                }

                if (dispose)
                {
                    _plain.Close();
                    try
                    {
                        _ssl.Dispose();
                    }
                    catch (Exception)
                    {
                        // A read in flight on another thread; the socket is already closed.
                    }
                }

                return State;
            }
        }

        // Stream over an IConnection for SslStream: Read waits at most the current timeout (and, during the
        // handshake, at most until its deadline); Write is one guarded Send (all or nothing, charged as a TCP
        // reply). Refusals and socket failures become IOException here and are remembered with their reason,
        // so the connection can report them; nothing else sees these exceptions.
        private sealed class ConnectionStream : Stream
        {
            private readonly IConnection _connection;
            private readonly object _gate = new object();
            private int _readTimeoutMilliseconds = DefaultHandshakeTimeoutMilliseconds;
            private long _deadlineTimestamp;
            private ReasonCode _failure = ReasonCode.Accepted;
            private Decision _refusal = Decision.Accept();

            internal ConnectionStream(IConnection connection)
            {
                _connection = connection;
            }

            public override bool CanRead
            {
                get { return true; }
            }

            public override bool CanWrite
            {
                get { return true; }
            }

            public override bool CanSeek
            {
                get { return false; }
            }

            public override bool CanTimeout
            {
                get { return true; }
            }

            public override int ReadTimeout
            {
                get { return _readTimeoutMilliseconds; }
                set { _readTimeoutMilliseconds = value < 1 ? 1 : value; }
            }

            public override long Length
            {
                get { throw new NotSupportedException(); }
            }

            public override long Position
            {
                get { throw new NotSupportedException(); }
                set { throw new NotSupportedException(); }
            }

            // Starts one operation: clears the remembered failure and sets the per-read timeout.
            internal void Begin(int readTimeoutMilliseconds)
            {
                lock (_gate)
                {
                    _failure = ReasonCode.Accepted;
                    _refusal = Decision.Accept();
                }

                ReadTimeout = readTimeoutMilliseconds;
            }

            // Starts the handshake: every read also stops at the overall deadline.
            internal void Begin(int readTimeoutMilliseconds, int totalMilliseconds)
            {
                Begin(readTimeoutMilliseconds);
                _deadlineTimestamp = Stopwatch.GetTimestamp() + totalMilliseconds * Stopwatch.Frequency / 1000;
            }

            internal void EndHandshake()
            {
                _deadlineTimestamp = 0;
            }

            // The reason the last operation failed, or fallback when the stream itself saw no failure
            // (the TLS layer refused what it read: not TLS, a bad record, an alert).
            internal ReasonCode TakeFailure(ReasonCode fallback)
            {
                lock (_gate)
                {
                    return _failure == ReasonCode.Accepted ? fallback : _failure;
                }
            }

            // The guard's refusal of the last write (with its retry-after), or a refusal with fallback.
            internal Decision TakeRefusal(ReasonCode fallback)
            {
                lock (_gate)
                {
                    if (!_refusal.IsAccepted)
                    {
                        return _refusal;
                    }

                    return Decision.Refuse(_failure == ReasonCode.Accepted ? fallback : _failure);
                }
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (count == 0)
                {
                    return 0;
                }

                int timeout = _readTimeoutMilliseconds;
                long deadline = _deadlineTimestamp;
                if (deadline != 0)
                {
                    long left = (deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                    if (left < 1)
                    {
                        throw Failed(ReasonCode.TimedOut);
                    }

                    if (left < timeout)
                    {
                        timeout = (int)left;
                    }
                }

                ReasonCode reason;
                int received = _connection.Receive(buffer, offset, count, timeout, out reason);
                if (received > 0)
                {
                    return received;
                }

                if (reason == ReasonCode.Closed)
                {
                    // End of stream: SslStream reports an orderly close (0) or a truncated handshake itself.
                    lock (_gate)
                    {
                        _failure = ReasonCode.Closed;
                    }

                    return 0;
                }

                throw Failed(reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason);
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                Decision decision = _connection.Send(buffer, offset, count);
                if (!decision.IsAccepted)
                {
                    lock (_gate)
                    {
                        _refusal = decision;
                    }

                    throw Failed(decision.Reason);
                }
            }

            public override void Flush()
            {
                // Every Write is already one Send.
            }

            public override long Seek(long offset, SeekOrigin origin)
            {
                throw new NotSupportedException();
            }

            public override void SetLength(long value)
            {
                throw new NotSupportedException();
            }

            private IOException Failed(ReasonCode reason)
            {
                lock (_gate)
                {
                    _failure = reason;
                }

                return new IOException("Connection: " + ReasonCodes.Name(reason));
            }
        }
    }
}
