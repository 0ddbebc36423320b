namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Names of <see cref="ReasonCode"/> values. nanoFramework's <c>enum.ToString()</c> returns the number,
    /// so the admin API and logs use this table instead. A host test checks it against the enum.
    /// </summary>
    public static class ReasonCodeNames
    {
        /// <summary>
        /// Returns the name of <paramref name="code"/> (for example <c>"RateLimited"</c>), or
        /// <c>"Unknown"</c> followed by the number for a value this build does not define.
        /// </summary>
        /// <param name="code">The reason code.</param>
        /// <returns>The name; never null.</returns>
        public static string Name(ReasonCode code)
        {
            switch (code)
            {
                case ReasonCode.Accepted: return "Accepted";
                case ReasonCode.Malformed: return "Malformed";
                case ReasonCode.TooLarge: return "TooLarge";
                case ReasonCode.Truncated: return "Truncated";
                case ReasonCode.UnsupportedVersion: return "UnsupportedVersion";
                case ReasonCode.UnknownCriticalField: return "UnknownCriticalField";
                case ReasonCode.InvalidState: return "InvalidState";
                case ReasonCode.SignatureInvalid: return "SignatureInvalid";
                case ReasonCode.KeyUnknown: return "KeyUnknown";
                case ReasonCode.KeyRevoked: return "KeyRevoked";
                case ReasonCode.DigestMismatch: return "DigestMismatch";
                case ReasonCode.LengthMismatch: return "LengthMismatch";
                case ReasonCode.SecurityCounterRollback: return "SecurityCounterRollback";
                case ReasonCode.ModelMismatch: return "ModelMismatch";
                case ReasonCode.Expired: return "Expired";
                case ReasonCode.NotYetValid: return "NotYetValid";
                case ReasonCode.NothingStaged: return "NothingStaged";
                case ReasonCode.SelfTestFailed: return "SelfTestFailed";
                case ReasonCode.NoFreshAnnouncement: return "NoFreshAnnouncement";
                case ReasonCode.NotNewer: return "NotNewer";
                case ReasonCode.TrialNotConfirmed: return "TrialNotConfirmed";
                case ReasonCode.RateLimited: return "RateLimited";
                case ReasonCode.NoProtocolClass: return "NoProtocolClass";
                case ReasonCode.DestinationNotAllowed: return "DestinationNotAllowed";
                case ReasonCode.FanOutExceeded: return "FanOutExceeded";
                case ReasonCode.OutboundTcpForbidden: return "OutboundTcpForbidden";
                case ReasonCode.TransportNotAllowed: return "TransportNotAllowed";
                case ReasonCode.PortNotDeclared: return "PortNotDeclared";
                case ReasonCode.PortForbidden: return "PortForbidden";
                case ReasonCode.ConnectionLimit: return "ConnectionLimit";
                case ReasonCode.AcceptRateLimited: return "AcceptRateLimited";
                case ReasonCode.BindFailed: return "BindFailed";
                case ReasonCode.ConnectionReset: return "ConnectionReset";
                case ReasonCode.TimedOut: return "TimedOut";
                case ReasonCode.Closed: return "Closed";
                case ReasonCode.SocketError: return "SocketError";
                case ReasonCode.ConnectionDisplaced: return "ConnectionDisplaced";
                case ReasonCode.HeadTooSlow: return "HeadTooSlow";
                case ReasonCode.SetupRequired: return "SetupRequired";
                case ReasonCode.SetupAlreadyDone: return "SetupAlreadyDone";
                case ReasonCode.SetupCodeInvalid: return "SetupCodeInvalid";
                case ReasonCode.PasswordInvalid: return "PasswordInvalid";
                case ReasonCode.PasswordTooShort: return "PasswordTooShort";
                case ReasonCode.PasswordTooLong: return "PasswordTooLong";
                case ReasonCode.PasswordCommon: return "PasswordCommon";
                case ReasonCode.PasswordContextWord: return "PasswordContextWord";
                case ReasonCode.Throttled: return "Throttled";
                case ReasonCode.Unauthorized: return "Unauthorized";
                case ReasonCode.SessionExpired: return "SessionExpired";
                case ReasonCode.PasswordUnchanged: return "PasswordUnchanged";
                case ReasonCode.StorageCorrupt: return "StorageCorrupt";
                case ReasonCode.StorageWriteFailed: return "StorageWriteFailed";
                case ReasonCode.NotFound: return "NotFound";
                case ReasonCode.MethodNotAllowed: return "MethodNotAllowed";
                case ReasonCode.HeadersTooLarge: return "HeadersTooLarge";
                case ReasonCode.LengthRequired: return "LengthRequired";
                case ReasonCode.UnsupportedMediaType: return "UnsupportedMediaType";
                case ReasonCode.HttpVersionNotSupported: return "HttpVersionNotSupported";
                case ReasonCode.ServerBusy: return "ServerBusy";
                default: return "Unknown" + ((int)code).ToString();
            }
        }

        /// <summary>
        /// Finds the reason code with the given name (case-sensitive). Returns false for any other string.
        /// </summary>
        /// <param name="name">A name as returned by <see cref="Name"/>.</param>
        /// <param name="code">The code, or <see cref="ReasonCode.Malformed"/> when not found.</param>
        /// <returns>True when <paramref name="name"/> names a defined code.</returns>
        public static bool TryParse(string name, out ReasonCode code)
        {
            code = ReasonCode.Malformed;
            if (name == null)
            {
                return false;
            }

            for (int value = 0; value <= LastValue; value++)
            {
                ReasonCode candidate = (ReasonCode)value;
                string candidateName = Name(candidate);
                if (candidateName == name && !IsUnknownName(candidateName))
                {
                    code = candidate;
                    return true;
                }
            }

            return false;
        }

        // The highest value any defined code uses; TryParse scans up to it.
        private const int LastValue = 0xFF;

        private static bool IsUnknownName(string name)
        {
            if (name.Length <= 7 || !name.StartsWith("Unknown"))
            {
                return false;
            }

            char digit = name.ToCharArray(7, 1)[0];
            return digit >= '0' && digit <= '9';
        }
    }
}
