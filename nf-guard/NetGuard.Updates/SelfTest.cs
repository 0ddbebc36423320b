namespace NetGuard.Updates
{
    /// <summary>
    /// The firmware's check that a freshly installed image works (network up, admin server answering, ...). Returns
    /// true when it passed. An exception counts as a failure.
    /// </summary>
    /// <returns>True when the image passed.</returns>
    public delegate bool SelfTest();
}
