using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform.Device;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace Firmware
{
    /// <summary>The README's example: a firmware that declares what it may do and lets the guard enforce it.</summary>
    public static class GuardedFirmware
    {
        /// <summary>Opens the admin listener and answers one connection.</summary>
        public static void Run()
        {
            uint router = Ipv4.FromBytes(192, 168, 1, 1);

            // What the device may send: the default protocol classes (design section 6), with NTP and
            // DNS only to the router. Anything without a class is denied.
            EgressPolicy egress = EgressPolicy.CreateDefault(new uint[] { router }, router);

            // What it may listen on: the admin page only, at most 4 connections, 16 new ones a second.
            GuardPolicy policy = new GuardPolicyBuilder(egress)
                .AddTcpListener("admin", 80, 4, RateLimit.PerSeconds(16, 16, 1))
                .Build();
            NetworkGuard guard = DeviceNetworkGuard.Create(policy, new TickCountClock());

            // There is no connect operation; asking for one is refused (OutboundTcpForbidden) and counted.
            Decision outbound = guard.RequestOutbound(EgressTransport.TcpConnect, router, 23);

            // Telnet can never be opened, declared or not (PortForbidden).
            GuardedListener telnet;
            Decision refused = guard.ListenTcp(23, out telnet);

            GuardedListener admin;
            if (guard.ListenTcp(80, out admin).IsAccepted)
            {
                IConnection connection;
                if (admin.Accept(5000, out connection).IsAccepted)
                {
                    byte[] reply = new byte[] { (byte)'o', (byte)'k' };
                    Decision sent = connection.Send(reply, 0, reply.Length); // a TCP reply, rate-limited
                    connection.Close();
                }
            }
        }
    }
}
