using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Policy.Tests
{
    [TestClass]
    public class GuardPolicyTests
    {
        private static EgressPolicy Egress()
        {
            return EgressPolicy.CreateDefault(new uint[] { NetworkTestKit.NtpServer }, NetworkTestKit.Resolver);
        }

        private static RateLimit Rate()
        {
            return RateLimit.PerSeconds(4, 1, 1);
        }

        [TestMethod]
        public void Build_KeepsDeclaredListenersInOrder()
        {
            GuardPolicy policy = NetworkTestKit.Policy();

            Assert.AreEqual(2, policy.ListenerCount);
            ListenerDeclaration admin = policy.GetListener(0);
            Assert.AreEqual("admin", admin.Name);
            Assert.AreEqual(80, admin.Port);
            Assert.AreEqual((object)ListenerTransport.Tcp, (object)admin.Transport);
            Assert.AreEqual(2, admin.MaxConnections);
            Assert.AreEqual(3L, admin.AcceptRate.Capacity);
            ListenerDeclaration mdns = policy.GetListener(1);
            Assert.AreEqual((object)ListenerTransport.Udp, (object)mdns.Transport);
            Assert.AreEqual(0, mdns.MaxConnections);
            Assert.IsNull(mdns.AcceptRate);
            Assert.AreEqual(GuardPolicy.DefaultMaxDatagramBytes, policy.MaxDatagramBytes);
        }

        [TestMethod]
        public void AddTcpListener_RefusesTelnetPorts_PortForbidden()
        {
            int[] forbidden = new int[] { 23, 2323 };
            for (int i = 0; i < forbidden.Length; i++)
            {
                int port = forbidden[i];
                GuardPolicyBuilder builder = new GuardPolicyBuilder(Egress());
                bool thrown = false;
                try
                {
                    builder.AddTcpListener("telnet", port, 1, Rate());
                }
                catch (ArgumentOutOfRangeException e)
                {
                    thrown = true;
                    Assert.AreEqual("port", e.ParamName);
                    Assert.IsTrue(e.Message.StartsWith("PortForbidden"), e.Message);
                }

                Assert.IsTrue(thrown, "port " + port.ToString() + " was declared");
                Assert.AreEqual(0, builder.Build().ListenerCount);
            }
        }

        [TestMethod]
        public void AddUdpListener_RefusesTelnetPorts()
        {
            NetworkTestKit.ThrowsOutOfRange("port", () => new GuardPolicyBuilder(Egress()).AddUdpListener("t", 23));
            NetworkTestKit.ThrowsOutOfRange("port", () => new GuardPolicyBuilder(Egress()).AddUdpListener("t", 2323));
        }

        [TestMethod]
        public void AddTcpListener_NeighboursOfTelnetPortsAreAllowed()
        {
            GuardPolicy policy = new GuardPolicyBuilder(Egress())
                .AddTcpListener("a", 22, 1, Rate())
                .AddTcpListener("b", 24, 1, Rate())
                .AddTcpListener("c", 2322, 1, Rate())
                .AddTcpListener("d", 2324, 1, Rate())
                .Build();

            Assert.AreEqual(4, policy.ListenerCount);
        }

        [TestMethod]
        public void AddTcpListener_RefusesPortsOutOfRange()
        {
            NetworkTestKit.ThrowsOutOfRange("port", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 0, 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("port", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 65536, 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("port", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", -1, 1, Rate()));
        }

        [TestMethod]
        public void AddTcpListener_RefusesSamePortTwiceButAllowsItForUdp()
        {
            GuardPolicyBuilder builder = new GuardPolicyBuilder(Egress()).AddTcpListener("a", 8080, 1, Rate());

            NetworkTestKit.ThrowsOutOfRange("port", () => builder.AddTcpListener("b", 8080, 1, Rate()));
            builder.AddUdpListener("c", 8080);
            Assert.AreEqual(2, builder.Build().ListenerCount);
        }

        [TestMethod]
        public void AddTcpListener_RefusesBadConnectionCountsNamesAndRate()
        {
            NetworkTestKit.ThrowsOutOfRange("maxConnections", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 80, 0, Rate()));
            NetworkTestKit.ThrowsOutOfRange("maxConnections", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 80, GuardPolicy.MaxConnectionsPerListener + 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("name", () => new GuardPolicyBuilder(Egress()).AddTcpListener(string.Empty, 80, 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("name", () => new GuardPolicyBuilder(Egress()).AddTcpListener("abcdefghijklmnopqrstuvwxyz0123456", 80, 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("name", () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 80, 1, Rate()).AddUdpListener("a", 81));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new GuardPolicyBuilder(Egress()).AddTcpListener(null, 80, 1, Rate()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new GuardPolicyBuilder(Egress()).AddTcpListener("a", 80, 1, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new GuardPolicyBuilder(null));
        }

        [TestMethod]
        public void AddTcpListener_RefusesMoreThanMaxListeners()
        {
            GuardPolicyBuilder builder = new GuardPolicyBuilder(Egress());
            for (int i = 0; i < GuardPolicy.MaxListeners; i++)
            {
                builder.AddTcpListener("l" + i.ToString(), 1000 + i, 1, Rate());
            }

            NetworkTestKit.ThrowsOutOfRange("port", () => builder.AddTcpListener("extra", 2000, 1, Rate()));
            Assert.AreEqual(GuardPolicy.MaxListeners, builder.Build().ListenerCount);
        }

        [TestMethod]
        public void AddTcpListener_RefusesMoreSocketsThanLwipHas()
        {
            // 1 + 12 sockets, then 1 + 2 = 16: full; one more connection or endpoint does not fit.
            GuardPolicyBuilder builder = new GuardPolicyBuilder(Egress())
                .AddTcpListener("big", 80, 12, Rate())
                .AddTcpListener("small", 81, 2, Rate());

            NetworkTestKit.ThrowsOutOfRange("maxConnections", () => builder.AddTcpListener("extra", 82, 1, Rate()));
            NetworkTestKit.ThrowsOutOfRange("port", () => builder.AddUdpListener("mdns", 5353));
            Assert.AreEqual(2, builder.Build().ListenerCount);
            GuardPolicy twin = new GuardPolicyBuilder(Egress()).AddTcpListener("big", 80, 12, Rate()).AddTcpListener("small", 81, 1, Rate()).AddUdpListener("mdns", 5353).Build();
            Assert.AreEqual(3, twin.ListenerCount);
        }

        [TestMethod]
        public void Build_IsNotChangedByLaterBuilderCalls()
        {
            GuardPolicyBuilder builder = new GuardPolicyBuilder(Egress()).AddTcpListener("a", 80, 1, Rate());
            GuardPolicy first = builder.Build();

            builder.AddTcpListener("b", 81, 1, Rate()).SetMaxDatagramBytes(512);

            Assert.AreEqual(1, first.ListenerCount);
            Assert.AreEqual(GuardPolicy.DefaultMaxDatagramBytes, first.MaxDatagramBytes);
            Assert.AreEqual(2, builder.Build().ListenerCount);
        }

        [TestMethod]
        public void SetMaxDatagramBytes_AcceptsOneTo65507Only()
        {
            Assert.AreEqual(1, new GuardPolicyBuilder(Egress()).SetMaxDatagramBytes(1).Build().MaxDatagramBytes);
            Assert.AreEqual(65507, new GuardPolicyBuilder(Egress()).SetMaxDatagramBytes(65507).Build().MaxDatagramBytes);
            NetworkTestKit.ThrowsOutOfRange("bytes", () => new GuardPolicyBuilder(Egress()).SetMaxDatagramBytes(0));
            NetworkTestKit.ThrowsOutOfRange("bytes", () => new GuardPolicyBuilder(Egress()).SetMaxDatagramBytes(65508));
        }

        [TestMethod]
        public void CheckListen_ForbiddenBeforeDeclaredThenAccepted()
        {
            GuardPolicy policy = NetworkTestKit.Policy();

            NetworkTestKit.AssertRefused(ReasonCode.PortForbidden, policy.CheckListen(23, ListenerTransport.Tcp));
            NetworkTestKit.AssertRefused(ReasonCode.PortForbidden, policy.CheckListen(2323, ListenerTransport.Tcp));
            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, policy.CheckListen(8080, ListenerTransport.Tcp));
            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, policy.CheckListen(80, ListenerTransport.Udp));
            NetworkTestKit.AssertRefused(ReasonCode.PortNotDeclared, policy.CheckListen(5353, ListenerTransport.Tcp));
            Assert.IsTrue(policy.CheckListen(80, ListenerTransport.Tcp).IsAccepted);
            Assert.IsTrue(policy.CheckListen(5353, ListenerTransport.Udp).IsAccepted);
        }

        [TestMethod]
        public void IsForbiddenPort_OnlyTelnetPorts()
        {
            Assert.IsTrue(GuardPolicy.IsForbiddenPort(23));
            Assert.IsTrue(GuardPolicy.IsForbiddenPort(2323));
            Assert.IsFalse(GuardPolicy.IsForbiddenPort(22));
            Assert.IsFalse(GuardPolicy.IsForbiddenPort(80));
            Assert.IsFalse(GuardPolicy.IsForbiddenPort(0));
        }
    }
}
