// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Cryptography
{
    /// <summary>
    /// An HMAC-SHA256 (RFC 2104, FIPS 198-1) keyed when it was created, through which <see cref="Pbkdf2"/> computes
    /// its pseudorandom function. <see cref="HmacSha256"/> implements it in managed code; a device can plug in an
    /// adapter over nanoFramework's native <c>System.Security.Cryptography.HMACSHA256</c>, whose only entry point is
    /// <c>byte[] ComputeHash(byte[] buffer)</c>.
    /// </summary>
    /// <remarks>
    /// <see cref="Pbkdf2"/> always passes whole arrays (<c>offset</c> 0 and <c>count</c> equal to the array length)
    /// and never lets <c>output</c> alias <c>data</c>, so an adapter can hand <c>data</c> straight to
    /// <c>ComputeHash</c> and copy the 32 returned bytes into <c>output</c>. Such an adapter must give the native
    /// class its own copy of the key: the native <c>Dispose</c> clears the array it was given.
    /// </remarks>
    public interface IHmacSha256
    {
        /// <summary>
        /// Computes HMAC-SHA256 under this instance's key of <paramref name="count"/> bytes of <paramref name="data"/>
        /// from <paramref name="offset"/>, and writes the 32-byte tag to <paramref name="output"/> at
        /// <paramref name="outputOffset"/>.
        /// </summary>
        /// <param name="data">The array holding the message.</param>
        /// <param name="offset">Index of the first message byte.</param>
        /// <param name="count">Message length in bytes.</param>
        /// <param name="output">Receives the 32-byte tag.</param>
        /// <param name="outputOffset">Index of the first tag byte.</param>
        void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset);
    }
}
