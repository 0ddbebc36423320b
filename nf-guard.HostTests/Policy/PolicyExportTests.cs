using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.HostTests.Policy
{
    /// <summary>The policy exports (host build only): NetGuard's declaration and the RFC 8520 MUD file.</summary>
    public class PolicyExportTests
    {
        private static string Mud(GuardPolicy policy)
        {
            return PolicyExport.ToMudJson(policy, "https://example.com/netguard/socket.json", "NetGuard smart socket", "2026-11-24T00:00:00Z", 48);
        }

        [Fact]
        public void ToDeclarationJson_ListsListenersClassesAndDenials()
        {
            string json = PolicyExport.ToDeclarationJson(NetworkTestKit.Policy());

            Assert.True(json.StartsWith("{\"format\":\"netguard-declaration/1\""), json);
            Assert.True(json.Contains("\"denied\":[\"tcp-connect-out\",\"raw-ip\",\"icmp\",\"undeclared-udp\",\"undeclared-listener\"]"), json);
            Assert.True(json.Contains("\"forbiddenPorts\":[23,2323]"), json);
            Assert.True(json.Contains("{\"name\":\"admin\",\"transport\":\"tcp\",\"port\":80,\"maxConnections\":2,\"acceptRate\":{\"capacity\":3,\"tokensPerPeriod\":1,\"periodTicks\":100000000}}"), json);
            Assert.True(json.Contains("{\"name\":\"mdns\",\"transport\":\"udp\",\"port\":5353}"), json);
            Assert.True(json.Contains("{\"name\":\"DNS\",\"transport\":\"udp\",\"ports\":[53],\"destinations\":[\"192.168.1.1\"],\"packets\":{\"capacity\":10,"), json);
            Assert.True(json.Contains("\"name\":\"NTP\""), json);
            Assert.True(json.Contains("\"updateCheck\":{\"name\":\"UpdateCheck\""), json);
            Assert.True(json.Contains("\"tcpReply\":{\"perConnectionBytes\":{\"capacity\":65536,"), json);
            Assert.True(json.Contains("\"fanOut\":{\"maxNewDestinations\":16,"), json);
            Assert.True(json.EndsWith("}}"), json);
        }

        [Fact]
        public void ToDeclarationJson_WithoutUpdateCheckWritesNull()
        {
            EgressPolicy egress = new EgressPolicyBuilder(new uint[0], NetworkTestKit.Resolver).DisableUpdateCheck().Build();
            string json = PolicyExport.ToDeclarationJson(new GuardPolicyBuilder(egress).Build());

            Assert.True(json.Contains("\"updateCheck\":null"), json);
            Assert.True(json.Contains("\"listeners\":[]"), json);
            Assert.False(json.Contains("\"NTP\""), json);
        }

        [Fact]
        public void ToDeclarationJson_EscapesQuotesBackslashesAndControlCharacters()
        {
            GuardPolicy policy = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[0], NetworkTestKit.Resolver))
                .AddTcpListener("a\"b\\c\nd", 80, 1, RateLimit.PerSeconds(1, 1, 1))
                .Build();

            string json = PolicyExport.ToDeclarationJson(policy);

            // Valid JSON whose listener name reads back exactly; no raw control character in the text.
            using var document = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal("a\"b\\c\nd", document.RootElement.GetProperty("listeners")[0].GetProperty("name").GetString());
            Assert.DoesNotContain('\n', json);
        }

        [Fact]
        public void ToMudJson_KeepsUrlsOffsetsAndNonAsciiAsWritten()
        {
            GuardPolicy policy = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[0], NetworkTestKit.Resolver))
                .AddTcpListener("café", 80, 1, RateLimit.PerSeconds(1, 1, 1))
                .Build();

            string mud = PolicyExport.ToMudJson(policy, "https://example.com/mud?model=a&rev=2", "Acme's Gerät <v2>", "2026-11-24T01:00:00+01:00", 48);
            string declaration = PolicyExport.ToDeclarationJson(policy);

            Assert.Contains("\"mud-url\":\"https://example.com/mud?model=a&rev=2\"", mud);
            Assert.Contains("\"last-update\":\"2026-11-24T01:00:00+01:00\"", mud);
            Assert.Contains("\"systeminfo\":\"Acme's Gerät <v2>\"", mud);
            Assert.Contains("\"name\":\"to-listener-café\"", mud);
            Assert.Contains("\"name\":\"café\"", declaration);
            using var parsed = System.Text.Json.JsonDocument.Parse(mud);
            Assert.Equal("Acme's Gerät <v2>", parsed.RootElement.GetProperty("ietf-mud:mud").GetProperty("systeminfo").GetString());
        }

        [Fact]
        public void ToMudJson_HasTheRfc8520Containers()
        {
            string json = Mud(NetworkTestKit.Policy());

            Assert.True(json.StartsWith("{\"ietf-mud:mud\":{\"mud-version\":1,\"mud-url\":\"https://example.com/netguard/socket.json\",\"last-update\":\"2026-11-24T00:00:00Z\",\"cache-validity\":48,\"is-supported\":true,\"systeminfo\":\"NetGuard smart socket\""), json);
            Assert.True(json.Contains("\"from-device-policy\":{\"access-lists\":{\"access-list\":[{\"name\":\"from-ipv4-netguard\"}]}}"), json);
            Assert.True(json.Contains("\"to-device-policy\":{\"access-lists\":{\"access-list\":[{\"name\":\"to-ipv4-netguard\"}]}}"), json);
            Assert.True(json.Contains("\"ietf-access-control-list:acls\":{\"acl\":[{\"name\":\"from-ipv4-netguard\",\"type\":\"ipv4-acl-type\",\"aces\":{\"ace\":["), json);
            Assert.True(json.Contains("{\"name\":\"to-ipv4-netguard\",\"type\":\"ipv4-acl-type\""), json);
        }

        [Fact]
        public void ToMudJson_TcpOnlyToDeviceOnDeclaredListeners()
        {
            string json = Mud(NetworkTestKit.Policy());

            // One TCP listener: one rule each way, both initiated to-device; never from-device.
            Assert.Equal(2, NetworkTestKit.Occurrences(json, "\"ietf-mud:direction-initiated\":\"to-device\""));
            Assert.Equal(0, NetworkTestKit.Occurrences(json, "\"direction-initiated\":\"from-device\""));
            Assert.Equal(2, NetworkTestKit.Occurrences(json, "\"protocol\":6"));
            Assert.True(json.Contains("{\"name\":\"to-listener-admin\",\"matches\":{\"ipv4\":{\"protocol\":6},\"tcp\":{\"ietf-mud:direction-initiated\":\"to-device\",\"destination-port\":{\"operator\":\"eq\",\"port\":80}}},\"actions\":{\"forwarding\":\"accept\"}}"), json);
            Assert.True(json.Contains("{\"name\":\"from-listener-admin\",\"matches\":{\"ipv4\":{\"protocol\":6},\"tcp\":{\"ietf-mud:direction-initiated\":\"to-device\",\"source-port\":{\"operator\":\"eq\",\"port\":80}}}"), json);
        }

        [Fact]
        public void ToMudJson_EgressClassesAreFromDeviceUdpToTheirDestinations()
        {
            string json = Mud(NetworkTestKit.Policy());

            Assert.True(json.Contains("{\"name\":\"from-DNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17,\"destination-ipv4-network\":\"192.168.1.1/32\"},\"udp\":{\"destination-port\":{\"operator\":\"eq\",\"port\":53}}}"), json);
            Assert.True(json.Contains("{\"name\":\"to-DNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17,\"source-ipv4-network\":\"192.168.1.1/32\"},\"udp\":{\"source-port\":{\"operator\":\"eq\",\"port\":53}}}"), json);
            Assert.True(json.Contains("\"destination-ipv4-network\":\"224.0.0.251/32\""), json);
            Assert.True(json.Contains("{\"name\":\"to-mDNS-0-0\",\"matches\":{\"ipv4\":{\"protocol\":17},\"udp\":{\"source-port\":{\"operator\":\"eq\",\"port\":5353}}}"), json);
            Assert.False(json.Contains("\"source-ipv4-network\":\"224.0.0.251/32\""), json);
            Assert.False(json.Contains("\"source-ipv4-network\":\"255.255.255.255/32\""), json);
            Assert.True(json.Contains("\"destination-ipv4-network\":\"255.255.255.255/32\""), json);
            Assert.True(json.Contains("\"from-UpdateCheck-0-0\""), json);
            Assert.False(json.Contains("SSDP"), json);
        }

        [Fact]
        public void ToMudJson_RefusesMissingFieldsAndBadCacheValidity()
        {
            GuardPolicy policy = NetworkTestKit.Policy();

            Assert.Throws<ArgumentNullException>(() => PolicyExport.ToMudJson(policy, null, "s", "t", 48));
            Assert.Throws<ArgumentNullException>(() => PolicyExport.ToMudJson(policy, "u", null, "t", 48));
            Assert.Throws<ArgumentNullException>(() => PolicyExport.ToMudJson(policy, "u", "s", null, 48));
            Assert.Equal("cacheValidityHours", Assert.Throws<ArgumentOutOfRangeException>(() => PolicyExport.ToMudJson(policy, "u", "s", "t", 0)).ParamName);
            Assert.Equal("cacheValidityHours", Assert.Throws<ArgumentOutOfRangeException>(() => PolicyExport.ToMudJson(policy, "u", "s", "t", 169)).ParamName);
            Assert.True(PolicyExport.ToMudJson(policy, "u", "s", "t", 168).Length > 0);
            Assert.Throws<ArgumentNullException>(() => PolicyExport.ToMudJson(null!, "u", "s", "t", 48));
            Assert.Throws<ArgumentNullException>(() => PolicyExport.ToDeclarationJson(null!));
        }
    }
}
