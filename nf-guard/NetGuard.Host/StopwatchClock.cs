using System;
using System.Diagnostics;

namespace NetGuard.Platform.Host
{
    /// <summary>
    /// The host's monotonic clock: <see cref="Stopwatch"/>, converted to 100 ns ticks. Host build only.
    /// </summary>
    public sealed class StopwatchClock : IMonotonicClock
    {
        private readonly long _origin = Stopwatch.GetTimestamp();

        /// <inheritdoc />
        public long NowTicks
        {
            get
            {
                long elapsed = Stopwatch.GetTimestamp() - _origin;
                return (long)((decimal)elapsed * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            }
        }
    }
}
