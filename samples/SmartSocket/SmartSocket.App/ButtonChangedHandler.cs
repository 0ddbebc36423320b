namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// Called when the push button changes state.
    /// </summary>
    /// <param name="pressed">True when the button went down, false when it was released.</param>
    public delegate void ButtonChangedHandler(bool pressed);
}
