using System;

namespace NetGuard.Updates
{
    /// <summary>
    /// What the firmware tells the update code about itself: its model, the version and security counter compiled
    /// into it, the largest image it accepts and the clock skew it tolerates. Validated at construction; immutable.
    /// </summary>
    public sealed class UpdateSettings
    {
        /// <summary>Default largest image: 1 MiB (the ESP32 deploy region is 1792 KiB).</summary>
        public const int DefaultMaxImageLength = 1024 * 1024;

        /// <summary>Default tolerated clock skew for "issued in the future": 300 s.</summary>
        public const int DefaultClockSkewSeconds = 300;

        /// <summary>
        /// Creates the settings. Throws <see cref="ArgumentNullException"/>/<see cref="ArgumentOutOfRangeException"/>
        /// naming the field for an invalid model, a maximum image length below 1, or a negative skew.
        /// </summary>
        /// <param name="model">The device model (<see cref="ModelName.IsValid(string)"/>).</param>
        /// <param name="builtInVersion">The version of the running firmware as built.</param>
        /// <param name="builtInSecurityCounter">The security counter compiled into the firmware (a floor for the persisted one).</param>
        /// <param name="maxImageLength">Largest image accepted, in bytes.</param>
        /// <param name="clockSkewSeconds">How far in the future an issue time may lie, in seconds.</param>
        public UpdateSettings(string model, FirmwareVersion builtInVersion, uint builtInSecurityCounter, int maxImageLength, int clockSkewSeconds)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(model));

            if (!ModelName.IsValid(model))
            {
                throw new ArgumentOutOfRangeException(nameof(model));
            }

            if (maxImageLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxImageLength));
            }

            if (clockSkewSeconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(clockSkewSeconds));
            }

            Model = model;
            BuiltInVersion = builtInVersion;
            BuiltInSecurityCounter = builtInSecurityCounter;
            MaxImageLength = maxImageLength;
            ClockSkewSeconds = clockSkewSeconds;
        }

        /// <summary>Creates settings with the default image limit and skew.</summary>
        /// <param name="model">The device model.</param>
        /// <param name="builtInVersion">The version of the running firmware as built.</param>
        /// <param name="builtInSecurityCounter">The security counter compiled into the firmware.</param>
        public UpdateSettings(string model, FirmwareVersion builtInVersion, uint builtInSecurityCounter)
            : this(model, builtInVersion, builtInSecurityCounter, DefaultMaxImageLength, DefaultClockSkewSeconds)
        {
        }

        /// <summary>The device model.</summary>
        public string Model { get; }

        /// <summary>The version of the running firmware as built.</summary>
        public FirmwareVersion BuiltInVersion { get; }

        /// <summary>The security counter compiled into the firmware.</summary>
        public uint BuiltInSecurityCounter { get; }

        /// <summary>Largest image accepted, in bytes.</summary>
        public int MaxImageLength { get; }

        /// <summary>Tolerated clock skew, in seconds.</summary>
        public int ClockSkewSeconds { get; }
    }
}
