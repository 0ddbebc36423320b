namespace NetGuard.Platform
{
    /// <summary>
    /// Unpredictable bytes for salts, setup codes and session tokens. The device implementation uses the
    /// ESP32 hardware RNG (through <c>System.Random</c>, which ignores its seed there); the host one the
    /// operating system's CSPRNG. Tests pass a seeded source.
    /// </summary>
    public interface IEntropySource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <param name="buffer">Where to write.</param>
        /// <param name="offset">First byte to write.</param>
        /// <param name="count">Number of bytes.</param>
        void GetBytes(byte[] buffer, int offset, int count);
    }
}
