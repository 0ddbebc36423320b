using NetGuard.RateLimiting;

namespace NetGuard.Policy
{
    // Renders PolicyExport.ToDeclarationJson: what the firmware declares, in a form tools and reviewers
    // can read. Format "netguard-declaration/1"; times are 100 ns ticks, sizes bytes.
    internal static class PolicyDeclaration
    {
        public const string Format = "netguard-declaration/1";

        public static string Render(GuardPolicy policy)
        {
            JsonText json = new JsonText();
            json.BeginObject();
            json.Property("format", Format);

            // The fixed denials, stated so a reader need not infer them from absence.
            json.Name("denied");
            json.BeginArray();
            json.String("tcp-connect-out");
            json.String("raw-ip");
            json.String("icmp");
            json.String("undeclared-udp");
            json.String("undeclared-listener");
            json.EndArray();

            json.Name("forbiddenPorts");
            json.BeginArray();
            json.Number(GuardPolicy.TelnetPort);
            json.Number(GuardPolicy.AlternateTelnetPort);
            json.EndArray();

            json.Name("listeners");
            json.BeginArray();
            for (int i = 0; i < policy.ListenerCount; i++)
            {
                ListenerDeclaration listener = policy.GetListener(i);
                json.BeginObject();
                json.Property("name", listener.Name);
                json.Property("transport", listener.Transport == ListenerTransport.Tcp ? "tcp" : "udp");
                json.Property("port", listener.Port);
                if (listener.Transport == ListenerTransport.Tcp)
                {
                    json.Property("maxConnections", listener.MaxConnections);
                    json.RateLimit("acceptRate", listener.AcceptRate);
                }

                json.EndObject();
            }

            json.EndArray();

            EgressPolicy egress = policy.Egress;
            json.Name("egress");
            json.BeginObject();
            json.Property("maxDatagramBytes", policy.MaxDatagramBytes);
            json.Name("classes");
            json.BeginArray();
            for (int i = 0; i < egress.ClassCount; i++)
            {
                WriteClass(json, egress.GetClass(i));
            }

            json.EndArray();
            json.Name("updateCheck");
            if (egress.UpdateCheck == null)
            {
                json.Null();
            }
            else
            {
                WriteClass(json, egress.UpdateCheck);
            }

            json.Name("tcpReply");
            json.BeginObject();
            json.RateLimit("perConnectionBytes", egress.TcpReplyPerConnection);
            json.RateLimit("globalBytes", egress.TcpReplyGlobal);
            json.EndObject();
            json.Name("fanOut");
            json.BeginObject();
            json.Property("maxNewDestinations", egress.FanOutMaxNewDestinations);
            json.Property("windowTicks", egress.FanOutWindowTicks);
            json.EndObject();
            json.EndObject();

            json.EndObject();
            return json.ToString();
        }

        private static void WriteClass(JsonText json, EgressClass egressClass)
        {
            json.BeginObject();
            json.Property("name", egressClass.Name);
            json.Property("transport", "udp");
            json.Name("ports");
            json.BeginArray();
            for (int p = 0; p < egressClass.PortCount; p++)
            {
                json.Number(egressClass.GetPort(p));
            }

            json.EndArray();
            json.Name("destinations");
            json.BeginArray();
            for (int d = 0; d < egressClass.DestinationCount; d++)
            {
                json.String(Ipv4.ToString(egressClass.GetDestination(d)));
            }

            json.EndArray();
            json.RateLimit("packets", egressClass.PacketLimit);
            json.RateLimit("bytes", egressClass.ByteLimit);
            json.Property("minimumIntervalTicks", egressClass.MinimumIntervalTicks);
            json.EndObject();
        }
    }
}
