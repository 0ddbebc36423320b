namespace NetGuard.Diagnostics
{
    /// <summary>
    /// Why NetGuard accepted or refused something. Every decision the library makes carries one.
    /// Values are explicit and stable: they appear in logs, counters and the admin API, so a value is
    /// never reused for another meaning. Ranges group the subsystems (0x0_ general input, 0x1_ signatures
    /// and keys, 0x2_ update policy, 0x3_ egress, 0x4_ listeners and sockets, 0x5_ credentials,
    /// 0x6_ storage, 0x7_ HTTP). Use <see cref="ReasonCodeNames.Name"/> for the name: on the device
    /// <c>enum.ToString()</c> gives the number.
    /// </summary>
    public enum ReasonCode
    {
        /// <summary>The request was allowed.</summary>
        Accepted = 0x00,

        /// <summary>The input does not follow its format.</summary>
        Malformed = 0x01,

        /// <summary>The input is larger than the limit for its kind.</summary>
        TooLarge = 0x02,

        /// <summary>The input ended before its declared length.</summary>
        Truncated = 0x03,

        /// <summary>The input uses a format version this build does not understand.</summary>
        UnsupportedVersion = 0x04,

        /// <summary>The input carries a field marked critical that this build does not understand.</summary>
        UnknownCriticalField = 0x05,

        /// <summary>The operation is not allowed in the current state.</summary>
        InvalidState = 0x06,

        /// <summary>A signature does not verify against the key it names.</summary>
        SignatureInvalid = 0x10,

        /// <summary>The signing key is not in the trusted key list.</summary>
        KeyUnknown = 0x11,

        /// <summary>The signing key has been revoked.</summary>
        KeyRevoked = 0x12,

        /// <summary>The data does not match the digest that was signed.</summary>
        DigestMismatch = 0x13,

        /// <summary>The data length does not match the length that was signed.</summary>
        LengthMismatch = 0x14,

        /// <summary>The security counter is below the one already installed (anti-rollback).</summary>
        SecurityCounterRollback = 0x20,

        /// <summary>The package or announcement is for another device model.</summary>
        ModelMismatch = 0x21,

        /// <summary>The signed object is past its expiry time.</summary>
        Expired = 0x22,

        /// <summary>The signed object claims to be issued in the future.</summary>
        NotYetValid = 0x23,

        /// <summary>No update is staged.</summary>
        NothingStaged = 0x24,

        /// <summary>The update on trial failed its self-test; the previous image runs again.</summary>
        SelfTestFailed = 0x25,

        /// <summary>No fresh signed update announcement has been received.</summary>
        NoFreshAnnouncement = 0x26,

        /// <summary>The signed object is not newer than the one already held.</summary>
        NotNewer = 0x27,

        /// <summary>The update on trial never confirmed itself (a crash, power cut or restart during its trial); the previous image runs again.</summary>
        TrialNotConfirmed = 0x28,

        /// <summary>The packet is refused because its protocol class has used up its budget.</summary>
        RateLimited = 0x30,

        /// <summary>The packet matches no declared protocol class: undeclared traffic is denied.</summary>
        NoProtocolClass = 0x31,

        /// <summary>The destination is not one of the addresses its protocol class allows.</summary>
        DestinationNotAllowed = 0x32,

        /// <summary>Too many new distinct destinations in the current window.</summary>
        FanOutExceeded = 0x33,

        /// <summary>The device never initiates an outbound TCP connection.</summary>
        OutboundTcpForbidden = 0x34,

        /// <summary>The transport (raw IP, ICMP, ...) is never allowed.</summary>
        TransportNotAllowed = 0x35,

        /// <summary>The port was not declared in the policy.</summary>
        PortNotDeclared = 0x40,

        /// <summary>The port can never be used (telnet 23 and 2323, Mirai's scan targets).</summary>
        PortForbidden = 0x41,

        /// <summary>The listener already has its maximum number of connections.</summary>
        ConnectionLimit = 0x42,

        /// <summary>Connections arrive faster than the listener's accept rate.</summary>
        AcceptRateLimited = 0x43,

        /// <summary>The platform refused to bind the port.</summary>
        BindFailed = 0x44,

        /// <summary>The peer reset the connection.</summary>
        ConnectionReset = 0x45,

        /// <summary>The operation did not complete in time.</summary>
        TimedOut = 0x46,

        /// <summary>The socket or connection is already closed.</summary>
        Closed = 0x47,

        /// <summary>The platform socket layer reported another error.</summary>
        SocketError = 0x48,

        /// <summary>A connection that had not sent a complete request yet was closed to admit a new one at the listener's cap.</summary>
        ConnectionDisplaced = 0x49,

        /// <summary>A request head arrived slower than the server's minimum rate.</summary>
        HeadTooSlow = 0x4A,

        /// <summary>The owner has not set a password yet; only setup is allowed.</summary>
        SetupRequired = 0x50,

        /// <summary>Setup was already completed.</summary>
        SetupAlreadyDone = 0x51,

        /// <summary>The setup code is wrong.</summary>
        SetupCodeInvalid = 0x52,

        /// <summary>The password is wrong.</summary>
        PasswordInvalid = 0x53,

        /// <summary>The new password is shorter than the minimum length.</summary>
        PasswordTooShort = 0x54,

        /// <summary>The new password is longer than the maximum length.</summary>
        PasswordTooLong = 0x55,

        /// <summary>The new password is in the list of common or breached passwords.</summary>
        PasswordCommon = 0x56,

        /// <summary>The new password is a word tied to this device (model, vendor, setup code, ...).</summary>
        PasswordContextWord = 0x57,

        /// <summary>Too many failed attempts: wait before trying again.</summary>
        Throttled = 0x58,

        /// <summary>No valid session token was presented.</summary>
        Unauthorized = 0x59,

        /// <summary>The session token has expired.</summary>
        SessionExpired = 0x5A,

        /// <summary>The new password is the same as the current one.</summary>
        PasswordUnchanged = 0x5B,

        /// <summary>The stored record is unreadable (checksum or format).</summary>
        StorageCorrupt = 0x60,

        /// <summary>The record could not be written.</summary>
        StorageWriteFailed = 0x61,

        /// <summary>No such record exists.</summary>
        NotFound = 0x62,

        /// <summary>The route exists but not for this HTTP method.</summary>
        MethodNotAllowed = 0x70,

        /// <summary>The request headers are too large or too many.</summary>
        HeadersTooLarge = 0x71,

        /// <summary>The request needs a Content-Length.</summary>
        LengthRequired = 0x72,

        /// <summary>The body's media type is not accepted by the route.</summary>
        UnsupportedMediaType = 0x73,

        /// <summary>The HTTP version is not supported.</summary>
        HttpVersionNotSupported = 0x74,

        /// <summary>The server is at its connection limit.</summary>
        ServerBusy = 0x75,
    }
}
