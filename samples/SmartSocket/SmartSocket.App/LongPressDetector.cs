using System;

namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// Tells a short press (toggle the relay) from a long press (factory reset, ETSI EN 303 645 5.11-1:
    /// the owner can erase user data without the password). Pure logic on monotonic ticks: the board
    /// reports edges, a timer calls <see cref="Poll"/>, so a held button resets without waiting for release.
    /// Not thread-safe: call from one thread (the sample serialises board events through a lock).
    /// </summary>
    public sealed class LongPressDetector
    {
        private readonly long _longPressTicks;
        private readonly long _debounceTicks;
        private bool _pressed;
        private bool _longFired;
        private long _pressedAtTicks;

        /// <summary>Creates a detector.</summary>
        /// <param name="longPressTicks">How long a press must last to count as long, in 100 ns ticks; more than <paramref name="debounceTicks"/>.</param>
        /// <param name="debounceTicks">Presses shorter than this are contact bounce and ignored, in 100 ns ticks; not negative.</param>
        public LongPressDetector(long longPressTicks, long debounceTicks)
        {
            if (debounceTicks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(debounceTicks));
            }

            if (longPressTicks <= debounceTicks)
            {
                throw new ArgumentOutOfRangeException(nameof(longPressTicks), "A long press must last longer than the debounce time.");
            }

            _longPressTicks = longPressTicks;
            _debounceTicks = debounceTicks;
        }

        /// <summary>Records a button edge and says what it means.</summary>
        /// <param name="pressed">True for press, false for release.</param>
        /// <param name="nowTicks">The monotonic time of the edge.</param>
        /// <returns>The gesture completed by this edge, if any.</returns>
        public ButtonGesture OnEdge(bool pressed, long nowTicks)
        {
            if (pressed)
            {
                if (!_pressed)
                {
                    _pressed = true;
                    _longFired = false;
                    _pressedAtTicks = nowTicks;
                }

                return ButtonGesture.None;
            }

            if (!_pressed)
            {
                return ButtonGesture.None;
            }

            _pressed = false;
            if (_longFired)
            {
                return ButtonGesture.None;
            }

            long held = nowTicks - _pressedAtTicks;
            if (held >= _longPressTicks)
            {
                return ButtonGesture.LongPress;
            }

            return held >= _debounceTicks ? ButtonGesture.ShortPress : ButtonGesture.None;
        }

        /// <summary>Checks a held button; reports the long press once, while it is still held.</summary>
        /// <param name="nowTicks">The current monotonic time.</param>
        /// <returns><see cref="ButtonGesture.LongPress"/> the first time the hold passes the threshold, else None.</returns>
        public ButtonGesture Poll(long nowTicks)
        {
            if (_pressed && !_longFired && nowTicks - _pressedAtTicks >= _longPressTicks)
            {
                _longFired = true;
                return ButtonGesture.LongPress;
            }

            return ButtonGesture.None;
        }
    }
}
