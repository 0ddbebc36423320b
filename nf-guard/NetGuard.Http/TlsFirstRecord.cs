using NetGuard.Diagnostics;
using NetGuard.Platform;

namespace NetGuard.Http
{
    // Checks the first TLS record of a connection before a handshake that the managed code cannot interrupt.
    // nanoFramework's server handshake (SslNative.SecureAccept) switches the socket to blocking mode and runs mbedTLS
    // until the handshake ends, with no managed timeout; waiting for the client there holds the native thread and
    // roughly 25 KB of native heap. So the device first waits here, in managed code, until the whole first record has
    // arrived, and looks at its header (RFC 8446 5.1, RFC 5246 6.2.1): a handshake record (type 22), record-layer
    // version 3.x, a length of 1 to 2^14. A silent client times out, plain HTTP or garbage is Malformed, a client that
    // leaves is Closed, all without entering native TLS. What the peer does after its first record is outside this
    // check (see docs/threat-model.md, "HTTPS on the device").
    internal static class TlsFirstRecord
    {
        public const int HeaderLength = 5;
        public const int HandshakeContentType = 22;
        public const int MaxRecordLength = 16384;

        // The longest pause while part of the record has arrived (the transport cannot wait for "more").
        public const int PauseMilliseconds = 20;

        private const long TicksPerMillisecond = 10000;

        // Accepted with the record's length when header[0..5) is the header of a plausible first handshake record;
        // Malformed otherwise (the caller has HeaderLength bytes).
        public static ReasonCode CheckHeader(byte[] header, out int recordLength)
        {
            recordLength = (header[3] << 8) | header[4];
            if (header[0] != HandshakeContentType || header[1] != 3 || header[2] > 4)
            {
                return ReasonCode.Malformed;
            }

            if (recordLength < 1 || recordLength > MaxRecordLength)
            {
                return ReasonCode.Malformed;
            }

            return ReasonCode.Accepted;
        }

        // Waits until the whole first record is buffered, at most until deadlineTicks on clock. Accepted, or TimedOut,
        // Malformed, Closed, or the transport's failure.
        public static ReasonCode Wait(ITlsHandshakeTransport transport, IMonotonicClock clock, long deadlineTicks)
        {
            byte[] header = new byte[HeaderLength];
            int needed = 0;
            while (true)
            {
                ReasonCode reason;
                int available = transport.Available(out reason);
                if (available < 0)
                {
                    return reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                }

                if (needed == 0 && available >= HeaderLength)
                {
                    int peeked = transport.Peek(header, HeaderLength, out reason);
                    if (peeked < 0)
                    {
                        return reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                    }

                    if (peeked >= HeaderLength)
                    {
                        int length;
                        ReasonCode check = CheckHeader(header, out length);
                        if (check != ReasonCode.Accepted)
                        {
                            return check;
                        }

                        needed = HeaderLength + length;
                    }
                }

                if (needed != 0 && available >= needed)
                {
                    return ReasonCode.Accepted;
                }

                long left = (deadlineTicks - clock.NowTicks) / TicksPerMillisecond;
                if (left < 1)
                {
                    return ReasonCode.TimedOut;
                }

                int wait = left > int.MaxValue ? int.MaxValue : (int)left;
                if (available > 0)
                {
                    // Part of the record is here; the socket stays readable, so waiting for "readable" would spin.
                    transport.Pause(wait < PauseMilliseconds ? wait : PauseMilliseconds);
                    continue;
                }

                if (!transport.WaitReadable(wait, out reason))
                {
                    return reason == ReasonCode.Accepted ? ReasonCode.SocketError : reason;
                }

                if (transport.Available(out reason) == 0)
                {
                    // Readable with nothing to read: the peer closed before sending anything.
                    return ReasonCode.Closed;
                }
            }
        }
    }
}
