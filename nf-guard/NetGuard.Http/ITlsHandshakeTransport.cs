using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    // What TlsFirstRecord needs from an accepted socket before a native TLS handshake: look at what has arrived without
    // consuming it, and wait without holding the runtime. Device: the nanoFramework Socket (Available, Receive with
    // SocketFlags.Peek, Poll, Thread.Sleep). Internal.
    internal interface ITlsHandshakeTransport
    {
        // Bytes received and not yet read (0 or more); -1 with the reason when the socket failed.
        int Available(out ReasonCode reason);

        // Copies up to count received bytes into buffer without consuming them; -1 with the reason on failure.
        int Peek(byte[] buffer, int count, out ReasonCode reason);

        // Waits at most milliseconds for the socket to become readable (data, or the peer's close). False with
        // TimedOut when nothing happened, false with another reason when the socket failed.
        bool WaitReadable(int milliseconds, out ReasonCode reason);

        // Waits milliseconds (part of a record has arrived and more is due).
        void Pause(int milliseconds);
    }
}
