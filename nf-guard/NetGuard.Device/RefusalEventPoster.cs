using System;
using nanoFramework.Runtime.Events;
using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// Posts each refusal of a <see cref="NetworkGuard"/> as a nanoFramework custom event, so other
    /// firmware components can react through <c>EventSink</c> / <c>CustomEvent.CustomEventPosted</c>:
    /// category <c>EventCategory.Custom</c> (10), the sub-category given here, data1 = the reason code
    /// value, data2 = the remote IPv4 address in host order (0 when none). Device build only.
    /// </summary>
    public sealed class RefusalEventPoster
    {
        /// <summary>The default sub-category of NetGuard refusal events (0x4E, 'N').</summary>
        public const byte DefaultSubCategory = 0x4E;

        private readonly NetworkGuard _guard;
        private readonly byte _subCategory;
        private readonly RefusalEventHandler _handler;
        private bool _attached;

        /// <summary>
        /// Starts posting <paramref name="guard"/>'s refusals with <paramref name="subCategory"/>. Throws
        /// <see cref="ArgumentNullException"/> when <paramref name="guard"/> is null.
        /// </summary>
        /// <param name="guard">The guard to listen to.</param>
        /// <param name="subCategory">The custom event's sub-category.</param>
        public RefusalEventPoster(NetworkGuard guard, byte subCategory)
        {
            if (guard == null)
            {
                throw new ArgumentNullException(nameof(guard));
            }

            _guard = guard;
            _subCategory = subCategory;
            _handler = new RefusalEventHandler(OnRefused);
            _guard.Refused += _handler;
            _attached = true;
        }

        /// <summary>Stops posting. Safe to call more than once.</summary>
        public void Detach()
        {
            if (_attached)
            {
                _attached = false;
                _guard.Refused -= _handler;
            }
        }

        private void OnRefused(object sender, RefusalEvent refusal)
        {
            try
            {
                EventSink.PostManagedEvent((byte)EventCategory.Custom, _subCategory, (ushort)refusal.Reason, refusal.RemoteAddress);
            }
            catch (Exception)
            {
                // Posting is best effort (the native queue can be full): a refusal must still be returned
                // to the caller, and it is already counted and logged.
            }
        }
    }
}
