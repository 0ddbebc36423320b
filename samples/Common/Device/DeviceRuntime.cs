using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Platform.Device;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Text;
using NetGuard.Updates;

namespace NetGuard.Samples.Device
{
    /// <summary>
    /// The device side both sample firmwares share: Wi-Fi from the configuration stored on the board, the
    /// <see cref="AdminDevice"/> composition over the ESP32 platform pieces (littlefs <c>I:</c> drive, guarded
    /// System.Net sockets, tick-count clock, hardware RNG), the update trial at boot (loader, self-test, restart), the setup code
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

        /// <summary>The admin server's TLS certificate (PEM), provisioned per device at manufacture.</summary>
        public const string CertificateFile = "I:\\tls\\admin.crt";

        /// <summary>Its private key (PEM, unencrypted; the flash is readable with physical access either way).</summary>
        public const string PrivateKeyFile = "I:\\tls\\admin.key";

        /// <summary>The admin port when HTTPS is configured (the port a browser uses for https://).</summary>
        public const int HttpsPort = 443;

        /// <summary>Longest PEM file read, in bytes (a certificate chain or a key is a few KB).</summary>
        private const int MaxPemBytes = 16384;

        /// <summary>Longest wait for a client's first TLS record, in milliseconds.</summary>
        private const int HandshakeTimeoutMilliseconds = 5000;

        /// <summary>The type an installed application image exposes to the loader.</summary>
        private const string ImageEntryType = "NetGuard.Application.Entry";

        /// <summary>Its static method: <c>SelfTest Attach(AdminDevice device)</c>.</summary>
        private const string ImageEntryMethod = "Attach";

        /// <summary>Placeholder for the vendor's update signing key (netguard.pub, 32 bytes): it matches no private key, so every package is refused until the vendor puts its key here.</summary>
        private static readonly byte[] UpdateKey = new byte[32];

        /// <summary>
        /// The sample firmwares' declaration for <paramref name="model"/>: version 1.0.0, security counter 1, the
        /// vendor key, admin port 80, the resolver for update checks and the update domain, and as many admin workers and
        /// as large an update image as the board's heap affords. Edit the resolver
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
            options.MaxAdminConnections = DeviceBoard.RecommendedAdminConnections();
            options.MaxImageLength = DeviceBoard.RecommendedMaxImageLength();

            // Passwords are hashed with the native HMAC: calibration at first boot then affords many more PBKDF2
            // iterations in the same 300 ms than the managed HMAC would (its floor stays 1000).
            options.PasswordHmac = new HmacSha256Factory(NativeHmacSha256.Create);
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
        /// HTTPS for the admin page. With neither <see cref="CertificateFile"/> nor <see cref="PrivateKeyFile"/>
        /// on <c>I:</c> the admin page stays plain HTTP (the page shows its warning) and this returns true. With both, it
        /// loads them, installs the TLS wrapper (<see cref="DeviceNetworkGuard.CreateTlsWrapper"/>), moves the admin port
        /// from 80 to <see cref="HttpsPort"/> and caps the admin
        /// connections at 2 (each TLS session takes about 33 KB of native heap) and returns true. When a certificate is
        /// configured but unusable (one file missing, too large, not PEM, or refused by the native parser), it logs why and
        /// returns false: the caller must then not start the admin server. Falling back to plain HTTP there would let
        /// anyone who can damage one file on the flash turn a device meant to be HTTPS-only into one that takes the owner's
        /// password in clear text, so a broken certificate fails closed (the application itself keeps running).
        /// </summary>
        /// <param name="options">The options to install the wrapper in.</param>
        /// <returns>False when the admin server must not start.</returns>
        public static bool ConfigureHttps(AdminDeviceOptions options)
        {
            bool haveCertificate = File.Exists(CertificateFile);
            bool haveKey = File.Exists(PrivateKeyFile);
            if (!haveCertificate && !haveKey)
            {
                Debug.WriteLine("tls: no certificate in I:\\tls; the admin page is plain HTTP (it shows a warning)");
                return true;
            }

            if (!haveCertificate || !haveKey)
            {
                Debug.WriteLine("tls: REFUSED: " + (haveCertificate ? PrivateKeyFile : CertificateFile) + " is missing; admin server not started");
                return false;
            }

            string certificatePem = ReadPem(CertificateFile, "-----BEGIN CERTIFICATE-----");
            string keyPem = ReadPem(PrivateKeyFile, "PRIVATE KEY-----");
            if (certificatePem == null || keyPem == null)
            {
                return false;
            }

            X509Certificate2 certificate;
            try
            {
                // The string constructors hand the PEM to mbedTLS with the terminating NUL its PEM parser needs.
                certificate = new X509Certificate2(certificatePem, keyPem, null);
            }
            catch (Exception e)
            {
                // The native parser refused the certificate or the key (its exception types are not documented): the
                // decision is "no admin server", logged, never plain HTTP.
                Debug.WriteLine("tls: REFUSED: certificate or key not accepted (" + e.Message + "); admin server not started");
                return false;
            }

            options.ConnectionSourceWrapper = DeviceNetworkGuard.CreateTlsWrapper(certificate, HandshakeTimeoutMilliseconds);

            // https:// means port 443 to a browser; the declared listener follows AdminPort.
            if (options.AdminPort == 80)
            {
                options.AdminPort = HttpsPort;
            }

            if (options.MaxAdminConnections > 2)
            {
                options.MaxAdminConnections = 2;
            }

            Debug.WriteLine("tls: admin page is HTTPS on port " + options.AdminPort.ToString() + " (" + certificate.Subject + ")");
            return true;
        }

