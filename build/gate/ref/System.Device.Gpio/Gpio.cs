// Signatures from nanoframework/System.Device.Gpio (package nanoFramework.System.Device.Gpio, assembly
// System.Device.Gpio): System.Device.Gpio/GpioController.cs (OpenPin(int, PinMode) returns GpioPin),
// GpioPin.cs (Write(PinValue), Read(), ValueChanged event of PinValueChangedEventHandler(object, PinValueChangedEventArgs)),
// PinValueChangedEventArgs.cs (ChangeType, PinNumber), PinMode.cs, PinValue.cs. Only the members the samples use.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        Output = 1,
        InputPullDown = 2,
        InputPullUp = 3,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public struct PinValue
    {
        public static PinValue Low { get { throw new NotImplementedException(); } }
        public static PinValue High { get { throw new NotImplementedException(); } }
        public static bool operator ==(PinValue a, PinValue b) { throw new NotImplementedException(); }
        public static bool operator !=(PinValue a, PinValue b) { throw new NotImplementedException(); }
        public override bool Equals(object obj) { throw new NotImplementedException(); }
        public override int GetHashCode() { throw new NotImplementedException(); }
    }

    public class PinValueChangedEventArgs : EventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw new NotImplementedException(); }
        public PinEventTypes ChangeType { get { throw new NotImplementedException(); } }
        public int PinNumber { get { throw new NotImplementedException(); } }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public int PinNumber { get { throw new NotImplementedException(); } }
        public TimeSpan DebounceTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public PinValue Read() { throw new NotImplementedException(); }
        public void Write(PinValue value) { throw new NotImplementedException(); }
        public event PinValueChangedEventHandler ValueChanged { add { throw new NotImplementedException(); } remove { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw new NotImplementedException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
