using System;

namespace NetGuard.Credentials
{
    /// <summary>
    /// What the owner account knows about the device it protects: the model and vendor names (context words a
    /// password may not be, NIST SP 800-63B rev 4 3.1.1.2) and, when the product has one, a per-device secret
    /// provisioned at manufacturing (eFuse, NVS) from which the setup code is derived. Without a secret the code
    /// is drawn from the entropy source at first boot and kept in the record store. Immutable.
    /// </summary>
    public sealed class DeviceIdentity
    {
        private readonly byte[] _deviceSecret;

        /// <summary>
        /// Creates an identity. Throws <see cref="ArgumentNullException"/> for a null model or vendor and
        /// <see cref="ArgumentOutOfRangeException"/> for an empty one (or longer than 64 characters) or for a
        /// secret shorter than 16 bytes.
        /// </summary>
        /// <param name="model">The model name, for example <c>SmartSocket</c>.</param>
        /// <param name="vendor">The vendor name.</param>
        /// <param name="deviceSecret">A per-device secret of at least 16 bytes, or null to draw the setup code at first boot. Copied.</param>
        public DeviceIdentity(string model, string vendor, byte[] deviceSecret)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(model));
            ArgumentNullException.ThrowIfNull(vendor, nameof(vendor));

            if (model.Length == 0 || model.Length > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(model));
            }

            if (vendor.Length == 0 || vendor.Length > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(vendor));
            }

            if (deviceSecret != null)
            {
                if (deviceSecret.Length < 16)
                {
                    throw new ArgumentOutOfRangeException(nameof(deviceSecret), "A device secret has at least 16 bytes.");
                }

                _deviceSecret = new byte[deviceSecret.Length];
                Array.Copy(deviceSecret, _deviceSecret, deviceSecret.Length);
            }

            Model = model;
            Vendor = vendor;
        }

        /// <summary>The model name.</summary>
        public string Model { get; }

        /// <summary>The vendor name.</summary>
        public string Vendor { get; }

        /// <summary>True when a per-device secret was given, so the setup code is derived rather than stored.</summary>
        public bool HasDeviceSecret
        {
            get { return _deviceSecret != null; }
        }

        /// <summary>The setup code derived from the device secret (canonical form), or null when there is no secret.</summary>
        /// <returns>The canonical code or null.</returns>
        internal string DeriveSetupCode()
        {
            return _deviceSecret == null ? null : SetupCode.Derive(_deviceSecret);
        }
    }
}
