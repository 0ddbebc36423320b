using nanoFramework.TestFramework;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.RateLimiting;
using NetGuard.Storage;
using NetGuard.Testing;
using NetGuard.Text;
using NetGuard.Updates;

namespace NetGuard.Http.Tests
{
    /// <summary>A fixed JSON answer for a sample route, counting its calls (static: the launcher never constructs test classes).</summary>
    internal sealed class SampleRoute : IRouteHandler
    {
        public int Calls;

        public void Handle(HttpRequest request, HttpResponse response)
        {
            Calls++;
            response.Json.BeginObject();
            response.Json.WriteBoolean("on", true);
            response.Json.EndObject();
            response.SendJson(200);
        }
    }

    /// <summary>Records factory resets of a sample's user data.</summary>
    internal sealed class CountingEraser : IUserDataEraser
    {
        public int Calls;

        public Decision EraseUserData()
        {
            Calls++;
            return Decision.Accept();
        }
    }

    /// <summary>Sends one request through the real request processor and returns the captured exchange.</summary>
    internal static class AdminRequest
    {
        public static FakeConnection Send(HttpRouter router, ManualClock clock, string method, string path, string token, string contentType, byte[] body)
        {
            string head = method + " " + path + " HTTP/1.1\r\nHost: device\r\n";
            if (token != null)
            {
                head += "Authorization: Bearer " + token + "\r\n";
            }

            if (body != null)
            {
                head += "Content-Type: " + contentType + "\r\nContent-Length: " + body.Length.ToString() + "\r\n";
            }

            FakeConnection connection = new FakeConnection(clock).Add(head + "\r\n");
            if (body != null && body.Length > 0)
            {
                connection.Add(body);
            }

            new HttpConnectionProcessor(router, clock, new HttpServerOptions()).Process(connection);
            return connection;
        }
    }

    /// <summary>One admin API over in-memory parts, driven through the real request processor.</summary>
    internal sealed class AdminRig
    {
        public readonly ManualClock Clock = new ManualClock(CredentialTestSupport.Start);
        public readonly SlotRecordStore Store = CredentialTestSupport.NewStore();
        public readonly OwnerAccount Account;
        public readonly UpdateController Updates;
        public readonly NetworkGuard Guard;
        public readonly AdminApi Api;
        public readonly SampleRoute Sample = new SampleRoute();
        public readonly CountingEraser Eraser = new CountingEraser();

        public AdminRig()
        {
            Account = CredentialTestSupport.Open(Store);
            UpdateSettings settings = new UpdateSettings(CredentialTestSupport.Model, new FirmwareVersion(1, 0, 0), 1);
            byte[] key = new byte[32];
            key[0] = 9;
            Updates = new UpdateController(settings, new TrustedKeyRing(0, new byte[][] { key }, new byte[0][]), MemoryRecords.Create(), new MemoryStagingArea(), new MemoryImageSlots().Installer, new FixedTrustedTime(true, ManifestTestData.IssuedAt));
            Guard = NetworkTestKit.Guard(new FakeSocketLayer(), Clock);
            Api = new AdminApi(Account, Updates, Guard, Clock);
            Api.MapAuthenticated(HttpMethod.Get, "/api/relay", Sample);
            Api.MapAuthenticated(HttpMethod.Put, "/api/relay", Sample);
            Api.AddUserData(Eraser);
        }

        public string SetupCode
        {
            get { return Account.ReadSetupCodeForLabel(); }
        }

        public FakeConnection Send(string method, string path, string token, string json)
        {
            return SendRaw(method, path, token, json == null ? null : "application/json", json == null ? null : Utf8.GetBytes(json));
        }

        public FakeConnection SendRaw(string method, string path, string token, string contentType, byte[] body)
        {
            return AdminRequest.Send(Api.Router, Clock, method, path, token, contentType, body);
        }

        public void Setup()
        {
            FakeConnection c = Send("POST", "/api/setup", null, "{\"setupCode\":\"" + SetupCode + "\",\"newPassword\":\"" + CredentialTestSupport.GoodPassword + "\"}");
            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        public string Login()
        {
            FakeConnection c = Send("POST", "/api/login", null, "{\"password\":\"" + CredentialTestSupport.GoodPassword + "\"}");
            Assert.AreEqual(200, HttpTestKit.Status(c));
            byte[] body = Utf8.GetBytes(HttpTestKit.Body(c));
            JsonObject json;
            Assert.AreEqual((object)ReasonCode.Accepted, (object)JsonReader.Parse(body, 0, body.Length, out json));
            string token;
            Assert.IsTrue(json.TryGetString("token", out token));
            return token;
        }
    }
}
