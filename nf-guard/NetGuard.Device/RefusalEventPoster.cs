using System;
using nanoFramework.Runtime.Events;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Posts a <see cref="NetworkGuard"/>'s refusals as nanoFramework custom events, so other firmware components can
    /// react through <c>EventSink</c> / <c>CustomEvent.CustomEventPosted</c>: category <c>EventCategory.Custom</c> (10),
    /// the sub-category given here, data1 = the newest refusal's reason code value, data2 = how many refusals happened
    /// since the previous event (at most uint.MaxValue). One event per <see cref="Poll"/> at most, from the thread that
    /// polls (add <see cref="Poll"/> as a tick handler), so a flood of refusals is one event per tick, not one per packet.
    /// </summary>
    public sealed class RefusalEventPoster
    {
        /// <summary>The default sub-category of NetGuard refusal events (0x4E, 'N').</summary>
        public const byte DefaultSubCategory = 0x4E;

        private readonly NetworkGuard _guard;
        private readonly byte _subCategory;
        private long _posted;

        /// <summary>
        /// Prepares to post <paramref name="guard"/>'s refusals with <paramref name="subCategory"/>. Throws
        /// <see cref="ArgumentNullException"/> when <paramref name="guard"/> is null.
        /// </summary>
        /// <param name="guard">The guard whose refusals to post.</param>
        /// <param name="subCategory">The custom event's sub-category.</param>
        public RefusalEventPoster(NetworkGuard guard, byte subCategory)
        {
            ArgumentNullException.ThrowIfNull(guard, nameof(guard));

            _guard = guard;
            _subCategory = subCategory;
        }

        /// <summary>Posts one event when refusals happened since the last one. A <c>TickHandler</c>.</summary>
        /// <param name="nowTicks">The current monotonic time (unused: the tick paces the events).</param>
        public void Poll(long nowTicks)
        {
            RefusalLog log = _guard.RecentRefusals;
            long total = log.TotalRecorded;
            RefusalEvent newest;
            if (total == _posted || !log.TryGetNewest(out newest))
            {
                return;
            }

            long since = total - _posted;
            _posted = total;
            try
            {
                EventSink.PostManagedEvent((byte)EventCategory.Custom, _subCategory, (ushort)newest.Reason, since > uint.MaxValue ? uint.MaxValue : (uint)since);
            }
            catch (Exception)
            {
                // Best effort: the native queue can be full. The refusals are counted and logged whatever happens here.
            }
        }
    }
}
