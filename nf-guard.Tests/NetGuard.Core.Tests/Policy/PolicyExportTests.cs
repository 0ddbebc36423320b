using System;
using nanoFramework.TestFramework;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.Tests.Policy
{
    [TestClass]
    public class PolicyExportTests
    {
        private static string Mud(GuardPolicy policy)
        {
            return policy.ToMudJson("https://example.com/netguard/socket.json", "NetGuard smart socket", "2026-11-24T00:00:00Z", 48);
        }

        [TestMethod]
        public void ToDeclarationJson_ListsListenersClassesAndDenials()
        {
            string json = NetworkTestKit.Policy().ToDeclarationJson();

            Assert.IsTrue(json.StartsWith("{\"format\":\"netguard-declaration/1\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"denied\":[\"tcp-connect-out\",\"raw-ip\",\"icmp\",\"undeclared-udp\",\"undeclared-listener\"]"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"forbiddenPorts\":[23,2323]"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"admin\",\"transport\":\"tcp\",\"port\":80,\"maxConnections\":2,\"acceptRate\":{\"capacity\":3,\"tokensPerPeriod\":1,\"periodTicks\":100000000}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"mdns\",\"transport\":\"udp\",\"port\":5353}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"DNS\",\"transport\":\"udp\",\"ports\":[53],\"destinations\":[\"192.168.1.1\"],\"packets\":{\"capacity\":10,"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"name\":\"NTP\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"updateCheck\":{\"name\":\"UpdateCheck\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"tcpReply\":{\"perConnectionBytes\":{\"capacity\":65536,"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"fanOut\":{\"maxNewDestinations\":16,"), json);
            Assert.IsTrue(json.EndsWith("}}"), json);
        }

        [TestMethod]
        public void ToDeclarationJson_WithoutUpdateCheckWritesNull()
        {
            EgressPolicy egress = new EgressPolicyBuilder(new uint[0], NetworkTestKit.Resolver).DisableUpdateCheck().Build();
            string json = new GuardPolicyBuilder(egress).Build().ToDeclarationJson();

            Assert.IsTrue(NetworkTestKit.Contains(json, "\"updateCheck\":null"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"listeners\":[]"), json);
            Assert.IsFalse(NetworkTestKit.Contains(json, "\"NTP\""), json);
        }

        [TestMethod]
        public void ToDeclarationJson_EscapesQuotesBackslashesAndControlCharacters()
        {
            GuardPolicy policy = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[0], NetworkTestKit.Resolver))
                .AddTcpListener("a\"b\\c\nd", 80, 1, RateLimit.PerSeconds(1, 1, 1))
                .Build();

            Assert.IsTrue(NetworkTestKit.Contains(policy.ToDeclarationJson(), "\"name\":\"a\\\"b\\\\c\\u000ad\""), policy.ToDeclarationJson());
        }

        [TestMethod]
        public void ToMudJson_HasTheRfc8520Containers()
        {
            string json = Mud(NetworkTestKit.Policy());

            Assert.IsTrue(json.StartsWith("{\"ietf-mud:mud\":{\"mud-version\":1,\"mud-url\":\"https://example.com/netguard/socket.json\",\"last-update\":\"2026-11-24T00:00:00Z\",\"cache-validity\":48,\"is-supported\":true,\"systeminfo\":\"NetGuard smart socket\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"from-device-policy\":{\"access-lists\":{\"access-list\":[{\"name\":\"from-ipv4-netguard\"}]}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"to-device-policy\":{\"access-lists\":{\"access-list\":[{\"name\":\"to-ipv4-netguard\"}]}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"ietf-access-control-list:acls\":{\"acl\":[{\"name\":\"from-ipv4-netguard\",\"type\":\"ipv4-acl-type\",\"aces\":{\"ace\":["), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"to-ipv4-netguard\",\"type\":\"ipv4-acl-type\""), json);
        }

        [TestMethod]
        public void ToMudJson_TcpOnlyToDeviceOnDeclaredListeners()
        {
            string json = Mud(NetworkTestKit.Policy());

            // One TCP listener: one rule each way, both initiated to-device; never from-device.
            Assert.AreEqual(2, NetworkTestKit.Occurrences(json, "\"ietf-mud:direction-initiated\":\"to-device\""));
            Assert.AreEqual(0, NetworkTestKit.Occurrences(json, "\"direction-initiated\":\"from-device\""));
            Assert.AreEqual(2, NetworkTestKit.Occurrences(json, "\"protocol\":6"));
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"to-listener-admin\",\"matches\":{\"ipv4\":{\"protocol\":6},\"tcp\":{\"ietf-mud:direction-initiated\":\"to-device\",\"destination-port\":{\"operator\":\"eq\",\"port\":80}}},\"actions\":{\"forwarding\":\"accept\"}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"from-listener-admin\",\"matches\":{\"ipv4\":{\"protocol\":6},\"tcp\":{\"ietf-mud:direction-initiated\":\"to-device\",\"source-port\":{\"operator\":\"eq\",\"port\":80}}}"), json);
        }

        [TestMethod]
        public void ToMudJson_EgressClassesAreFromDeviceUdpToTheirDestinations()
        {
            string json = Mud(NetworkTestKit.Policy());

            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"from-DNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17,\"destination-ipv4-network\":\"192.168.1.1/32\"},\"udp\":{\"destination-port\":{\"operator\":\"eq\",\"port\":53}}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"to-DNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17,\"source-ipv4-network\":\"192.168.1.1/32\"},\"udp\":{\"source-port\":{\"operator\":\"eq\",\"port\":53}}}"), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"destination-ipv4-network\":\"224.0.0.251/32\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "{\"name\":\"to-mDNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17},\"udp\":{\"source-port\":{\"operator\":\"eq\",\"port\":5353}}}"), json);
            Assert.IsFalse(NetworkTestKit.Contains(json, "\"source-ipv4-network\":\"224.0.0.251/32\""), json);
            Assert.IsFalse(NetworkTestKit.Contains(json, "\"source-ipv4-network\":\"255.255.255.255/32\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"destination-ipv4-network\":\"255.255.255.255/32\""), json);
            Assert.IsTrue(NetworkTestKit.Contains(json, "\"from-UpdateCheck-0-0\""), json);
            Assert.IsFalse(NetworkTestKit.Contains(json, "SSDP"), json);
        }

        [TestMethod]
        public void ToMudJson_RefusesMissingFieldsAndBadCacheValidity()
        {
            GuardPolicy policy = NetworkTestKit.Policy();

            Assert.ThrowsException(typeof(ArgumentNullException), () => policy.ToMudJson(null, "s", "t", 48));
            Assert.ThrowsException(typeof(ArgumentNullException), () => policy.ToMudJson("u", null, "t", 48));
            Assert.ThrowsException(typeof(ArgumentNullException), () => policy.ToMudJson("u", "s", null, 48));
            NetworkTestKit.ThrowsOutOfRange("cacheValidityHours", () => policy.ToMudJson("u", "s", "t", 0));
            NetworkTestKit.ThrowsOutOfRange("cacheValidityHours", () => policy.ToMudJson("u", "s", "t", 169));
            Assert.IsTrue(policy.ToMudJson("u", "s", "t", 168).Length > 0);
        }
    }
}
