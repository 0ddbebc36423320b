using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// HTTPS for the admin server on the host: wraps another <see cref="IConnectionSource"/> (normally the
    /// <see cref="GuardedListenerSource"/>) and hands out connections that speak TLS 1.2/1.3 (RFC 5246, RFC 8446) over
    /// the accepted guarded connection. The TLS records themselves go through <see cref="IConnection.Send"/>, so the
    /// guard still charges every byte to the TCP reply budget and counts it. The handshake runs on the first
    /// Receive of a connection (a server worker thread; a Send before it is refused), not in <see cref="TlsConnectionSourceBase.TryAccept"/>: the server has a
    /// single accept thread, and a client that connects and stays silent would otherwise stall every other accept
    /// for the whole handshake timeout. A failed handshake closes the connection, is counted here
    /// (<see cref="TlsConnectionSourceBase.HandshakesFailed"/>) and surfaces as a Receive/Send refusal with a reason, never as an exception.
    /// The connection behaviour is the library's portable TLS core (Http/TlsAcceptor, Http/TlsServerConnection),
    /// shared with the device's <c>DeviceTlsConnectionSource</c>; only the TLS engine (.NET's SslStream here) differs.
    /// Thread-safe.
    /// </summary>
    public sealed class TlsConnectionSource : TlsConnectionSourceBase
    {
        /// <summary>
        /// Wraps <paramref name="inner"/>. Throws <see cref="ArgumentNullException"/> for a null source or certificate,
        /// <see cref="ArgumentException"/> when the certificate has no private key, and
        /// <see cref="ArgumentOutOfRangeException"/> for a handshake timeout below 1 ms.
        /// </summary>
        /// <param name="inner">Where the TCP connections come from.</param>
        /// <param name="certificate">The server certificate with its private key (for example loaded from a PKCS#12 file).</param>
        /// <param name="handshakeTimeoutMilliseconds">Longest time one handshake may take, in milliseconds.</param>
        public TlsConnectionSource(IConnectionSource inner, X509Certificate2 certificate, int handshakeTimeoutMilliseconds = DefaultHandshakeTimeoutMilliseconds)
            : base(inner, certificate, certificate != null && certificate.HasPrivateKey, handshakeTimeoutMilliseconds, new SessionFactory(certificate))
        {
        }

        // Every record passes IConnection.Send, so there is no separate plaintext budget (budget null).
        private sealed class SessionFactory : ITlsSessionFactory
        {
            private readonly X509Certificate2 _certificate;

            internal SessionFactory(X509Certificate2 certificate)
            {
                _certificate = certificate;
            }

            public bool TryOpen(IConnection plain, out ITlsSession session, out IReplyBudget budget, out ReasonCode reason)
            {
                session = new Session(plain, _certificate);
                budget = null;
                reason = ReasonCode.Accepted;
                return true;
            }
        }

        // The host's TLS engine: .NET's SslStream over a stream whose reads are guarded Receives and whose writes are
        // guarded Sends. Failures come back as the reason the stream remembered (TimedOut, Closed, the guard's
        // refusal), or Malformed when the TLS layer refused what it read.
        private sealed class Session : ITlsSession
        {
            private readonly X509Certificate2 _certificate;
            private readonly ConnectionStream _transport;
            private readonly SslStream _ssl;

            internal Session(IConnection plain, X509Certificate2 certificate)
            {
                _certificate = certificate;
                _transport = new ConnectionStream(plain);
                _ssl = new SslStream(_transport, leaveInnerStreamOpen: true);
            }

            public ReasonCode Authenticate(int timeoutMilliseconds)
            {
                _transport.Begin(timeoutMilliseconds, timeoutMilliseconds);
                try
                {
                    // Server authentication only (the admin account authenticates the client); TLS 1.2 and 1.3 only
                    // (RFC 8996 deprecates 1.0 and 1.1); the certificate is the device's own, so there is no revocation
                    // source to ask.
                    _ssl.AuthenticateAsServer(_certificate, false, SslProtocols.Tls12 | SslProtocols.Tls13, false);
                    return ReasonCode.Accepted;
                }
                catch (Exception)
                {
                    // Not TLS (plain HTTP, garbage), a protocol alert, the peer gone, too slow, or the guard refusing
                    // the handshake's own records. Any exception type (the platform's TLS library may surface its own)
                    // is mapped here to the reason the transport saw, else Malformed.
                    return _transport.TakeFailure(ReasonCode.Malformed);
                }
                finally
                {
                    _transport.EndHandshake();
                }
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
            {
                _transport.Begin(timeoutMilliseconds);
                try
                {
                    int received = _ssl.Read(buffer, offset, count);

                    // 0: a close_notify or the TCP close, the peer is done.
                    reason = received > 0 ? ReasonCode.Accepted : ReasonCode.Closed;
                    return received;
                }
                catch (Exception)
                {
                    // SslStream keeps a partly read record buffered after a timeout, so TimedOut leaves the session
                    // usable; any other failure ends it (the caller closes the connection).
                    reason = _transport.TakeFailure(ReasonCode.Malformed);
                    return 0;
                }
            }

            public Decision Write(byte[] buffer, int offset, int count)
            {
                _transport.Begin(DefaultHandshakeTimeoutMilliseconds);
                try
                {
                    _ssl.Write(buffer, offset, count);
                    _ssl.Flush();
                    return Decision.Accept();
                }
                catch (Exception)
                {
                    // The guard's refusal of a record (with its retry-after) or the transport's failure; any exception
                    // type stays here (IConnection never throws for peer behaviour).
                    return _transport.TakeRefusal(ReasonCode.SocketError);
                }
            }

            public void Release()
            {
                try
                {
                    _ssl.Dispose();
                }
                catch (IOException)
                {
                    // The transport is already closed; nothing more to release.
                }
                catch (ObjectDisposedException)
                {
                    // Already released.
                }
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

                return new IOException("Connection: " + ReasonCodeNames.Name(reason));
            }
        }
    }
}
