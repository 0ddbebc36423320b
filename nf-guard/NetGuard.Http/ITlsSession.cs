using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    // The TLS engine behind TlsServerConnection: one server-side session over one accepted connection. Host: .NET's
    // SslStream over the guarded IConnection (NetGuard.Host/TlsConnectionSource). Device: nanoFramework's SslStream over
    // the accepted socket (NetGuard.Device/DeviceTlsConnectionSource). TlsServerConnection makes at most one call at a
    // time and calls Release exactly once, when no other call is in progress. Internal: a public seam here would let
    // firmware plug its own transport under a guarded connection.
    internal interface ITlsSession
    {
        // Runs the server handshake, taking at most about timeoutMilliseconds as far as the engine can bound it.
        // Returns Accepted, or why not: Malformed (not TLS, a bad record, an alert), TimedOut, Closed (the peer left),
        // ConnectionReset, SocketError, or the guard's refusal of a handshake record. May throw for what a peer did; the
        // caller treats any exception as Malformed.
        ReasonCode Authenticate(int timeoutMilliseconds);

        // Reads decrypted bytes, waiting at most timeoutMilliseconds: more than 0 with Accepted; or 0 with Closed
        // (close_notify or the TCP close), TimedOut (the session stays usable) or another reason (the session is over).
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds, out ReasonCode reason);

        // Encrypts and sends all count bytes (more than 0): Accepted, or the refusal (the guard's decision with its
        // retry-after where the records pass the guard, or the transport's reason). After a refusal the session is over.
        Decision Write(byte[] buffer, int offset, int count);

        // Releases the session (buffers, the native context). Never throws.
        void Release();
    }
}
