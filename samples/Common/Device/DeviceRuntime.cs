using System;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Networking;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Platform.Device;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Updates;

namespace NetGuard.Samples.Device
{
    /// <summary>
    /// The device side both sample firmwares share: Wi-Fi from the configuration stored on the board, the
    /// <see cref="AdminDevice"/> composition over the ESP32 platform pieces (littlefs <c>I:</c> drive, guarded
    /// System.Net sockets, tick-count clock, hardware RNG), boot-time installation of a staged update, the setup code
    /// on the serial console, and every guard refusal logged there. Device build only (linked into each .nfproj).
    /// </summary>
    public static class DeviceRuntime
    {
        /// <summary>Where records live on the littlefs config partition.</summary>
        public const string DataDirectory = "I:\\netguard";

        /// <summary>Where update images are staged.</summary>
        public const string StagingDirectory = "I:\\staging";

        /// <summary>Where the confirmed application image is kept for the loader.</summary>
        public const string UpdateDirectory = "I:\\update";

        /// <summary>Placeholder for the vendor's update signing key (netguard.pub, 32 bytes): it matches no private key, so every package is refused until the vendor puts its key here.</summary>
        private static readonly byte[] UpdateKey = new byte[32];

        /// <summary>
        /// The sample firmwares' declaration for <paramref name="model"/>: version 1.0.0, security counter 1, the
        /// vendor key, admin port 80, the resolver for update checks and the update domain. Edit the resolver
        /// (192.168.1.1 here, the usual home router) and domain for an installation.
        /// </summary>
        /// <param name="model">The model name.</param>
        /// <returns>The options.</returns>
        public static AdminDeviceOptions SampleOptions(string model)
        {
            AdminDeviceOptions options = new AdminDeviceOptions();
            options.Model = model;
            options.FirmwareVersion = new FirmwareVersion(1, 0, 0);
            options.SecurityCounter = 1;
            options.TrustedKeys = new byte[][] { UpdateKey };
            options.DnsResolver = 0xC0A80101;
            options.UpdateDomain = "updates.example.com";
            return options;
        }

        /// <summary>
        /// Connects Wi-Fi with the stored configuration (set once with Visual Studio's Device Explorer or
        /// <c>nanoff</c>; no credentials in the firmware). nanoFramework's native SNTP client and DHCP run below the
        /// managed layer, outside the guard: keep SNTP at its default hourly poll (well under the NTP class's 1 per
        /// 64 s) and never rely on the wall clock for security: expiry checks use <see cref="TrustedTime"/>, whose
        /// floor comes from signed announcements. Returns false when the network did not come up.
        /// </summary>
        /// <returns>True when connected.</returns>
        public static bool ConnectNetwork()
        {
            bool connected = WifiNetworkHelper.Reconnect(false, 0, default(CancellationToken));
            Debug.WriteLine(connected ? "wifi: connected" : "wifi: not connected (configure Wi-Fi in Device Explorer)");
            return connected;
        }

        /// <summary>
        /// Builds the device composition for <paramref name="options"/> (admin port 80 unless set) over the ESP32
        /// platform, installs a staged update after <paramref name="selfTest"/>, and logs refusals to the console.
        /// The caller attaches its application, then calls <see cref="Start"/>.
        /// </summary>
        /// <param name="options">The product's declaration.</param>
        /// <param name="selfTest">The firmware's self-test of a staged image.</param>
        /// <returns>The device.</returns>
        public static AdminDevice Create(AdminDeviceOptions options, SelfTest selfTest)
        {
            TickCountClock clock = new TickCountClock();
            AdminDevice device = new AdminDevice(
                options,
                new LittleFsFileSystem(DataDirectory),
                new FileStagingArea(StagingDirectory, AdminApi.MaxPackageBytes(options.MaxImageLength)),
                new AssemblyFileInstaller(UpdateDirectory),
                clock,
                new HardwareEntropySource(),
                new NetworkGuardFactory(new GuardFactory(clock).Create));
            device.Guard.Refused += new RefusalEventHandler(LogRefusal);
            Decision installed = device.InstallStagedUpdate(selfTest);
            if (installed.Reason != ReasonCode.NothingStaged)
            {
                Debug.WriteLine("update: " + ReasonCodes.Name(installed.Reason) + ", running " + device.Updates.CurrentVersion.ToString());
            }

            return device;
        }

        /// <summary>The samples' boot self-test: reaching it means the new application loaded and opened its pins.</summary>
        /// <returns>True.</returns>
        public static bool SelfTestPassed()
        {
            return true;
        }

        /// <summary>Starts the device and prints the setup code while setup is required (the serial console stands in for the label).</summary>
        /// <param name="device">The device built by <see cref="Create"/>.</param>
        /// <returns>The start decision.</returns>
        public static Decision Start(AdminDevice device)
        {
            Decision started = device.Start();
            Debug.WriteLine("admin server: " + ReasonCodes.Name(started.Reason));
            if (device.Account.IsSetupRequired)
            {
                Debug.WriteLine("SETUP CODE: " + device.ReadSetupCodeForLabel());
            }

            return started;
        }

        private static void LogRefusal(object sender, RefusalEvent refusal)
        {
            Debug.WriteLine("guard: refused " + ReasonCodes.Name(refusal.Reason) + " " + refusal.Source + " " + Ipv4.ToString(refusal.RemoteAddress));
        }

        // The factory delegate needs an instance method bound to the clock (no lambdas capturing state on the device).
        private sealed class GuardFactory
        {
            private readonly TickCountClock _clock;

            internal GuardFactory(TickCountClock clock)
            {
                _clock = clock;
            }

            internal NetworkGuard Create(GuardPolicy policy)
            {
                return DeviceNetworkGuard.Create(policy, _clock);
            }
        }
    }
}
