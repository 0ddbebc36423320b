using System;

namespace NetGuard
{
    // The library's one check of a port a caller names (a listener's, a resolver's, a class's): 1 to 65535, else
    // ArgumentOutOfRangeException naming the parameter or option. Not public API: the other layers see it as friends.
    // (The guard's own open calls also allow 0, an ephemeral UDP port, and check that themselves.)
    internal static class PortNumber
    {
        internal static void Check(int port, string name)
        {
            if (port < 1 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(name, "A port is 1 to 65535.");
            }
        }
    }
}
