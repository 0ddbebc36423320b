using System;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// The device's entropy: on ESP32, nanoFramework's <see cref="Random"/> reads the hardware RNG and ignores
    /// its seed, so this is unpredictable there. It is NOT unpredictable on targets whose <c>Random</c> is a
    /// seeded PRNG: check the target before relying on it. Device build only.
    /// </summary>
    public sealed class HardwareEntropySource : IEntropySource
    {
        private readonly Random _random = new Random();
        private readonly object _gate = new object();

        /// <inheritdoc />
        public void GetBytes(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer, nameof(buffer));

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            byte[] block = new byte[count];
            lock (_gate)
            {
                _random.NextBytes(block);
            }

            Array.Copy(block, 0, buffer, offset, count);
            Array.Clear(block, 0, count);
        }
    }
}
