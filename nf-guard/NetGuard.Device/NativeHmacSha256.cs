using System;
using System.Security.Cryptography;
using NetGuard.Cryptography;

namespace NetGuard.Platform.Device
{
    /// <summary>
    /// HMAC-SHA256 through nanoFramework's native <c>HMACSHA256</c> (Mbed TLS on ESP32), for PBKDF2: a
    /// <see cref="HmacSha256Factory"/> is <see cref="Create"/>. It gives the same bytes as the managed
    /// <see cref="HmacSha256"/> (NetGuard.Device.HardwareTests checks the RFC 4231 and RFC 7914 vectors on a board)
    /// at native speed. The native API hashes whole arrays and returns a new one, so each call allocates 32 bytes.
    /// </summary>
    public sealed class NativeHmacSha256 : IHmacSha256
    {
        private readonly HMACSHA256 _hmac;

        private NativeHmacSha256(byte[] key)
        {
            _hmac = new HMACSHA256(key);
        }

        /// <summary>A native HMAC keyed with <paramref name="key"/> (kept by reference; the caller clears it after use).</summary>
        /// <param name="key">The key.</param>
        /// <returns>The HMAC.</returns>
        public static IHmacSha256 Create(byte[] key)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(key));

            return new NativeHmacSha256(key);
        }

        /// <inheritdoc />
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(data));
            ArgumentNullException.ThrowIfNull(output, nameof(output));

            if (offset < 0 || count < 0 || offset > data.Length - count || outputOffset < 0 || outputOffset > output.Length - HmacSha256.HashSize)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            byte[] message = data;
            if (offset != 0 || count != data.Length)
            {
                message = new byte[count];
                Array.Copy(data, offset, message, 0, count);
            }

            byte[] mac = _hmac.ComputeHash(message);
            Array.Copy(mac, 0, output, outputOffset, HmacSha256.HashSize);
            Array.Clear(mac, 0, mac.Length);
        }
    }
}
