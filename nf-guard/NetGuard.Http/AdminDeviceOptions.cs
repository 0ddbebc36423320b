using System;
using NetGuard.Cryptography;
using NetGuard.Credentials;
using NetGuard.Updates;

namespace NetGuard.Http
{
    /// <summary>
    /// What a product built on <see cref="AdminDevice"/> declares: its identity and firmware, the update signing
    /// keys, the admin port, the resolver and NTP servers it may talk to, and where update announcements live.
    /// Plain settable properties; <see cref="AdminDevice"/> checks them (<see cref="Validate"/>) and copies them.
    /// </summary>
    public sealed class AdminDeviceOptions
    {
        /// <summary>The device model (1 to 32 of A-Z a-z 0-9 -), as update packages name it.</summary>
        public string Model { get; set; }

        /// <summary>The vendor name (for the password policy's context words).</summary>
        public string Vendor { get; set; } = "NetGuard samples";

        /// <summary>The firmware version compiled into this build.</summary>
        public FirmwareVersion FirmwareVersion { get; set; } = new FirmwareVersion(1, 0, 0);

        /// <summary>The security counter compiled into this build (updates below it are refused).</summary>
        public uint SecurityCounter { get; set; }

        /// <summary>The update signing public keys (32 bytes each), the first being the root; at least one.</summary>
        public byte[][] TrustedKeys { get; set; }

        /// <summary>A per-device secret of at least 16 bytes to derive the setup code from; null to draw it at first boot.</summary>
        public byte[] DeviceSecret { get; set; }

        /// <summary>The TCP port of the admin server (80 on the device).</summary>
        public int AdminPort { get; set; } = 80;

        /// <summary>
        /// Most admin connections open at once (the guard's cap and the server's worker count). Default 2, for a plain
        /// ESP32 (about 90 KB of managed heap; each worker holds about 7 KB of buffers and a thread); a board with PSRAM
        /// can take 4 (<c>DeviceBoard.RecommendedAdminConnections</c> in NetGuard.Device picks by free heap).
        /// </summary>
        public int MaxAdminConnections { get; set; } = DefaultAdminConnections;

        /// <summary>
        /// Makes the HMAC-SHA256 that password hashing (PBKDF2) and its calibration use; null (the default) means the
        /// managed one. On the device, <c>NativeHmacSha256.Create</c> (NetGuard.Device) uses nanoFramework's native HMAC.
        /// </summary>
        public HmacSha256Factory PasswordHmac { get; set; }

        /// <summary>The default of <see cref="MaxAdminConnections"/>: what a plain ESP32 affords.</summary>
        public const int DefaultAdminConnections = 2;

        /// <summary>The DNS resolver's IPv4 address in host order (the only DNS destination the guard admits).</summary>
        public uint DnsResolver { get; set; }

        /// <summary>The resolver's UDP port, normally 53.</summary>
        public int DnsPort { get; set; } = 53;

        /// <summary>The vendor's update domain for announcements; null or empty turns update checks off.</summary>
        public string UpdateDomain { get; set; }

        /// <summary>The NTP servers (host order), 0 to 3; none removes the NTP class from the egress policy.</summary>
        public uint[] NtpServers { get; set; } = new uint[0];

        /// <summary>The owner account's limits; null to use the defaults with an iteration count calibrated on this device.</summary>
        public OwnerAccountPolicy AccountPolicy { get; set; }

        /// <summary>Largest update image, in bytes.</summary>
        public int MaxImageLength { get; set; } = UpdateSettings.DefaultMaxImageLength;

        /// <summary>Largest record in the record store, in bytes.</summary>
        public int MaxRecordLength { get; set; } = 2048;

        /// <summary>
        /// Wraps the admin listener's connection source before the server starts (HTTPS: a TLS source over the guarded
        /// source); null serves plain HTTP, and the admin page then shows its plain-HTTP warning.
        /// </summary>
        public ConnectionSourceWrapper ConnectionSourceWrapper { get; set; }

        /// <summary>Interval of the tick thread that runs <see cref="AdminDevice.AddTicker"/> handlers, in milliseconds.</summary>
        public int TickMilliseconds { get; set; } = 100;

        /// <summary>
        /// How long an update on trial must keep running after its self-test passed before it confirms itself and the
        /// security counter rises, in seconds (0 to 3600; default <see cref="DefaultTrialSettleSeconds"/>).
        /// </summary>
        public int TrialSettleSeconds { get; set; } = DefaultTrialSettleSeconds;

        /// <summary>The default settle time of an update on trial: 30 s.</summary>
        public const int DefaultTrialSettleSeconds = 30;

        /// <summary>
        /// Told, from the tick thread, when an update on trial confirmed itself or failed after <see cref="AdminDevice.Start"/>
        /// (the device should then restart to run the previous image); null: nobody is told.
        /// </summary>
        public TrialEndedHandler TrialEnded { get; set; }

        /// <summary>
        /// Throws <see cref="ArgumentNullException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first
        /// property that is missing or out of range.
        /// </summary>
        public void Validate()
        {
            ArgumentNullException.ThrowIfNull(Model, nameof(Model));
            ArgumentNullException.ThrowIfNull(Vendor, nameof(Vendor));
            ArgumentNullException.ThrowIfNull(TrustedKeys, nameof(TrustedKeys));

            if (TrustedKeys.Length == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(TrustedKeys), "At least one update signing key is needed.");
            }

            ArgumentNullException.ThrowIfNull(NtpServers, nameof(NtpServers));

            PortNumber.Check(AdminPort, nameof(AdminPort));
            PortNumber.Check(DnsPort, nameof(DnsPort));

            if (MaxImageLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxImageLength));
            }

            if (MaxRecordLength < 256)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxRecordLength));
            }

            if (TickMilliseconds < 10 || TickMilliseconds > 10000)
            {
                throw new ArgumentOutOfRangeException(nameof(TickMilliseconds));
            }

            if (TrialSettleSeconds < 0 || TrialSettleSeconds > 3600)
            {
                throw new ArgumentOutOfRangeException(nameof(TrialSettleSeconds));
            }
        }
    }
}
