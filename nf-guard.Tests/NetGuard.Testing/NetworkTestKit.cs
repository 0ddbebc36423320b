using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Policy;
using NetGuard.RateLimiting;

namespace NetGuard.Testing
{
    /// <summary>Shared arrangements for the network guard tests: a policy, a fake layer, a manual clock.</summary>
    public static class NetworkTestKit
    {
        public const long Second = 10000000;
        public const uint Resolver = 0xC0A80101;   // 192.168.1.1
        public const uint NtpServer = 0xC0A80102;  // 192.168.1.2
        public const uint Peer = 0xC0A80164;       // 192.168.1.100
        public const uint Peer2 = 0xC0A80165;      // 192.168.1.101
        public const uint Peer3 = 0xC0A80166;      // 192.168.1.102
        public const int AdminPort = 80;
        public const int MdnsPort = 5353;
        public const int AdminMaxConnections = 2;

        /// <summary>Admin TCP 80 (2 connections, accept burst 3, 1 per 10 s) and mDNS UDP 5353.</summary>
        public static GuardPolicy Policy()
        {
            return new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[] { NtpServer }, Resolver))
                .AddTcpListener("admin", AdminPort, AdminMaxConnections, RateLimit.PerSeconds(3, 1, 10))
                .AddUdpListener("mdns", MdnsPort)
                .Build();
        }

        public static NetworkGuard Guard(FakeSocketLayer layer, ManualClock clock)
        {
            return new NetworkGuard(Policy(), layer, clock);
        }

        public static GuardedListener Listen(NetworkGuard guard)
        {
            GuardedListener listener;
            Decision decision = guard.ListenTcp(AdminPort, out listener);
            Assert.IsTrue(decision.IsAccepted, "listen: " + decision.ToString());
            return listener;
        }

        public static IConnection AcceptOne(NetworkGuard guard, FakeSocketLayer layer, GuardedListener listener, out FakeStreamSocket socket)
        {
            return AcceptOne(guard, layer, listener, Peer, out socket);
        }

        /// <summary>Accepts one connection from <paramref name="peer"/> (each address has its own share of the accept rate).</summary>
        public static IConnection AcceptOne(NetworkGuard guard, FakeSocketLayer layer, GuardedListener listener, uint peer, out FakeStreamSocket socket)
        {
            socket = layer.LastListener.Enqueue(peer, 50000);
            IConnection connection;
            Decision decision = listener.Accept(10, out connection);
            Assert.IsTrue(decision.IsAccepted, "accept: " + decision.ToString());
            return connection;
        }

        public static GuardedDatagramChannel OpenUdp(NetworkGuard guard, int port)
        {
            GuardedDatagramChannel channel;
            Decision decision = guard.OpenUdp(port, out channel);
            Assert.IsTrue(decision.IsAccepted, "open udp: " + decision.ToString());
            return channel;
        }

        public static void AssertRefused(ReasonCode expected, Decision decision)
        {
            Assert.IsFalse(decision.IsAccepted, "expected a refusal with " + ReasonCodeNames.Name(expected));
            Assert.AreEqual(ReasonCodeNames.Name(expected), ReasonCodeNames.Name(decision.Reason));
        }

        /// <summary>Asserts that <paramref name="action"/> throws ArgumentOutOfRangeException naming <paramref name="paramName"/>.</summary>
        public static void ThrowsOutOfRange(string paramName, Action action)
        {
            ThrowsArgument(typeof(ArgumentOutOfRangeException), paramName, action);
        }

        /// <summary>Asserts that <paramref name="action"/> throws ArgumentNullException naming <paramref name="paramName"/>.</summary>
        public static void ThrowsNull(string paramName, Action action)
        {
            ThrowsArgument(typeof(ArgumentNullException), paramName, action);
        }

        private static void ThrowsArgument(Type expected, string paramName, Action action)
        {
            bool thrown = false;
            try
            {
                action();
            }
            catch (ArgumentException e)
            {
                thrown = true;
                Assert.AreEqual(expected.Name, e.GetType().Name, "wrong exception for " + paramName);
                Assert.AreEqual(paramName, e.ParamName, "wrong parameter named");
            }

            Assert.IsTrue(thrown, "expected " + expected.Name + " for " + paramName);
        }

        /// <summary>True when <paramref name="text"/> contains <paramref name="part"/>.</summary>
        public static bool Contains(string text, string part)
        {
            return text.IndexOf(part) >= 0;
        }

        /// <summary>How many times <paramref name="part"/> occurs in <paramref name="text"/>.</summary>
        public static int Occurrences(string text, string part)
        {
            int count = 0;
            int at = text.IndexOf(part);
            while (at >= 0)
            {
                count++;
                at = text.IndexOf(part, at + part.Length);
            }

            return count;
        }
    }
}
