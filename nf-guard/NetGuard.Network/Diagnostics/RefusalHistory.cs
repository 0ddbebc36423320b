using System;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Refusals per minute over the last hour, for the admin page's chart: a fixed ring of 60 counters keyed by the
    /// monotonic clock's minute, cleared as minutes pass. Recording costs one increment; nothing is allocated after
    /// construction. Thread-safe.
    /// </summary>
    public sealed class RefusalHistory
    {
        /// <summary>How many minutes the history covers (the current one included).</summary>
        public const int Minutes = 60;

        private const long TicksPerMinute = 60 * TimeSpan.TicksPerSecond;

        private readonly object _gate = new object();
        private readonly int[] _counts = new int[Minutes];
        private long _newestMinute = long.MinValue;

        /// <summary>Counts one refusal in the minute of <paramref name="nowTicks"/>.</summary>
        /// <param name="nowTicks">The monotonic time.</param>
        public void Record(long nowTicks)
        {
            lock (_gate)
            {
                long minute = Advance(nowTicks);
                int slot = Slot(minute);
                if (_counts[slot] < int.MaxValue)
                {
                    _counts[slot]++;
                }
            }
        }

        /// <summary>
        /// Copies the counts of the last <see cref="Minutes"/> minutes into <paramref name="destination"/>, oldest first:
        /// the last element is the current minute. Throws <see cref="ArgumentException"/> when the array is shorter.
        /// </summary>
        /// <param name="nowTicks">The monotonic time.</param>
        /// <param name="destination">At least <see cref="Minutes"/> elements.</param>
        public void CopyTo(long nowTicks, int[] destination)
        {
            ArgumentNullException.ThrowIfNull(destination, nameof(destination));

            if (destination.Length < Minutes)
            {
                throw new ArgumentException("Needs room for every minute.", nameof(destination));
            }

            lock (_gate)
            {
                long minute = Advance(nowTicks);
                for (int i = 0; i < Minutes; i++)
                {
                    destination[i] = _counts[Slot(minute - (Minutes - 1) + i)];
                }
            }
        }

        // Clears the slots of the minutes that passed since the newest one recorded; returns the current minute.
        private long Advance(long nowTicks)
        {
            long minute = nowTicks / TicksPerMinute;
            if (_newestMinute == long.MinValue || minute - _newestMinute >= Minutes)
            {
                Array.Clear(_counts, 0, Minutes);
            }
            else
            {
                for (long m = _newestMinute + 1; m <= minute; m++)
                {
                    _counts[Slot(m)] = 0;
                }
            }

            if (minute > _newestMinute || _newestMinute == long.MinValue)
            {
                _newestMinute = minute;
            }

            return _newestMinute;
        }

        private static int Slot(long minute)
        {
            long slot = minute % Minutes;
            return (int)(slot < 0 ? slot + Minutes : slot);
        }
    }
}
