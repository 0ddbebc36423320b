namespace NetGuard.Http
{
    /// <summary>
    /// Decorates the admin server's connection source before the server starts: the seam for HTTPS (a TLS source
    /// that wraps the guarded listener source, so the TLS records still pass the guard's egress limiter). Set it
    /// in <see cref="AdminDeviceOptions.ConnectionSourceWrapper"/>. Must return a source (not null); may throw
    /// only for the caller's own configuration mistakes.
    /// </summary>
    /// <param name="source">The guarded listener source of the admin port.</param>
    /// <returns>The source the admin server accepts from.</returns>
    public delegate IConnectionSource ConnectionSourceWrapper(IConnectionSource source);
}
