using System;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Refusal counters of the network guard: one per reason code and one per source (an egress class
    /// such as "DNS", or a listener such as "tcp/80"). Sources are fixed at construction and every
    /// array is allocated then, so counting allocates nothing. 64-bit counters under a lock
    /// (nanoFramework's Interlocked is int only). Thread-safe.
    /// </summary>
    public sealed class GuardCounters
    {
        // Every ReasonCode value is below 0x80 (ReasonCodeTableTests checks it): one slot each, 1 KB of counters.
        private const int ReasonSlots = 0x80;

        private readonly object _gate = new object();
        private readonly string[] _sources;
        private readonly long[] _bySource;
        private readonly long[] _byReason = new long[ReasonSlots];
        private long _total;

        /// <summary>
        /// Creates zeroed counters for the given sources. Throws <see cref="ArgumentNullException"/> for a
        /// null array or name.
        /// </summary>
        /// <param name="sourceNames">The source names; copied.</param>
        public GuardCounters(string[] sourceNames)
        {
            ArgumentNullException.ThrowIfNull(sourceNames, nameof(sourceNames));

            string[] copy = new string[sourceNames.Length];
            for (int i = 0; i < sourceNames.Length; i++)
            {
                if (sourceNames[i] == null)
                {
                    throw new ArgumentNullException(nameof(sourceNames));
                }

                copy[i] = sourceNames[i];
            }

            _sources = copy;
            _bySource = new long[copy.Length];
        }

        /// <summary>How many sources are counted.</summary>
        public int SourceCount
        {
            get { return _sources.Length; }
        }

        /// <summary>The name of source <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0 to <see cref="SourceCount"/> - 1.</summary>
        /// <param name="index">The source.</param>
        /// <returns>Its name.</returns>
        public string GetSourceName(int index)
        {
            return _sources[index];
        }

        /// <summary>The index of the source named <paramref name="name"/>, or -1. Never fails.</summary>
        /// <param name="name">A source name (case-sensitive).</param>
        /// <returns>The index or -1.</returns>
        public int IndexOfSource(string name)
        {
            for (int i = 0; i < _sources.Length; i++)
            {
                if (_sources[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Counts one refusal for <paramref name="reason"/> and, when <paramref name="sourceIndex"/> is a
        /// valid source, for that source. Allocates nothing; never fails.
        /// </summary>
        /// <param name="reason">Why.</param>
        /// <param name="sourceIndex">The source, or -1 for none.</param>
        public void Count(ReasonCode reason, int sourceIndex)
        {
            int slot = (int)reason;
            lock (_gate)
            {
                if (slot >= 0 && slot < ReasonSlots)
                {
                    _byReason[slot]++;
                }

                if (sourceIndex >= 0 && sourceIndex < _bySource.Length)
                {
                    _bySource[sourceIndex]++;
                }

                _total++;
            }
        }

        /// <summary>Refusals counted for <paramref name="reason"/>. Never fails.</summary>
        /// <param name="reason">The reason.</param>
        /// <returns>The count.</returns>
        public long GetByReason(ReasonCode reason)
        {
            int slot = (int)reason;
            if (slot < 0 || slot >= ReasonSlots)
            {
                return 0;
            }

            lock (_gate)
            {
                return _byReason[slot];
            }
        }

        /// <summary>Refusals counted for the source named <paramref name="name"/>; 0 for an unknown name.</summary>
        /// <param name="name">A source name.</param>
        /// <returns>The count.</returns>
        public long GetBySource(string name)
        {
            int index = IndexOfSource(name);
            if (index < 0)
            {
                return 0;
            }

            lock (_gate)
            {
                return _bySource[index];
            }
        }

        /// <summary>All refusals counted.</summary>
        public long Total
        {
            get
            {
                lock (_gate)
                {
                    return _total;
                }
            }
        }

        // Appends "refusals", "reason.<Name>" for each reason counted at least once and "source.<name>"
        // for every source to names/values from position `start`; returns the next position. The arrays
        // must have room for 1 + ReasonSlots + SourceCount entries.
        internal int AppendTo(string[] names, long[] values, int start)
        {
            int at = start;
            lock (_gate)
            {
                names[at] = "refusals";
                values[at] = _total;
                at++;
                for (int slot = 0; slot < ReasonSlots; slot++)
                {
                    if (_byReason[slot] != 0)
                    {
                        names[at] = "reason." + ReasonCodeNames.Name((ReasonCode)slot);
                        values[at] = _byReason[slot];
                        at++;
                    }
                }

                for (int i = 0; i < _sources.Length; i++)
                {
                    names[at] = "source." + _sources[i];
                    values[at] = _bySource[i];
                    at++;
                }
            }

            return at;
        }

        // The most entries AppendTo can write.
        internal int MaxEntries
        {
            get { return 1 + ReasonSlots + _sources.Length; }
        }
    }
}
