namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// What the status LED shows: it blinks (on 500 ms, off 500 ms) while the socket still needs its first-time
    /// setup, so the owner sees it is not yet protected by a password; afterwards it mirrors the relay. Pure logic
    /// on monotonic ticks.
    /// </summary>
    public static class StatusLed
    {
        /// <summary>Half period of the setup blink, in 100 ns ticks (500 ms).</summary>
        public const long BlinkHalfPeriodTicks = 500 * 10000L;

        /// <summary>Whether the LED is lit now.</summary>
        /// <param name="setupRequired">True while the owner has not set a password.</param>
        /// <param name="relayOn">True when the relay is closed.</param>
        /// <param name="nowTicks">The monotonic time, in 100 ns ticks; not negative.</param>
        /// <returns>True to light the LED.</returns>
        public static bool IsLit(bool setupRequired, bool relayOn, long nowTicks)
        {
            if (setupRequired)
            {
                return (nowTicks / BlinkHalfPeriodTicks) % 2 == 0;
            }

            return relayOn;
        }
    }
}
