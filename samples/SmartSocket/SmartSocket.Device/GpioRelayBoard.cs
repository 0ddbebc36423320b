using System.Device.Gpio;

namespace NetGuard.Samples.SmartSocket.Device
{
    /// <summary>
    /// The smart socket's pins (hardware/pins.md, board esp32-devkitc-relay): relay GPIO25 active low, button GPIO27
    /// to GND with the internal pull-up, status LED GPIO26 active high. Outputs are driven to their inactive level
    /// before anything else runs, so the relay never pulses at boot. Debounce and long-press timing live in
    /// <see cref="LongPressDetector"/>, not here.
    /// </summary>
    public sealed class GpioRelayBoard : IRelayBoard
    {
        // hardware/esp32-devkitc-relay (copy another board's block from hardware/pins.md to retarget)
        private const int RelayPin = 25;
        private const bool RelayActiveLow = true;
        private const int ButtonPin = 27;
        private const bool ButtonActiveLow = true;
        private const int StatusLedPin = 26;
        private const bool StatusLedActiveLow = false;

        private readonly GpioPin _relay;
        private readonly GpioPin _led;
        private readonly GpioPin _button;
        private ButtonChangedHandler _changed;

        /// <summary>Opens the pins: outputs first, at their inactive level.</summary>
        /// <param name="gpio">The GPIO controller.</param>
        public GpioRelayBoard(GpioController gpio)
        {
            _relay = gpio.OpenPin(RelayPin, PinMode.Output);
            _relay.Write(Level(false, RelayActiveLow));
            _led = gpio.OpenPin(StatusLedPin, PinMode.Output);
            _led.Write(Level(false, StatusLedActiveLow));
            _button = gpio.OpenPin(ButtonPin, PinMode.InputPullUp);
            _button.ValueChanged += new PinValueChangedEventHandler(OnButtonChanged);
        }

        /// <inheritdoc />
        public event ButtonChangedHandler ButtonChanged
        {
            add { _changed = (ButtonChangedHandler)System.Delegate.Combine(_changed, value); }
            remove { _changed = (ButtonChangedHandler)System.Delegate.Remove(_changed, value); }
        }

        /// <inheritdoc />
        public void SetRelay(bool on)
        {
            _relay.Write(Level(on, RelayActiveLow));
        }

        /// <inheritdoc />
        public void SetLed(bool on)
        {
            _led.Write(Level(on, StatusLedActiveLow));
        }

        private static PinValue Level(bool active, bool activeLow)
        {
            return active != activeLow ? PinValue.High : PinValue.Low;
        }

        private void OnButtonChanged(object sender, PinValueChangedEventArgs e)
        {
            bool pressed = (e.ChangeType == PinEventTypes.Falling) == ButtonActiveLow;
            ButtonChangedHandler handler = _changed;
            if (handler != null)
            {
                handler(pressed);
            }
        }
    }
}
