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
        /// <summary>Boots the socket: pins (relay off first), network, composition, HTTPS if provisioned, application, admin server.</summary>
        public static void Main()
        {
            GpioRelayBoard board = new GpioRelayBoard(new GpioController());
            DeviceRuntime.ConnectNetwork();
            AdminDeviceOptions options = DeviceRuntime.SampleOptions("SmartSocket");
            bool adminAllowed = DeviceRuntime.ConfigureHttps(options);
            AdminDevice device = DeviceRuntime.Create(options, new SelfTest(DeviceRuntime.SelfTestPassed));
            SmartSocketApp app = new SmartSocketApp(device, board);
            DeviceRuntime.Start(device, adminAllowed);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