        /// <summary>
        /// Builds the device composition for <paramref name="options"/> (admin port 80 unless set) over the ESP32
        /// platform, settles the update state (<see cref="AdminDevice.BootUpdate"/>: a trial that never confirmed
        /// itself is rolled back, a staged update starts on trial, the image to run is re-verified), and logs refusals to
        /// the console. The device restarts itself when an update on trial fails after start. The caller attaches the
        /// application (<see cref="TryRunInstalledImage"/> first), then calls <see cref="Start"/>.
        /// </summary>
        /// <param name="options">The product's declaration.</param>
        /// <returns>The device.</returns>
        public static AdminDevice Create(AdminDeviceOptions options)
        {
            TickCountClock clock = new TickCountClock();
            options.TrialEnded = new TrialEndedHandler(OnTrialEnded);
            AdminDevice device = new AdminDevice(
                options,
                new LittleFsFileSystem(DataDirectory),
                new ChunkedStagingArea(new LittleFsFileSystem(StagingDirectory), AdminApi.MaxPackageBytes(options.MaxImageLength)),
                FileImageInstaller.Create(UpdateDirectory, options.MaxImageLength),
                clock,
                new HardwareEntropySource(),
                new NetworkGuardFactory(new GuardFactory(clock).Create));
            device.AddTicker(new TickHandler(new RefusalLogger(device.Guard).Log));
            Decision booted = device.BootUpdate();
            UpdateController updates = device.Updates;
            Debug.WriteLine("update: " + ReasonCodeNames.Name(booted.Reason) + ", running " + updates.CurrentVersion.ToString()
                + (updates.IsOnTrial ? " on trial" : string.Empty) + ", last install " + InstallOutcomes.Name(updates.LastInstall)
                + (updates.LastInstall == InstallOutcome.RolledBack ? " (" + ReasonCodeNames.Name(updates.LastInstallReason) + ")" : string.Empty));
            return device;
        }

        /// <summary>
        /// The loader: when the update state says an installed update runs (on trial or confirmed), reads its image,
        /// verifies the bytes against the signed SHA-256 once more (<see cref="UpdateController.ReadImageToLoad"/>), loads
        /// them with <c>Assembly.Load</c> and calls the image's <c>NetGuard.Application.Entry.Attach(AdminDevice)</c>,
        /// which attaches its application and returns its <see cref="SelfTest"/>. Returns null when the built-in
        /// application should run instead: no update installed, or an image that does not verify or load (an image on
        /// trial is then rolled back and the device restarts; nothing is loaded that was not verified).
        /// </summary>
        /// <param name="device">The device built by <see cref="Create"/>.</param>
        /// <returns>The installed application's self-test, or null.</returns>
        public static SelfTest TryRunInstalledImage(AdminDevice device)
        {
            UpdateController updates = device.Updates;
            if (!updates.RunsInstalledImage)
            {
                return null;
            }

            byte[] image;
            Decision read = updates.ReadImageToLoad(out image);
            SelfTest selfTest = null;
            string problem = ReasonCodeNames.Name(read.Reason);
            if (read.IsAccepted)
            {
                try
                {
                    Assembly assembly = Assembly.Load(image);
                    MethodInfo attach = assembly.GetType(ImageEntryType).GetMethod(ImageEntryMethod);
                    selfTest = (SelfTest)attach.Invoke(null, new object[] { device });
                }
                catch (Exception e)
                {
                    // An image that does not load is a failed self-test: reported below, never run half-loaded.
                    problem = "does not load (" + e.Message + ")";
                }
            }

            image = null;
            if (selfTest != null)
            {
                return selfTest;
            }

            Debug.WriteLine("update: installed image " + problem + "; the built-in application runs");
            if (updates.IsOnTrial)
            {
                updates.FailTrial(ReasonCode.SelfTestFailed);
                Restart();
            }

            return null;
        }

