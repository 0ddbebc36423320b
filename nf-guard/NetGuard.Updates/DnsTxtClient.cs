using System;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;

namespace NetGuard.Updates
{
    /// <summary>
    /// A minimal DNS client for TXT lookups over a guarded UDP channel to one configured resolver (UDP, never TCP:
    /// a truncated answer is dropped, not retried over TCP). Each query carries a fresh random transaction id. Answers
    /// from another address or port, with another id, or that fail <see cref="DnsTxtMessage.TryParseTxtResponse"/> are
    /// dropped and counted, and the client keeps waiting for the genuine one until the timeout. Not thread-safe.
    /// </summary>
    public sealed class DnsTxtClient
    {
        /// <summary>Most datagrams examined per query before giving up.</summary>
        public const int MaxDatagramsPerQuery = 8;

        private readonly IDatagramChannel _channel;
        private readonly IEntropySource _entropy;
        private readonly IMonotonicClock _clock;
        private readonly uint _resolverAddress;
        private readonly int _resolverPort;
        private readonly int _timeoutMilliseconds;
        private readonly byte[] _buffer = new byte[DnsTxtMessage.MaxMessageSize + 1];
        private readonly byte[] _id = new byte[2];

        /// <summary>Creates the client. Throws for null dependencies, a port outside 1..65535 or a timeout below 1 ms.</summary>
        /// <param name="channel">The guarded UDP channel.</param>
        /// <param name="entropy">Source of transaction ids.</param>
        /// <param name="clock">Monotonic clock for the timeout.</param>
        /// <param name="resolverAddress">The resolver's IPv4 address, host order.</param>
        /// <param name="resolverPort">The resolver's UDP port (53).</param>
        /// <param name="timeoutMilliseconds">How long to wait for the answer, in milliseconds.</param>
        public DnsTxtClient(IDatagramChannel channel, IEntropySource entropy, IMonotonicClock clock, uint resolverAddress, int resolverPort, int timeoutMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(channel, nameof(channel));
            ArgumentNullException.ThrowIfNull(entropy, nameof(entropy));
            ArgumentNullException.ThrowIfNull(clock, nameof(clock));

            PortNumber.Check(resolverPort, nameof(resolverPort));

            if (timeoutMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMilliseconds));
            }

            _channel = channel;
            _entropy = entropy;
            _clock = clock;
            _resolverAddress = resolverAddress;
            _resolverPort = resolverPort;
            _timeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>Queries sent.</summary>
        public int QueriesSent { get; private set; }

        /// <summary>Datagrams dropped (wrong source, wrong id, malformed, truncated, oversized).</summary>
        public int ResponsesDropped { get; private set; }

        /// <summary>Why the last datagram was dropped; Accepted when none was.</summary>
        public ReasonCode LastDropReason { get; private set; }

        /// <summary>
        /// Looks up the TXT values of <paramref name="name"/>. Refusals: the channel's reason when the query could not
        /// be sent (RateLimited, ...), NotFound (an error RCODE or no TXT), TimedOut (no acceptable answer in time),
        /// Closed/SocketError; when datagrams arrived but all were dropped,
        /// the reason the last one was dropped (Malformed, Truncated, TooLarge, DestinationNotAllowed for a wrong source).
        /// </summary>
        /// <param name="name">A valid DNS name (<see cref="DnsTxtMessage.IsValidName"/>).</param>
        /// <param name="values">Up to 4 TXT values, or null.</param>
        /// <param name="reason">Accepted, or why no values came back.</param>
        /// <returns>True when <paramref name="values"/> holds at least one value.</returns>
        public bool TryQuery(string name, out string[] values, out ReasonCode reason)
        {
            values = null;
            _entropy.GetBytes(_id, 0, 2);
            int id = (_id[0] << 8) | _id[1];
            int length = DnsTxtMessage.BuildQuery(id, name, _buffer, 0);
            Decision sent = _channel.SendTo(_buffer, 0, length, _resolverAddress, _resolverPort);
            if (!sent.IsAccepted)
            {
                reason = sent.Reason;
                return false;
            }

            QueriesSent++;
            long deadline = _clock.NowTicks + (_timeoutMilliseconds * TimeSpan.TicksPerMillisecond);
            reason = ReasonCode.TimedOut;
            for (int attempt = 0; attempt < MaxDatagramsPerQuery; attempt++)
            {
                long left = deadline - _clock.NowTicks;
                int waitMilliseconds = (int)(left / TimeSpan.TicksPerMillisecond);
                if (waitMilliseconds <= 0)
                {
                    return false;
                }

                uint address;
                int port;
                ReasonCode received;
                int count = _channel.ReceiveFrom(_buffer, 0, _buffer.Length, waitMilliseconds, out address, out port, out received);
                if (received == ReasonCode.TimedOut)
                {
                    // Nothing acceptable arrived: report why the last datagram was dropped, if one was.
                    return false;
                }

                if (received == ReasonCode.Closed || received == ReasonCode.SocketError)
                {
                    reason = received;
                    return false;
                }

                if (received != ReasonCode.Accepted)
                {
                    reason = Drop(received);
                    continue;
                }

                if (address != _resolverAddress || port != _resolverPort)
                {
                    reason = Drop(ReasonCode.DestinationNotAllowed);
                    continue;
                }

                if (count > DnsTxtMessage.MaxMessageSize)
                {
                    reason = Drop(ReasonCode.TooLarge);
                    continue;
                }

                if (DnsTxtMessage.ReadTransactionId(_buffer, 0, count) != id)
                {
                    reason = Drop(ReasonCode.Malformed);
                    continue;
                }

                ReasonCode parsed;
                if (DnsTxtMessage.TryParseTxtResponse(_buffer, 0, count, id, name, out values, out parsed))
                {
                    reason = ReasonCode.Accepted;
                    return true;
                }

                if (parsed == ReasonCode.NotFound)
                {
                    reason = parsed;
                    return false;
                }

                reason = Drop(parsed);
            }

            return false;
        }

        private ReasonCode Drop(ReasonCode reason)
        {
            ResponsesDropped++;
            LastDropReason = reason;
            return reason;
        }
    }
}
