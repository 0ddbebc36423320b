using System;
using System.Threading;
using nanoFramework.TestFramework;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Policy;
using NetGuard.Samples.SmartSocket;
using NetGuard.Testing;
using NetGuard.Text;
using NetGuard.Updates;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// The SmartSocket firmware as the device composes it (guard, limiter, record store, owner account, updates, the
    /// HTTP server with the device's default worker count and its threads), over a scripted socket layer and an
    /// in-memory file system, driven through an owner's first session. After each step the collector runs and the
    /// heap the composition holds (less the record files' bytes, which a device keeps in flash) is reported:
    /// <c>session-heap-at-rest</c> (started, before any request) and <c>session-heap-max-step</c>, plus each step's figure.
    /// </summary>
    [TestClass]
    public class SessionBenchmarks
    {
        private const uint Owner = 0xC0A80164; // 192.168.1.100
        private const string Password = "quiet-harbour-lamp-7";
        private const string NewPassword = "copper-kettle-autumn-9";

        // A package made on the host with `netguard sign --key fuzz/keys/root/netguard.key --model SmartSocket
        // --version 1.0.1 --counter 1` over the 64 KiB image that Image() makes: header, manifest and signature. The
        // image is made here rather than stored (NetGuard.HostTests' SessionPackageTests checks they belong together).
        private const string PackagePrefix =
            "4e47555001006800018001000102800b00736d617274736f636b6574038004000100010050800400010000000480040000000100108020001dd334fe06e447d4" +
            "6e556e9c8f958a3ee41eb8e4cdf3cd36af3cdeae98fd785406800800acd5156b0000000007800800a849a6875eacf275a41dd02ab902c7820a3160d6ece91284" +
            "175fc3a13f2ea6219756ee69bf96cd948fdc7d05cf6178a928554ccef9f1043293f5dafb6476dee92a0c349240fdad05";

        // The public half of fuzz/keys/root (a test key: never trusted by real firmware).
        private const string TrustedKey = "3d42f747dcc3091696c5d4f8a82ab09bdb04e34e2af4b234d3dd4498203de2d0";

        private static long s_baseline;
        private static long s_max;
        private static FakeSocketLayer s_layer;
        private static MemoryFileSystem s_files;
        private static ManualClock s_clock;

        /// <summary>The deterministic 64 KiB image of the benchmark's update package.</summary>
        public static byte Image(int index)
        {
            return (byte)((index * 31) + (index >> 8));
        }

        [TestMethod]
        public void SmartSocketFirstSession()
        {
            s_baseline = BenchReport.FreeHeap();
            s_max = 0;
            s_layer = new FakeSocketLayer();
            s_clock = new ManualClock(1000 * TimeSpan.TicksPerSecond);
            AdminDeviceOptions options = new AdminDeviceOptions();
            options.Model = "SmartSocket";
            options.TrustedKeys = new byte[][] { TestBytes.Hex(TrustedKey) };
            options.DnsResolver = 0xC0A80101;
            // Update checks off: the scripted socket layer has no resolver. Their parts (a UDP channel, the DNS client
            // and a thread) are measured in ComponentHeapBenchmarks.
            // The calibrated default would time PBKDF2 on this clock; the bench uses the documented floor instead.
            options.AccountPolicy = OwnerAccountPolicy.CreateDefault().WithIterations(1000);
            s_files = new MemoryFileSystem();
            AdminDevice device = new AdminDevice(options, s_files, new FlashStagingArea(), new MemoryImageSlots().Installer,
                s_clock, new SeededEntropySource(11), new NetworkGuardFactory(new GuardMaker(s_layer, s_clock).Make));
            Report("session-heap-composed");
            SmartSocketApp app = new SmartSocketApp(device, new BenchRelayBoard());
            device.Time.SetWallClock(1800000000);
            Report("session-heap-with-app");
            Assert.IsTrue(device.Start().IsAccepted, "start");
            s_layer.LastListener.AcceptWaits = true;
            Thread.Sleep(200); // lets the server's threads reach their waits, whose interpreter frames count at rest
            try
            {
                Session(device, app);
            }
            finally
            {
                // The server's threads would keep the interpreter running after the launcher is done.
                device.Stop();
            }
        }

        private static void Session(AdminDevice device, SmartSocketApp app)
        {
            Report("session-heap-at-rest");

            string setup = "{\"setupCode\":\"" + device.ReadSetupCodeForLabel() + "\",\"newPassword\":\"" + Password + "\"}";
            Assert.AreEqual(200, Status(Exchange("POST", "/api/setup", null, setup)), "setup");
            Report("session-heap-after-setup");

            string token = Token(Exchange("POST", "/api/login", null, "{\"password\":\"" + Password + "\"}"));
            Report("session-heap-after-login");

            Assert.AreEqual(200, Status(Exchange("GET", "/", null, null)), "page");
            Report("session-heap-after-page");

            Assert.AreEqual(200, Status(Exchange("PUT", "/api/relay", token, "{\"on\":true}")), "relay");
            Assert.IsTrue(app.RelayOn, "relay switched");
            Report("session-heap-after-relay");

            Assert.AreEqual(200, Status(Exchange("GET", "/api/status", null, null)), "status");
            Assert.AreEqual(200, Status(Exchange("GET", "/api/guard", token, null)), "guard");
            Report("session-heap-after-status-and-guard");

            Assert.AreEqual(200, Status(Upload(token)), "update push");
            Report("session-heap-after-update-push");

            Assert.AreEqual(200, Status(Exchange("POST", "/api/password", token, "{\"currentPassword\":\"" + Password + "\",\"newPassword\":\"" + NewPassword + "\"}")), "password");
            Report("session-heap-after-password-change");

            // A password change ends every session: log in again to reset.
            token = Token(Exchange("POST", "/api/login", null, "{\"password\":\"" + NewPassword + "\"}"));
            Assert.AreEqual(200, Status(Exchange("POST", "/api/factory-reset", token, null)), "factory reset");
            Assert.IsTrue(device.Account.IsSetupRequired, "reset to setup");
            Report("session-heap-after-factory-reset");

            BenchReport.Report("session-heap-max-step", s_max, "B");
        }

        // The heap the composition holds, less the record files' contents: the in-memory file system stands in for
        // the device's flash (the I: drive), where they do not take RAM.
        private static void Report(string name)
        {
            long used = s_baseline - BenchReport.FreeHeap() - s_files.StoredBytes;
            if (used > s_max)
            {
                s_max = used;
            }

            BenchReport.Report(name, used, "B");
        }

        // Sends one request on a new connection, split like TCP segments, and waits until the server closed it.
        private static FakeStreamSocket Exchange(string method, string path, string token, string json)
        {
            string head = method + " " + path + " HTTP/1.1\r\nHost: device\r\n";
            if (token != null)
            {
                head += "Authorization: Bearer " + token + "\r\n";
            }

            byte[] body = json == null ? null : Utf8.GetBytes(json);
            if (body != null)
            {
                head += "Content-Type: application/json\r\nContent-Length: " + body.Length.ToString() + "\r\n";
            }
            else if (method != "GET")
            {
                head += "Content-Length: 0\r\n";
            }

            FakeStreamSocket socket = new FakeStreamSocket(s_layer, Owner, 50000);
            socket.CaptureSent = path != "/";
            socket.Incoming(Utf8.GetBytes(head + "\r\n"));
            if (body != null)
            {
                socket.Incoming(body);
            }

            return Run(socket);
        }

        private static FakeStreamSocket Upload(string token)
        {
            byte[] prefix = TestBytes.Hex(PackagePrefix);
            int length = prefix.Length + 65536;
            FakeStreamSocket socket = new FakeStreamSocket(s_layer, Owner, 50001);
            socket.CaptureSent = true;
            socket.Incoming(Utf8.GetBytes("POST /api/update HTTP/1.1\r\nHost: device\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length.ToString() + "\r\n\r\n"));
            socket.Incoming(prefix);
            for (int offset = 0; offset < 65536; offset += 1460)
            {
                int count = 65536 - offset < 1460 ? 65536 - offset : 1460;
                byte[] segment = new byte[count];
                for (int i = 0; i < count; i++)
                {
                    segment[i] = Image(offset + i);
                }

                socket.Incoming(segment);
            }

            return Run(socket);
        }

        private static FakeStreamSocket Run(FakeStreamSocket socket)
        {
            s_layer.LastListener.Enqueue(socket);
            for (int waited = 0; !socket.Closed; waited += 5)
            {
                Assert.IsTrue(waited < 60000, "the server answers within a minute");
                Thread.Sleep(5);
            }

            s_clock.Advance(TimeSpan.TicksPerSecond);
            return socket;
        }

        private static int Status(FakeStreamSocket socket)
        {
            byte[] sent = socket.SentBytes();
            if (!socket.CaptureSent)
            {
                return socket.BytesSent > 12 ? 200 : 0;
            }

            return sent.Length < 12 ? 0 : ((sent[9] - '0') * 100) + ((sent[10] - '0') * 10) + (sent[11] - '0');
        }

        private static string Token(FakeStreamSocket socket)
        {
            Assert.AreEqual(200, Status(socket), "login");
            byte[] sent = socket.SentBytes();
            int body = 0;
            for (int i = 3; i < sent.Length; i++)
            {
                if (sent[i] == '\n' && sent[i - 1] == '\r' && sent[i - 2] == '\n' && sent[i - 3] == '\r')
                {
                    body = i + 1;
                    break;
                }
            }

            JsonObject json;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)JsonReader.Parse(sent, body, sent.Length - body, out json), "login body");
            string token;
            Assert.IsTrue(json.TryGetString("token", out token), "token");
            return token;
        }

        // The guard factory delegate, bound to the fake socket layer (no lambdas capturing state on the device).
        private sealed class GuardMaker
        {
            private readonly FakeSocketLayer _layer;
            private readonly ManualClock _clock;

            internal GuardMaker(FakeSocketLayer layer, ManualClock clock)
            {
                _layer = layer;
                _clock = clock;
            }

            internal NetworkGuard Make(GuardPolicy policy)
            {
                return new NetworkGuard(policy, _layer, _clock);
            }
        }

        private sealed class BenchRelayBoard : IRelayBoard
        {
            public event ButtonChangedHandler ButtonChanged;

            public void SetRelay(bool on)
            {
            }

            public void SetLed(bool on)
            {
            }

            // Never pressed in the bench; raising it keeps the event used.
            internal void Press(bool pressed)
            {
                ButtonChangedHandler handler = ButtonChanged;
                if (handler != null)
                {
                    handler(pressed);
                }
            }
        }
    }
}
