// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Makes an <see cref="IHmacSha256"/> keyed with <paramref name="key"/>: how a platform supplies a faster HMAC (the
    /// device's native one) to <see cref="Pbkdf2"/>. The caller owns <paramref name="key"/> and clears it after use, so
    /// the HMAC may keep a reference to it while it is used.
    /// </summary>
    /// <param name="key">The HMAC key (for PBKDF2, the password bytes).</param>
    /// <returns>The keyed HMAC.</returns>
    public delegate IHmacSha256 HmacSha256Factory(byte[] key);
}
