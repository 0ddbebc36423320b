namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// The smart socket's hardware: a relay, a push button and a status LED. The device implementation
    /// drives GPIO pins (see hardware/pins.md); the host simulation keeps the state in memory and on the
    /// console.
    /// </summary>
    public interface IRelayBoard
    {
        /// <summary>Raised when the button is pressed or released.</summary>
        event ButtonChangedHandler ButtonChanged;

        /// <summary>Switches the relay (and so the socket's outlet) on or off.</summary>
        /// <param name="on">True to close the relay.</param>
        void SetRelay(bool on);

        /// <summary>Switches the status LED on or off.</summary>
        /// <param name="on">True to light the LED.</param>
        void SetLed(bool on);
    }
}
