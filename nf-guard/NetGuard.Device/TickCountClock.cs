using System;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// The device's monotonic clock: <c>Environment.TickCount64</c> (milliseconds since boot, from
    /// nanoFramework.Runtime.Native), converted to 100 ns ticks. Unlike <c>DateTime.UtcNow</c> it does not
    /// jump when SNTP sets the wall clock. Device build only.
    /// </summary>
    public sealed class TickCountClock : IMonotonicClock
    {
        /// <inheritdoc />
        public long NowTicks
        {
            get { return Environment.TickCount64 * TimeSpan.TicksPerMillisecond; }
        }
    }
}
