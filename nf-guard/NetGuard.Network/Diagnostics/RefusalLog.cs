using System;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// The most recent refusals, in a ring of fixed size allocated once: recording overwrites the oldest
    /// entry and allocates nothing, so a flood of refusals cannot exhaust the heap. Thread-safe.
    /// </summary>
    public sealed class RefusalLog
    {
        /// <summary>The largest ring allowed.</summary>
        public const int MaxCapacity = 1024;

        private readonly object _gate = new object();
        private readonly RefusalEvent[] _ring;
        private int _next;
        private int _count;
        private long _total;

        /// <summary>
        /// Creates an empty log holding the last <paramref name="capacity"/> refusals. Throws
        /// <see cref="ArgumentOutOfRangeException"/> outside 1 to <see cref="MaxCapacity"/>.
        /// </summary>
        /// <param name="capacity">How many refusals to keep.</param>
        public RefusalLog(int capacity)
        {
            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "A refusal log holds 1 to 1024 entries.");
            }

            _ring = new RefusalEvent[capacity];
        }

        /// <summary>How many refusals the ring can hold.</summary>
        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>How many refusals the ring holds now (at most <see cref="Capacity"/>).</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        /// <summary>How many refusals were ever recorded, including those overwritten.</summary>
        public long TotalRecorded
        {
            get
            {
                lock (_gate)
                {
                    return _total;
                }
            }
        }

        /// <summary>Records a refusal, overwriting the oldest when full. Allocates nothing; never fails.</summary>
        /// <param name="refusal">The refusal.</param>
        public void Record(RefusalEvent refusal)
        {
            lock (_gate)
            {
                _ring[_next] = refusal;
                _next++;
                if (_next == _ring.Length)
                {
                    _next = 0;
                }

                if (_count < _ring.Length)
                {
                    _count++;
                }

                _total++;
            }
        }

        /// <summary>
        /// Copies the held refusals, oldest first, into <paramref name="destination"/> (at most its
        /// length, keeping the newest) and returns how many were copied. Throws
        /// <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="destination">Where to copy.</param>
        /// <returns>The number copied.</returns>
        public int CopyTo(RefusalEvent[] destination)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            lock (_gate)
            {
                return CopyUnsynchronized(destination);
            }
        }

        /// <summary>The held refusals, oldest first, in a new array. Never fails.</summary>
        /// <returns>The refusals.</returns>
        public RefusalEvent[] ToArray()
        {
            lock (_gate)
            {
                RefusalEvent[] copy = new RefusalEvent[_count];
                CopyUnsynchronized(copy);
                return copy;
            }
        }

        // Caller holds _gate.
        private int CopyUnsynchronized(RefusalEvent[] destination)
        {
            int copied = _count < destination.Length ? _count : destination.Length;

            // The oldest of the `copied` newest entries sits `copied` places behind _next.
            int index = _next - copied;
            if (index < 0)
            {
                index += _ring.Length;
            }

            for (int i = 0; i < copied; i++)
            {
                destination[i] = _ring[index];
                index++;
                if (index == _ring.Length)
                {
                    index = 0;
                }
            }

            return copied;
        }
    }
}
