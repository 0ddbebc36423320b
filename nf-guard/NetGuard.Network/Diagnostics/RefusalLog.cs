using System;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// The most recent refusals, in a ring of fixed size allocated once. Recording overwrites the oldest entry and
    /// allocates nothing (each field has its own array of values), so a flood of refusals cannot exhaust the heap;
    /// <see cref="RefusalEvent"/> objects are made only when the log is read. Thread-safe.
    /// </summary>
    public sealed class RefusalLog
    {
        /// <summary>The largest ring allowed.</summary>
        public const int MaxCapacity = 1024;

        private readonly object _gate = new object();
        private readonly long[] _times;
        private readonly ReasonCode[] _reasons;
        private readonly string[] _sources;
        private readonly int[] _localPorts;
        private readonly uint[] _remoteAddresses;
        private readonly int[] _remotePorts;
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

            _times = new long[capacity];
            _reasons = new ReasonCode[capacity];
            _sources = new string[capacity];
            _localPorts = new int[capacity];
            _remoteAddresses = new uint[capacity];
            _remotePorts = new int[capacity];
        }

        /// <summary>How many refusals the ring holds at most.</summary>
        public int Capacity
        {
            get { return _times.Length; }
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

        /// <summary>How many refusals were ever recorded, including those the ring has overwritten.</summary>
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
        /// <param name="timeTicks">When, on the guard's monotonic clock, in 100 ns ticks.</param>
        /// <param name="reason">Why.</param>
        /// <param name="source">The protocol class or listener it concerned (a name that already exists).</param>
        /// <param name="localPort">The local port, or 0.</param>
        /// <param name="remoteAddress">The remote IPv4 address in host order, or 0.</param>
        /// <param name="remotePort">The remote port, or 0.</param>
        public void Record(long timeTicks, ReasonCode reason, string source, int localPort, uint remoteAddress, int remotePort)
        {
            lock (_gate)
            {
                int at = _next;
                _times[at] = timeTicks;
                _reasons[at] = reason;
                _sources[at] = source;
                _localPorts[at] = localPort;
                _remoteAddresses[at] = remoteAddress;
                _remotePorts[at] = remotePort;
                _next = at + 1 == _times.Length ? 0 : at + 1;
                if (_count < _times.Length)
                {
                    _count++;
                }

                _total++;
            }
        }

        /// <summary>Records <paramref name="refusal"/>; throws <see cref="ArgumentNullException"/> for null.</summary>
        /// <param name="refusal">The refusal.</param>
        public void Record(RefusalEvent refusal)
        {
            ArgumentNullException.ThrowIfNull(refusal, nameof(refusal));

            Record(refusal.TimeTicks, refusal.Reason, refusal.Source, refusal.LocalPort, refusal.RemoteAddress, refusal.RemotePort);
        }

        /// <summary>
        /// Copies the newest refusals, oldest first, into <paramref name="destination"/> (as many as fit) and returns
        /// how many it wrote. Allocates one <see cref="RefusalEvent"/> per entry. Throws <see cref="ArgumentNullException"/> for null.
        /// </summary>
        /// <param name="destination">Receives the refusals.</param>
        /// <returns>The number written.</returns>
        public int CopyTo(RefusalEvent[] destination)
        {
            ArgumentNullException.ThrowIfNull(destination, nameof(destination));

            lock (_gate)
            {
                return CopyUnsynchronized(destination);
            }
        }

        /// <summary>The refusals held, oldest first, in a new array.</summary>
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

        /// <summary>The newest refusal, if any has been recorded.</summary>
        /// <param name="refusal">The newest refusal, or null.</param>
        /// <returns>True when the log holds one.</returns>
        public bool TryGetNewest(out RefusalEvent refusal)
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    refusal = null;
                    return false;
                }

                refusal = At(_next == 0 ? _times.Length - 1 : _next - 1);
                return true;
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
                index += _times.Length;
            }

            for (int i = 0; i < copied; i++)
            {
                destination[i] = At(index);
                index = index + 1 == _times.Length ? 0 : index + 1;
            }

            return copied;
        }

        // Caller holds _gate.
        private RefusalEvent At(int index)
        {
            return new RefusalEvent(_times[index], _reasons[index], _sources[index], _localPorts[index], _remoteAddresses[index], _remotePorts[index]);
        }
    }
}
