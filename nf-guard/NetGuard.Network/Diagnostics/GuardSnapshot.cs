using System;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// A consistent copy of the network guard's counters and recent refusals, for the admin API
    /// (<c>GET /api/guard</c>) to serialise however it likes: counters as parallel arrays of names and
    /// values (e.g. "refusals", "reason.RateLimited", "source.DNS", "admitted.TcpReply", "sockets.open"),
    /// refusals oldest first. Immutable.
    /// </summary>
    public sealed class GuardSnapshot
    {
        private readonly string[] _names;
        private readonly long[] _values;
        private readonly RefusalEvent[] _recent;

        internal GuardSnapshot(string[] names, long[] values, int count, RefusalEvent[] recent)
        {
            _names = new string[count];
            _values = new long[count];
            Array.Copy(names, _names, count);
            Array.Copy(values, _values, count);
            _recent = recent;
        }

        /// <summary>How many counters the snapshot holds.</summary>
        public int CounterCount
        {
            get { return _names.Length; }
        }

        /// <summary>The name of counter <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="CounterCount"/> - 1.</summary>
        /// <param name="index">The counter.</param>
        /// <returns>Its name.</returns>
        public string GetCounterName(int index)
        {
            return _names[index];
        }

        /// <summary>The value of counter <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="CounterCount"/> - 1.</summary>
        /// <param name="index">The counter.</param>
        /// <returns>Its value.</returns>
        public long GetCounterValue(int index)
        {
            return _values[index];
        }

        /// <summary>The value of the counter named <paramref name="name"/>, or 0 when there is none. Never fails.</summary>
        /// <param name="name">A counter name.</param>
        /// <returns>The value.</returns>
        public long GetCounter(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    return _values[i];
                }
            }

            return 0;
        }

        /// <summary>The counter names in a new array, parallel to <see cref="GetCounterValues"/>. Never fails.</summary>
        /// <returns>The names.</returns>
        public string[] GetCounterNames()
        {
            string[] copy = new string[_names.Length];
            Array.Copy(_names, copy, _names.Length);
            return copy;
        }

        /// <summary>The counter values in a new array, parallel to <see cref="GetCounterNames"/>. Never fails.</summary>
        /// <returns>The values.</returns>
        public long[] GetCounterValues()
        {
            long[] copy = new long[_values.Length];
            Array.Copy(_values, copy, _values.Length);
            return copy;
        }

        /// <summary>The recent refusals, oldest first, in a new array. Never fails.</summary>
        /// <returns>The refusals.</returns>
        public RefusalEvent[] GetRecentRefusals()
        {
            RefusalEvent[] copy = new RefusalEvent[_recent.Length];
            Array.Copy(_recent, copy, _recent.Length);
            return copy;
        }

        /// <summary>How many recent refusals the snapshot holds.</summary>
        public int RecentCount
        {
            get { return _recent.Length; }
        }

        /// <summary>Recent refusal <paramref name="index"/>, 0 being the oldest; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="RecentCount"/> - 1.</summary>
        /// <param name="index">The position.</param>
        /// <returns>The refusal.</returns>
        public RefusalEvent GetRecent(int index)
        {
            return _recent[index];
        }
    }
}
