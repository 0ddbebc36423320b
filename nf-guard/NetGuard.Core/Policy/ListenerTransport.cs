namespace NetGuard.Policy
{
    /// <summary>
    /// The transport of a declared listener. Values are explicit and stable: they appear in the policy
    /// declaration and the MUD file.
    /// </summary>
    public enum ListenerTransport
    {
        /// <summary>A TCP listener: peers open connections to the device, the device never opens one.</summary>
        Tcp = 1,

        /// <summary>A UDP endpoint bound to a fixed local port (for example mDNS on 5353).</summary>
        Udp = 2,
    }
}
