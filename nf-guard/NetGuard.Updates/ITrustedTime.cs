namespace NetGuard.Updates
{
    /// <summary>
    /// The device's best estimate of the current Unix time for expiry checks, or "unknown". See
    /// <see cref="TrustedTime"/> for the policy of the standard implementation.
    /// </summary>
    public interface ITrustedTime
    {
        /// <summary>Gets the current time in Unix seconds; false when the device does not know the time.</summary>
        /// <param name="unixSeconds">Seconds since 1970-01-01T00:00:00Z, or 0 when unknown.</param>
        /// <returns>True when the time is known.</returns>
        bool TryGetUnixSeconds(out long unixSeconds);

        /// <summary>
        /// Reports an issue time read from an object whose signature verified: a lower bound on the current time.
        /// Throws <see cref="System.ArgumentOutOfRangeException"/> when it is not positive.
        /// </summary>
        /// <param name="unixSeconds">The signed issue time, Unix seconds.</param>
        void ObserveAuthenticated(long unixSeconds);
    }
}
