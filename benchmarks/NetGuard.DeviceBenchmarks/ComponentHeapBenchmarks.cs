using System.Threading;
using nanoFramework.TestFramework;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Policy;
using NetGuard.Testing;
using NetGuard.Updates;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>Heap held by the parts of a device, one at a time, to see where the session's figure goes.</summary>
    [TestClass]
    public class ComponentHeapBenchmarks
    {
        private static object[] s_keep;
        private static long s_last;

        [TestMethod]
        public void Parts()
        {
            s_keep = new object[8];
            ManualClock clock = new ManualClock(0);
            FakeSocketLayer layer = new FakeSocketLayer();
            s_last = BenchReport.FreeHeap();
            GuardPolicy policy = NetworkTestKit.Policy();
            NetworkGuard guard = new NetworkGuard(policy, layer, clock);
            s_keep[0] = guard;
            Mark("heap-guard");
            GuardedListener listener;
            Assert.IsTrue(guard.ListenTcp(NetworkTestKit.AdminPort, out listener).IsAccepted);
            layer.LastListener.AcceptWaits = true;
            HttpServerOptions options = new HttpServerOptions();
            options.MaxConnections = 1;
            options.MaxRequestLineBytes = 256;
            options.MaxHeaderBytes = 2048;
            options.BufferedBodyBytes = 2048;
            options.MaxJsonResponseBytes = 4096;
            HttpServer server = new HttpServer(new GuardedListenerSource(listener), new HttpRouter(), clock, options);
            s_keep[1] = server;
            s_last = BenchReport.FreeHeap();
            server.Start();
            Thread.Sleep(100);
            Mark("heap-http-server-one-worker");
            GuardedDatagramChannel channel;
            Assert.IsTrue(guard.OpenUdp(0, out channel).IsAccepted);
            s_keep[2] = new DnsTxtClient(channel, new SeededEntropySource(1), clock, NetworkTestKit.Resolver, 53, 1000);
            Mark("heap-dns-client");
            server.Stop();
            listener.Close();
            s_keep = null;
        }

        private static void Mark(string name)
        {
            long free = BenchReport.FreeHeap();
            BenchReport.Report(name, s_last - free, "B");
            s_last = free;
        }
    }
}
