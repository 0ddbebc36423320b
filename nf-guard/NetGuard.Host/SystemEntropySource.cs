using System;
using System.Security.Cryptography;

namespace NetGuard.Platform.Host
{
    /// <summary>The host's entropy: the operating system CSPRNG. Host build only.</summary>
    public sealed class SystemEntropySource : IEntropySource
    {
        /// <inheritdoc />
        public void GetBytes(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
        }
    }
}
