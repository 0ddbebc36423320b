using System.Device.Gpio;
using System.Threading;
using NetGuard.Http;
using NetGuard.Samples.Device;
using NetGuard.Updates;

namespace NetGuard.Samples.Camera.Device
{
    /// <summary>
    /// The Camera firmware's entry point (AI-Thinker ESP32-CAM, nanoFramework). nanoFramework has no camera driver
    /// (Home#807), so snapshots are the labelled test pattern. The logic lives in CameraApp and AdminDevice.
    /// </summary>
    public static class Program
    {
        // hardware/esp32-cam (hardware/pins.md): on-board LEDs, driven off at boot.
        private const int StatusLedPin = 33;
        private const int FlashLedPin = 4;

        /// <summary>Boots the camera: LEDs off, network, composition and update trial, HTTPS if provisioned, application (an installed update or the built-in one), admin server, self-test.</summary>
        public static void Main()
        {
            GpioController gpio = new GpioController();
            gpio.OpenPin(StatusLedPin, PinMode.Output).Write(PinValue.High); // active low: off
            gpio.OpenPin(FlashLedPin, PinMode.Output).Write(PinValue.Low);   // active high: off
            DeviceRuntime.ConnectNetwork();
            AdminDeviceOptions options = DeviceRuntime.SampleOptions("Camera");
            bool adminAllowed = DeviceRuntime.ConfigureHttps(options);
            AdminDevice device = DeviceRuntime.Create(options);
            SelfTest selfTest = DeviceRuntime.TryRunInstalledImage(device);
            if (selfTest == null)
            {
                CameraApp app = new CameraApp(device, new TestPatternFrameSource());
                selfTest = new SelfTest(app.SelfTest);
            }

            DeviceRuntime.Start(device, adminAllowed, selfTest);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