        /// <summary>
        /// Starts the device, prints the setup code while setup is required (the serial console stands in for the
        /// label) and, while an update runs on trial, runs <paramref name="selfTest"/> (the admin listener is open by
        /// then): a failure rolls the update back and restarts the device; a pass confirms it after the settle time.
        /// When <paramref name="adminAllowed"/> is false (see <see cref="ConfigureHttps"/>) it starts nothing and returns
        /// the refusal (an update on trial then never confirms and is rolled back at the next start).
        /// </summary>
        /// <param name="device">The device built by <see cref="Create"/>.</param>
        /// <param name="adminAllowed">What <see cref="ConfigureHttps"/> returned.</param>
        /// <param name="selfTest">The application's health check.</param>
        /// <returns>The start decision.</returns>
        public static Decision Start(AdminDevice device, bool adminAllowed, SelfTest selfTest)
        {
            if (!adminAllowed)
            {
                Debug.WriteLine("admin server: not started (the TLS certificate in I:\\tls is unusable; fix or remove both files)");
                return Decision.Refuse(ReasonCode.InvalidState);
            }

            Decision started = device.Start();
            Debug.WriteLine("admin server: " + ReasonCodeNames.Name(started.Reason));
            if (device.Account.IsSetupRequired)
            {
                Debug.WriteLine("SETUP CODE: " + device.ReadSetupCodeForLabel());
            }

            if (started.IsAccepted && device.Updates.IsOnTrial)
            {
                Decision trial = device.CheckTrial(selfTest);
                Debug.WriteLine("update: self-test " + ReasonCodeNames.Name(trial.Reason));
                if (trial.Reason == ReasonCode.SelfTestFailed)
                {
                    Restart();
                }
            }

            return started;
        }

        private static void OnTrialEnded(InstallOutcome outcome, ReasonCode reason)
        {
            Debug.WriteLine("update: trial ended: " + InstallOutcomes.Name(outcome) + " (" + ReasonCodeNames.Name(reason) + ")");
            if (outcome == InstallOutcome.RolledBack)
            {
                Restart();
            }
        }

        // The previous image is active again: restart into it.
        private static void Restart()
        {
            Debug.WriteLine("update: restarting into the previous image");
            Power.RebootDevice();
        }

        // The file's text when it can be read and is at most MaxPemBytes of UTF-8 containing marker; otherwise logs why and
        // returns null.
        private static string ReadPem(string path, string marker)
        {
            byte[] data;
            try
            {
                data = File.ReadAllBytes(path);
            }
            catch (IOException e)
            {
                // A flash or file-system fault: same decision as a bad file, logged with the platform's message.
                Debug.WriteLine("tls: REFUSED: " + path + " could not be read (" + e.Message + "); admin server not started");
                return null;
            }

            string text;
            if (data.Length == 0 || data.Length > MaxPemBytes || !Utf8.TryDecode(data, 0, data.Length, out text) || text.IndexOf(marker) < 0)
            {
                Debug.WriteLine("tls: REFUSED: " + path + " is not a PEM file of at most " + MaxPemBytes.ToString() + " bytes; admin server not started");
                return null;
            }

            return text;
        }

        // Logs the guard's refusals from the tick thread, one summary line per 10 s at most: a scan or a flood must not
        // become a line per packet on the refused caller's thread.
        private sealed class RefusalLogger
        {
            private readonly RefusalSummary _summary;

            internal RefusalLogger(NetworkGuard guard)
            {
                _summary = new RefusalSummary(guard, 10 * TimeSpan.TicksPerSecond);
            }

            internal void Log(long nowTicks)
            {
                string line;
                if (_summary.TryTake(nowTicks, out line))
                {
                    Debug.WriteLine(line);
                }
            }
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
