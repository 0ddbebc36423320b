using System.Device.Gpio;
using System.Threading;
using NetGuard.Http;
using NetGuard.Samples.Device;
using NetGuard.Updates;

namespace NetGuard.Samples.SmartSocket.Device
{
    /// <summary>The SmartSocket firmware's entry point (ESP32, nanoFramework). The logic lives in SmartSocketApp and AdminDevice.</summary>
    public static class Program
    {
        /// <summary>Boots the socket: pins (relay off first), network, composition and update trial, HTTPS if provisioned, application (an installed update or the built-in one), admin server, self-test.</summary>
        public static void Main()
        {
            GpioRelayBoard board = new GpioRelayBoard(new GpioController());
            DeviceRuntime.ConnectNetwork();
            AdminDeviceOptions options = DeviceRuntime.SampleOptions("SmartSocket");
            bool adminAllowed = DeviceRuntime.ConfigureHttps(options);
            AdminDevice device = DeviceRuntime.Create(options);
            SelfTest selfTest = DeviceRuntime.TryRunInstalledImage(device);
            if (selfTest == null)
            {
                SmartSocketApp app = new SmartSocketApp(device, board);
                selfTest = new SelfTest(app.SelfTest);
            }

            DeviceRuntime.Start(device, adminAllowed, selfTest);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
