using System;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetGuard.Policy
{
    /// <summary>
    /// A <see cref="GuardPolicy"/> written out for people and networks: NetGuard's own declaration and an RFC 8520 MUD
    /// file. Host build only: a vendor runs it from a tool or a test, never the device (which keeps the flash).
    /// </summary>
    public static class PolicyExport
    {
        // Escapes what JSON requires (quote, backslash, control characters) and keeps the rest as text: URLs, RFC 3339
        // offsets ("+01:00") and non-ASCII names read as written. The files are for people and network controllers,
        // never embedded in HTML, which is what the "unsafe" in the encoder's name is about.
        internal static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// The policy as a machine-readable JSON declaration: listeners with their caps, the egress classes
        /// with their ports, destinations and limits, the TCP reply and fan-out limits, and the fixed
        /// denials (outbound TCP, raw, ICMP, undeclared UDP). Throws <see cref="ArgumentNullException"/> for a null policy.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <returns>The JSON text.</returns>
        public static string ToDeclarationJson(GuardPolicy policy)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            return PolicyDeclaration.Render(policy);
        }

        /// <summary>
        /// The policy as an RFC 8520 MUD file (JSON): TCP only to the device, on the declared listeners;
        /// the egress classes as from-device UDP rules; everything else denied by omission. Throws
        /// <see cref="ArgumentNullException"/> naming a null argument and
        /// <see cref="ArgumentOutOfRangeException"/> for a cache validity outside 1-168 hours.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="mudUrl">Where the MUD file is published (RFC 8520 section 3.3, "mud-url").</param>
        /// <param name="systemInfo">A short description of the device ("systeminfo").</param>
        /// <param name="lastUpdate">When the file was generated, an RFC 3339 date-time ("last-update"); passed in because the library has no wall clock.</param>
        /// <param name="cacheValidityHours">How long a controller may cache the file, 1-168 hours ("cache-validity").</param>
        /// <returns>The JSON text.</returns>
        public static string ToMudJson(GuardPolicy policy, string mudUrl, string systemInfo, string lastUpdate, int cacheValidityHours)
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(policy));

            return MudFile.Render(policy, mudUrl, systemInfo, lastUpdate, cacheValidityHours);
        }
    }
}
