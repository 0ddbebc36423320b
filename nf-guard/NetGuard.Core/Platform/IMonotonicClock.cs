namespace NetGuard.Platform
{
    /// <summary>
    /// A clock that only moves forward and is not set by SNTP or the user. Every rate, timeout and
    /// back-off in NetGuard is measured on it. Ticks are 100 ns, as <see cref="System.TimeSpan"/> ticks.
    /// The device implementation reads <c>Environment.TickCount64</c>; the host one a <c>Stopwatch</c>;
    /// tests use <c>NetGuard.Testing.ManualClock</c>.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>The time since an arbitrary fixed origin, in 100 ns ticks; never decreases.</summary>
        long NowTicks { get; }
    }
}
