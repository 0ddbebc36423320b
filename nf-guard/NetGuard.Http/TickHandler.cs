namespace NetGuard.Http
{
    /// <summary>
    /// Called about every <see cref="AdminDeviceOptions.TickMilliseconds"/> on the device's tick thread (a long
    /// press that must fire while the button is held, an LED that blinks). Must return quickly.
    /// </summary>
    /// <param name="nowTicks">The monotonic time, in 100 ns ticks.</param>
    public delegate void TickHandler(long nowTicks);
}
