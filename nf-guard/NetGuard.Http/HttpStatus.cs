using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    /// <summary>
    /// The one table from <see cref="ReasonCode"/> to HTTP status (design.md section 4), and the reason
    /// phrases of the statuses the server sends (RFC 9110 section 15).
    /// </summary>
    public static class HttpStatus
    {
        /// <summary>
        /// The status for an answer carrying <paramref name="reason"/>: 200 for Accepted, 4xx for what
        /// the client can fix or must wait for, 5xx for the device's own trouble.
        /// </summary>
        /// <param name="reason">The reason code.</param>
        /// <returns>The HTTP status code.</returns>
        public static int ForReason(ReasonCode reason)
        {
            switch (reason)
            {
                case ReasonCode.Accepted:
                    return 200;

                // 400: the request or the uploaded package is wrong in itself.
                case ReasonCode.Malformed:
                case ReasonCode.Truncated:
                case ReasonCode.UnsupportedVersion:
                case ReasonCode.UnknownCriticalField:
                case ReasonCode.SignatureInvalid:
                case ReasonCode.KeyUnknown:
                case ReasonCode.KeyRevoked:
                case ReasonCode.DigestMismatch:
                case ReasonCode.LengthMismatch:
                case ReasonCode.ModelMismatch:
                case ReasonCode.Expired:
                case ReasonCode.NotYetValid:
                case ReasonCode.PasswordTooShort:
                case ReasonCode.PasswordTooLong:
                case ReasonCode.PasswordCommon:
                case ReasonCode.PasswordContextWord:
                case ReasonCode.PasswordUnchanged:
                    return 400;

                // 401: who you are is not established (RFC 9110 15.5.2; the server adds WWW-Authenticate).
                case ReasonCode.Unauthorized:
                case ReasonCode.SessionExpired:
                case ReasonCode.PasswordInvalid:
                    return 401;

                // 403: refused whoever you are, until the device's state changes.
                case ReasonCode.SetupRequired:
                case ReasonCode.SetupCodeInvalid:
                    return 403;

                case ReasonCode.NotFound:
                    return 404;
                case ReasonCode.MethodNotAllowed:
                    return 405;
                case ReasonCode.TimedOut:
                    return 408;

                // 409: valid, but conflicts with the device's state.
                case ReasonCode.InvalidState:
                case ReasonCode.SetupAlreadyDone:
                case ReasonCode.SecurityCounterRollback:
                case ReasonCode.NotNewer:
                case ReasonCode.NothingStaged:
                case ReasonCode.SelfTestFailed:
                case ReasonCode.NoFreshAnnouncement:
                    return 409;

                case ReasonCode.LengthRequired:
                    return 411;
                case ReasonCode.TooLarge:
                    return 413;
                case ReasonCode.UnsupportedMediaType:
                    return 415;

                // 429: wait (the response carries Retry-After).
                case ReasonCode.Throttled:
                case ReasonCode.RateLimited:
                case ReasonCode.AcceptRateLimited:
                    return 429;

                case ReasonCode.HeadersTooLarge:
                    return 431;

                case ReasonCode.ServerBusy:
                case ReasonCode.ConnectionLimit:
                    return 503;
                case ReasonCode.HttpVersionNotSupported:
                    return 505;

                default:
                    return 500;
            }
        }

        /// <summary>The reason phrase for <paramref name="status"/> (RFC 9110 section 15), "Error" if unknown.</summary>
        /// <param name="status">An HTTP status code.</param>
        /// <returns>The phrase.</returns>
        public static string Phrase(int status)
        {
            switch (status)
            {
                case 100: return "Continue";
                case 200: return "OK";
                case 204: return "No Content";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 406: return "Not Acceptable";
                case 408: return "Request Timeout";
                case 409: return "Conflict";
                case 411: return "Length Required";
                case 413: return "Content Too Large";
                case 414: return "URI Too Long";
                case 415: return "Unsupported Media Type";
                case 429: return "Too Many Requests";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 503: return "Service Unavailable";
                case 505: return "HTTP Version Not Supported";
                default: return "Error";
            }
        }
    }
}
