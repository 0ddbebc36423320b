using System.IO;
using System.Text;
using System.Text.Json;
using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    // Renders PolicyExport.ToDeclarationJson: what the firmware declares, in a form tools and reviewers
    // can read. Format "netguard-declaration/1"; times are 100 ns ticks, sizes bytes. Written with System.Text.Json
    // (host build only).
    internal static class PolicyDeclaration
    {
        public const string Format = "netguard-declaration/1";

        public static string Render(GuardPolicy policy)
        {
            var stream = new MemoryStream();
            using var json = new Utf8JsonWriter(stream, PolicyExport.WriterOptions);
            json.WriteStartObject();
            json.WriteString("format", Format);

            // The fixed denials, stated so a reader need not infer them from absence.
            json.WritePropertyName("denied");
            json.WriteStartArray();
            json.WriteStringValue("tcp-connect-out");
            json.WriteStringValue("raw-ip");
            json.WriteStringValue("icmp");
            json.WriteStringValue("undeclared-udp");
            json.WriteStringValue("undeclared-listener");
            json.WriteEndArray();

            json.WritePropertyName("forbiddenPorts");
            json.WriteStartArray();
            json.WriteNumberValue(GuardPolicy.TelnetPort);
            json.WriteNumberValue(GuardPolicy.AlternateTelnetPort);
            json.WriteEndArray();

            json.WritePropertyName("listeners");
            json.WriteStartArray();
            for (int i = 0; i < policy.ListenerCount; i++)
            {
                ListenerDeclaration listener = policy.GetListener(i);
                json.WriteStartObject();
                json.WriteString("name", listener.Name);
                json.WriteString("transport", listener.Transport == ListenerTransport.Tcp ? "tcp" : "udp");
                json.WriteNumber("port", listener.Port);
                if (listener.Transport == ListenerTransport.Tcp)
                {
                    json.WriteNumber("maxConnections", listener.MaxConnections);
                    WriteRateLimit(json, "acceptRate", listener.AcceptRate);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            EgressPolicy egress = policy.Egress;
            json.WritePropertyName("egress");
            json.WriteStartObject();
            json.WriteNumber("maxDatagramBytes", policy.MaxDatagramBytes);
            json.WritePropertyName("classes");
            json.WriteStartArray();
            for (int i = 0; i < egress.ClassCount; i++)
            {
                WriteClass(json, egress.GetClass(i));
            }

            json.WriteEndArray();
            json.WritePropertyName("updateCheck");
            if (egress.UpdateCheck == null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteClass(json, egress.UpdateCheck);
            }

            json.WritePropertyName("tcpReply");
            json.WriteStartObject();
            WriteRateLimit(json, "perConnectionBytes", egress.TcpReplyPerConnection);
            WriteRateLimit(json, "globalBytes", egress.TcpReplyGlobal);
            json.WriteEndObject();
            json.WritePropertyName("fanOut");
            json.WriteStartObject();
            json.WriteNumber("maxNewDestinations", egress.FanOutMaxNewDestinations);
            json.WriteNumber("windowTicks", egress.FanOutWindowTicks);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteClass(Utf8JsonWriter json, EgressClass egressClass)
        {
            json.WriteStartObject();
            json.WriteString("name", egressClass.Name);
            json.WriteString("transport", "udp");
            json.WritePropertyName("ports");
            json.WriteStartArray();
            for (int p = 0; p < egressClass.PortCount; p++)
            {
                json.WriteNumberValue(egressClass.GetPort(p));
            }

            json.WriteEndArray();
            json.WritePropertyName("destinations");
            json.WriteStartArray();
            for (int d = 0; d < egressClass.DestinationCount; d++)
            {
                json.WriteStringValue(Ipv4.ToString(egressClass.GetDestination(d)));
            }

            json.WriteEndArray();
            WriteRateLimit(json, "packets", egressClass.PacketLimit);
            WriteRateLimit(json, "bytes", egressClass.ByteLimit);
            json.WriteNumber("minimumIntervalTicks", egressClass.MinimumIntervalTicks);
            json.WriteEndObject();
        }

        // {"capacity":c,"tokensPerPeriod":t,"periodTicks":p}: the token bucket, time in 100 ns ticks.
        private static void WriteRateLimit(Utf8JsonWriter json, string name, RateLimit limit)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
            json.WriteNumber("capacity", limit.Capacity);
            json.WriteNumber("tokensPerPeriod", limit.TokensPerPeriod);
            json.WriteNumber("periodTicks", limit.PeriodTicks);
            json.WriteEndObject();
        }
    }
}
