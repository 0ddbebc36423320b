using System;
using NetGuard.Network;
using NetGuard.RateLimiting;

namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Turns the guard's refusals into at most one log line per interval, for a thread that polls it (the device's
    /// tick), never the refused caller's: a scan or a flood costs the guard a counter and a ring slot per packet and
    /// the log one line. The line gives the number of refusals since the last one and the newest refusal. Poll
    /// from one thread.
    /// </summary>
    public sealed class RefusalSummary
    {
        private readonly NetworkGuard _guard;
        private readonly long _intervalTicks;
        private long _reported;
        private long _lastLineTicks;
        private bool _anyLine;

        /// <summary>
        /// Creates a summary of <paramref name="guard"/>'s refusals with at most one line per
        /// <paramref name="intervalTicks"/>. Throws <see cref="ArgumentNullException"/> for a null guard and
        /// <see cref="ArgumentOutOfRangeException"/> for an interval below one tick.
        /// </summary>
        /// <param name="guard">The guard.</param>
        /// <param name="intervalTicks">Least time between two lines, in 100 ns ticks.</param>
        public RefusalSummary(NetworkGuard guard, long intervalTicks)
        {
            ArgumentNullException.ThrowIfNull(guard, nameof(guard));

            if (intervalTicks < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(intervalTicks), "The interval is at least one tick.");
            }

            _guard = guard;
            _intervalTicks = intervalTicks;
        }

        /// <summary>
        /// The line to log now, when refusals happened since the last line and the interval has passed since it;
        /// otherwise false. The first refusal is reported at the first poll after it.
        /// </summary>
        /// <param name="nowTicks">The current monotonic time in 100 ns ticks.</param>
        /// <param name="line">The line, or null.</param>
        /// <returns>True when there is a line.</returns>
        public bool TryTake(long nowTicks, out string line)
        {
            line = null;
            if (_anyLine && nowTicks - _lastLineTicks < _intervalTicks)
            {
                return false;
            }

            RefusalLog log = _guard.RecentRefusals;
            long total = log.TotalRecorded;
            RefusalEvent newest;
            if (total == _reported || !log.TryGetNewest(out newest))
            {
                return false;
            }

            line = "guard: " + (total - _reported).ToString() + (total - _reported == 1 ? " refusal" : " refusals")
                + (_anyLine ? " in the last " + ((nowTicks - _lastLineTicks) / TimeSpan.TicksPerSecond).ToString() + " s" : string.Empty)
                + "; newest: " + ReasonCodeNames.Name(newest.Reason) + " " + newest.Source
                + (newest.RemoteAddress != 0 ? " " + Ipv4.ToString(newest.RemoteAddress) + ":" + newest.RemotePort.ToString() : string.Empty);
            _reported = total;
            _lastLineTicks = nowTicks;
            _anyLine = true;
            return true;
        }
    }
}
