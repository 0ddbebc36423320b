// Signature-only reference for the nanoFramework assembly nanoFramework.Runtime.Events (package
// nanoFramework.Runtime.Events 1.11, github.com/nanoframework/nanoFramework.Runtime.Events,
// nanoFramework.Runtime.Events/EventSink.cs and EventCategory.cs, checked 2026-11).
// Only the members NetGuard uses; the real EventSink derives from NativeEventDispatcher, omitted here
// because nothing NetGuard compiles touches it. Bodies throw; never run or shipped.
namespace nanoFramework.Runtime.Events
{
    public class EventSink
    {
        public static void PostManagedEvent(byte category, byte subCategory, ushort data1, uint data2) { throw new System.NotImplementedException(); }
    }

    public enum EventCategory
    {
        Unknown = 0,
        Custom = 10,
        Gpio = 20,
        SerialDevice = 30,
        Network = 40,
        WiFi = 50,
        Can = 60,
        Storage = 70,
        Radio = 80,
        HighResolutionTimer = 90,
        Bluetooth = 100,
        Usb = 110,
        Touch = 120,
        Gesture = 130,
        OpenThread = 140,
        EspNow = 150,
    }
}
