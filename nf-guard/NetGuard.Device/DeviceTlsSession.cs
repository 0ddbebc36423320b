using System;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    // One server-side TLS session on the device: nanoFramework's SslStream over the socket a guarded listener accepted
    // (the guarded connection keeps owning it). The records are read and written by the native mbedTLS port, past the
    // managed egress limiter; TlsServerConnection charges the plaintext of every write to the connection's reply budgets
    // first. Device build only (what has run where: README, "What is verified here").
    internal sealed class DeviceTlsSession : ITlsSession, ITlsHandshakeTransport, IMonotonicClock
    {
        // How long one write may wait for the socket to take its records.
        private const int WriteTimeoutMilliseconds = 5000;

        private readonly Socket _socket;
        private readonly GuardedConnection _connection;
        private readonly X509Certificate2 _certificate;
        private SslStream _stream;

        public DeviceTlsSession(Socket socket, GuardedConnection connection, X509Certificate2 certificate)
        {
            _socket = socket;
            _connection = connection;
            _certificate = certificate;
        }

        public long NowTicks
        {
            get { return _connection.NowTicks; }
        }

        public ReasonCode Authenticate(int timeoutMilliseconds)
        {
            // 1. In managed code, where waiting costs no native memory and holds nothing: the whole ClientHello record
            //    must arrive within the timeout, and must look like one (TlsFirstRecord).
            long deadline = NowTicks + (long)timeoutMilliseconds * 10000;
            ReasonCode first = TlsFirstRecord.Wait(this, this, deadline);
            if (first != ReasonCode.Accepted)
            {
                return first;
            }

            // 2. Bound the native handshake. SslNative.SecureAccept waits with no timeout of its own and blocks the
            //    interpreter while it runs, so a client that sent a valid ClientHello and then stalls would freeze
            //    every managed thread. SetSocketOption reaches the native setsockopt (SO_RCVTIMEO, SO_SNDTIMEO; the
            //    ReceiveTimeout property only stores a managed value), so lwIP's blocking receive and send inside the
            //    handshake give up when the handshake time is spent, and mbedTLS ends the handshake with an error. If the
            //    port refuses the options, no handshake runs: an unbounded one is never started. The timeouts stay on
            //    the socket afterwards and bound a native read or write that stalls mid-record the same way. Whether
            //    lwIP on a given firmware honours them is unverified (docs/threat-model.md, "HTTPS on the device").
            long left = (deadline - NowTicks) / 10000;
            if (left < 1)
            {
                return ReasonCode.TimedOut;
            }

            int bound = left > int.MaxValue ? int.MaxValue : (int)left;
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, bound);
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, bound);
            }
            catch (SocketException)
            {
                // The port cannot bound the native handshake: refuse this connection rather than risk the freeze.
                return ReasonCode.SocketError;
            }
            catch (ObjectDisposedException)
            {
                return ReasonCode.Closed;
            }

            // 3. The native handshake. TLS 1.2 only: asking for 1.3 as well fails every handshake on a firmware whose
            //    mbedTLS lacks 1.3 (mbedTLS refuses a 1.2-1.3 range without both). clientCertificateRequired false:
            //    the overload without it leaves SslVerification at CertificateRequired, which on a server demands a
            //    client certificate that browsers do not send; the admin account authenticates the owner instead.
            try
            {
                _stream = new SslStream(_socket);
                _stream.AuthenticateAsServer(_certificate, false, SslProtocols.Tls12);

                // SslStream.Write waits natively for at most the socket's managed SendTimeout, set once here.
                _socket.SendTimeout = WriteTimeoutMilliseconds;
                return ReasonCode.Accepted;
            }
            catch (SocketException e)
            {
                // SslNative reports TLS failures (bad ClientHello, alert, no shared cipher, the receive timeout above)
                // as SocketException with the mbedTLS or socket error as its code; socket conditions keep their own codes.
                return HandshakeReason(SocketAddresses.TransferReason(e));
            }
            catch (ObjectDisposedException)
            {
                // The connection was closed from another thread (server stop, eviction).
                return ReasonCode.Closed;
            }
            catch (InvalidOperationException)
            {
                // A local limit, not the peer's doing: every native TLS context slot is in use.
                return ReasonCode.ConnectionLimit;
            }
            catch (OutOfMemoryException)
            {
                // A local limit: the native heap cannot hold another TLS session (lower MaxAdminConnections).
                return ReasonCode.ConnectionLimit;
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason)
        {
            try
            {
                // SslStream.Read waits natively for at most the socket's ReceiveTimeout (a managed value it passes on).
                _socket.ReceiveTimeout = timeoutMilliseconds;
                int received = _stream.Read(buffer, offset, count);
                reason = received > 0 ? ReasonCode.Accepted : ReasonCode.Closed;
                return received;
            }
            catch (SocketException e)
            {
                reason = SocketAddresses.TransferReason(e);
                return 0;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return 0;
            }
        }

        public Decision Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _stream.Write(buffer, offset, count);
                return Decision.Accept();
            }
            catch (SocketException e)
            {
                return Decision.Refuse(SocketAddresses.TransferReason(e));
            }
            catch (ObjectDisposedException)
            {
                return Decision.Refuse(ReasonCode.Closed);
            }
        }

        public void Release()
        {
            SslStream stream = _stream;
            _stream = null;
            if (stream == null)
            {
                return;
            }

            try
            {
                // Sends close_notify, closes the socket natively and frees the native TLS context (roughly 25 KB).
                stream.Dispose();
            }
            catch (SocketException)
            {
                // The socket was already gone natively; the context is freed by Dispose before this can surface.
            }
            catch (ObjectDisposedException)
            {
                // Already released.
            }
        }

        public int Available(out ReasonCode reason)
        {
            try
            {
                reason = ReasonCode.Accepted;
                return _socket.Available;
            }
            catch (SocketException e)
            {
                reason = SocketAddresses.TransferReason(e);
                return -1;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return -1;
            }
        }

        public int Peek(byte[] buffer, int count, out ReasonCode reason)
        {
            try
            {
                reason = ReasonCode.Accepted;
                return _socket.Receive(buffer, 0, count, SocketFlags.Peek);
            }
            catch (SocketException e)
            {
                reason = SocketAddresses.TransferReason(e);
                return -1;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return -1;
            }
        }

        public bool WaitReadable(int milliseconds, out ReasonCode reason)
        {
            try
            {
                if (_socket.Poll(SocketAddresses.Microseconds(milliseconds), SelectMode.SelectRead))
                {
                    reason = ReasonCode.Accepted;
                    return true;
                }

                reason = ReasonCode.TimedOut;
                return false;
            }
            catch (SocketException e)
            {
                reason = SocketAddresses.TransferReason(e);
                return false;
            }
            catch (ObjectDisposedException)
            {
                reason = ReasonCode.Closed;
                return false;
            }
        }

        public void Pause(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        // A handshake that failed for a reason the socket layer does not name failed on what the peer sent.
        private static ReasonCode HandshakeReason(ReasonCode socketReason)
        {
            return socketReason == ReasonCode.SocketError ? ReasonCode.Malformed : socketReason;
        }
    }
}
