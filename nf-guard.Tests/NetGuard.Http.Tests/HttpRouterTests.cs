using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class HttpRouterTests
    {
        [TestMethod]
        public void Find_ExactMatchOnly()
        {
            HttpRouter router = new HttpRouter();
            EchoHandler handler = new EchoHandler();
            router.Map(HttpMethod.Get, "/api/relay", handler);
            router.Map(HttpMethod.Put, "/api/relay", handler);
            HttpRoute route;

            Assert.AreEqual((object)ReasonCode.Accepted, (object)router.Find(HttpMethod.Put, "/api/relay", out route));
            Assert.AreEqual((object)HttpMethod.Put, (object)route.Method);
            Assert.AreEqual((object)ReasonCode.MethodNotAllowed, (object)router.Find(HttpMethod.Post, "/api/relay", out route));
            Assert.IsNull(route);
            Assert.AreEqual((object)ReasonCode.NotFound, (object)router.Find(HttpMethod.Get, "/api/relay/", out route));
            Assert.AreEqual((object)ReasonCode.NotFound, (object)router.Find(HttpMethod.Get, "/api", out route));
            Assert.AreEqual("GET, PUT", router.AllowedMethods("/api/relay"));
            Assert.AreEqual(string.Empty, router.AllowedMethods("/nope"));
        }

        [TestMethod]
        public void Add_Duplicate_Throws()
        {
            HttpRouter router = new HttpRouter();
            router.Map(HttpMethod.Get, "/a", new EchoHandler());

            Assert.ThrowsException(typeof(ArgumentException), () => router.Map(HttpMethod.Get, "/a", new EchoHandler()));
        }

        [TestMethod]
        public void Add_AfterFreeze_Throws()
        {
            HttpRouter router = new HttpRouter();
            router.Freeze();

            Assert.ThrowsException(typeof(InvalidOperationException), () => router.Map(HttpMethod.Get, "/a", new EchoHandler()));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("api")]
        [DataRow("/a b")]
        [DataRow("/a?b")]
        [DataRow("/a#b")]
        [DataRow("/\u00e9")]
        public void Route_BadPath_Throws(string path)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new HttpRoute(HttpMethod.Get, path, new EchoHandler(), -1, false, 0));
        }

        [TestMethod]
        public void Route_BadArguments_Throw()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpRoute(HttpMethod.Get, null, new EchoHandler(), -1, false, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpRoute(HttpMethod.Get, "/", null, -1, false, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new HttpRoute(HttpMethod.Other, "/", new EchoHandler(), -1, false, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new HttpRoute(HttpMethod.Get, "/", new EchoHandler(), -2, false, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new HttpRoute(HttpMethod.Get, "/", new EchoHandler(), -1, false, -1));
        }

        [TestMethod]
        public void Options_OutOfRange_ThrowNamingTheField()
        {
            HttpServerOptions options = new HttpServerOptions();
            options.MaxConnections = 0;

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => options.Validate());
            options.MaxConnections = 4;
            options.Validate();
        }

        [TestMethod]
        public void DeviceOptions_PortsOutsideOneTo65535_ThrowNamingTheOption()
        {
            AdminDeviceOptions options = new AdminDeviceOptions();
            options.Model = "SmartSocket";
            options.TrustedKeys = new byte[][] { new byte[32] };
            int[] bad = { 0, -1, 65536 };
            for (int i = 0; i < bad.Length; i++)
            {
                options.AdminPort = bad[i];
                options.DnsPort = 53;
                NetworkTestKit.ThrowsOutOfRange("AdminPort", () => options.Validate());
                options.AdminPort = 80;
                options.DnsPort = bad[i];
                NetworkTestKit.ThrowsOutOfRange("DnsPort", () => options.Validate());
            }

            options.AdminPort = 1;
            options.DnsPort = 65535;
            options.Validate();
            options.AdminPort = 65535;
            options.DnsPort = 1;
            options.Validate();
        }
    }
}
