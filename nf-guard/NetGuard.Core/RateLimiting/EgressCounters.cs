using NetGuard.Diagnostics;

namespace NetGuard.RateLimiting
{
    /// <summary>
    /// A snapshot of an <see cref="EgressLimiter"/>'s counters, taken by
    /// <see cref="EgressLimiter.GetCounters"/>: per row, how many packets were admitted and how many
    /// were refused for each reason. Rows are the policy's UDP classes in policy order, then
    /// <see cref="EgressDefaults.UpdateCheckName"/>, <see cref="TcpReplyRowName"/> and
    /// <see cref="UnclassifiedRowName"/> (packets refused before any class applied: outbound TCP, ICMP,
    /// raw, or UDP to an undeclared port). Immutable; reading it never fails.
    /// </summary>
    public sealed class EgressCounters
    {
        /// <summary>The row of data sent on accepted inbound TCP connections.</summary>
        public const string TcpReplyRowName = "TcpReply";

        /// <summary>The row of packets that matched no class.</summary>
        public const string UnclassifiedRowName = "Unclassified";

        // Counted outcomes, one column each: Accepted first, then every refusal the limiter can return.
        internal const int SlotCount = 8;

        private readonly string[] _rowNames;
        private readonly long[] _values;

        internal EgressCounters(string[] rowNames, long[] values)
        {
            _rowNames = rowNames;
            _values = values;
        }

        /// <summary>How many rows the snapshot has.</summary>
        public int RowCount
        {
            get { return _rowNames.Length; }
        }

        /// <summary>The name of row <paramref name="row"/>; throws <see cref="System.IndexOutOfRangeException"/> outside 0 to <see cref="RowCount"/> - 1.</summary>
        /// <param name="row">The row.</param>
        /// <returns>A class name, or one of the fixed row names.</returns>
        public string GetRowName(int row)
        {
            return _rowNames[row];
        }

        /// <summary>The row named <paramref name="name"/>, or -1 when there is none. Never fails.</summary>
        /// <param name="name">A class or row name (case-sensitive).</param>
        /// <returns>The row or -1.</returns>
        public int IndexOfRow(string name)
        {
            for (int i = 0; i < _rowNames.Length; i++)
            {
                if (_rowNames[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Packets (or TCP writes) admitted in row <paramref name="row"/>; throws <see cref="System.IndexOutOfRangeException"/> for a bad row.</summary>
        /// <param name="row">The row.</param>
        /// <returns>The count.</returns>
        public long GetAdmitted(int row)
        {
            return _values[Index(row, 0)];
        }

        /// <summary>
        /// Refusals for <paramref name="reason"/> in row <paramref name="row"/>; 0 for a reason the limiter
        /// never returns. Throws <see cref="System.IndexOutOfRangeException"/> for a bad row.
        /// </summary>
        /// <param name="row">The row.</param>
        /// <param name="reason">The refusal reason.</param>
        /// <returns>The count.</returns>
        public long GetRefused(int row, ReasonCode reason)
        {
            int slot = SlotOf(reason);
            return slot <= 0 ? 0 : _values[Index(row, slot)];
        }

        /// <summary>All refusals in row <paramref name="row"/>; throws <see cref="System.IndexOutOfRangeException"/> for a bad row.</summary>
        /// <param name="row">The row.</param>
        /// <returns>The count.</returns>
        public long GetRefused(int row)
        {
            long total = 0;
            for (int slot = 1; slot < SlotCount; slot++)
            {
                total += _values[Index(row, slot)];
            }

            return total;
        }

        /// <summary>Admissions over all rows.</summary>
        public long TotalAdmitted
        {
            get
            {
                long total = 0;
                for (int row = 0; row < _rowNames.Length; row++)
                {
                    total += _values[row * SlotCount];
                }

                return total;
            }
        }

        /// <summary>Refusals over all rows and reasons.</summary>
        public long TotalRefused
        {
            get
            {
                long total = 0;
                for (int row = 0; row < _rowNames.Length; row++)
                {
                    total += GetRefused(row);
                }

                return total;
            }
        }

        /// <summary>Refusals for <paramref name="reason"/> over all rows; 0 for a reason the limiter never returns. Never fails.</summary>
        /// <param name="reason">The refusal reason.</param>
        /// <returns>The count.</returns>
        public long GetTotalRefused(ReasonCode reason)
        {
            int slot = SlotOf(reason);
            if (slot <= 0)
            {
                return 0;
            }

            long total = 0;
            for (int row = 0; row < _rowNames.Length; row++)
            {
                total += _values[(row * SlotCount) + slot];
            }

            return total;
        }

        // The column of a reason; -1 for reasons the limiter never returns.
        internal static int SlotOf(ReasonCode reason)
        {
            switch (reason)
            {
                case ReasonCode.Accepted: return 0;
                case ReasonCode.RateLimited: return 1;
                case ReasonCode.TooLarge: return 2;
                case ReasonCode.DestinationNotAllowed: return 3;
                case ReasonCode.FanOutExceeded: return 4;
                case ReasonCode.NoProtocolClass: return 5;
                case ReasonCode.OutboundTcpForbidden: return 6;
                case ReasonCode.TransportNotAllowed: return 7;
                default: return -1;
            }
        }

        private int Index(int row, int slot)
        {
            if (row < 0 || row >= _rowNames.Length)
            {
                throw new System.IndexOutOfRangeException();
            }

            return (row * SlotCount) + slot;
        }
    }
}
