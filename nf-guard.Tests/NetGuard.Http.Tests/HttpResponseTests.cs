using System;
using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;
using NetGuard.Text;

namespace NetGuard.Http.Tests
{
    public delegate void HandleAction(HttpRequest request, HttpResponse response);

    public sealed class DelegateHandler : IRouteHandler
    {
        private readonly HandleAction _action;

        public DelegateHandler(HandleAction action)
        {
            _action = action;
        }

        public void Handle(HttpRequest request, HttpResponse response)
        {
            _action(request, response);
        }
    }

    [TestClass]
    public class HttpResponseTests
    {
        private static FakeConnection Serve(HandleAction action)
        {
            return Serve(action, HttpTestKit.Options(), ReasonCode.Accepted);
        }

        private static FakeConnection Serve(HandleAction action, HttpServerOptions options, ReasonCode sendRefusal)
        {
            ManualClock clock = new ManualClock(0);
            HttpRouter router = new HttpRouter();
            router.Map(HttpMethod.Get, "/t", new DelegateHandler(action));
            FakeConnection c = new FakeConnection(clock).Add("GET /t HTTP/1.1\r\nHost: d\r\n\r\n");
            c.SendRefusal = sendRefusal;
            new HttpConnectionProcessor(router, clock, options).Process(c);
            return c;
        }

        [TestMethod]
        public void AResponseOrBodyKeptPastTheExchange_IsRefused_AndSendsNothing()
        {
            HttpResponse[] keptResponse = new HttpResponse[1];
            HttpBodyReader[] keptBody = new HttpBodyReader[1];
            ManualClock clock = new ManualClock(0);
            HttpRouter router = new HttpRouter();
            router.MapStreaming(HttpMethod.Post, "/t", new DelegateHandler((request, response) =>
            {
                keptResponse[0] = response;
                keptBody[0] = request.Body;
                response.BeginBody(200, "text/plain", 4);
                response.WriteBody(new byte[] { 1, 2 }, 0, 2);
            }), 100, 0);
            FakeConnection c = new FakeConnection(clock).Add("POST /t HTTP/1.1\r\nHost: d\r\nContent-Length: 3\r\n\r\nabc");
            new HttpConnectionProcessor(router, clock, HttpTestKit.Options()).Process(c);
            int sends = c.SendCalls;
            ReasonCode reason;

            Assert.IsFalse(keptResponse[0].WriteBody(new byte[] { 3, 4 }, 0, 2));
            Assert.AreEqual(0, keptBody[0].Read(new byte[4], 0, 4, out reason));
            Assert.AreEqual((object)ReasonCode.Closed, reason);
            Assert.AreEqual(sends, c.SendCalls);
        }

        [TestMethod]
        public void AConnectionFailingBeforeItsHead_Gets500_NotThePreviousExchangesState()
        {
            ManualClock clock = new ManualClock(0);
            HttpRouter router = new HttpRouter();
            router.Map(HttpMethod.Get, "/t", new DelegateHandler((request, response) => response.SendText(200, "text/plain", "ok")));
            HttpConnectionProcessor processor = new HttpConnectionProcessor(router, clock, HttpTestKit.Options());
            FakeConnection first = new FakeConnection(clock).Add("GET /t HTTP/1.1\r\nHost: d\r\n\r\n");
            processor.Process(first);
            Assert.AreEqual(200, HttpTestKit.Status(first));

            FakeConnection second = new FakeConnection(clock).Add("GET /t HTTP/1.1\r\nHost: d\r\n\r\n");
            second.RemoteAddressFails = true;
            processor.Process(second);

            Assert.AreEqual(500, HttpTestKit.Status(second));
            Assert.AreEqual(500, processor.LastStatus);
            Assert.IsTrue(second.IsClosed);
        }

        [TestMethod]
        public void SendJson_WritesHeadAndSecurityHeaders()
        {
            FakeConnection c = Serve((request, response) =>
            {
                response.Json.BeginObject();
                response.Json.WriteBoolean("on", true);
                response.Json.EndObject();
                response.SendJson(200);
            });

            Assert.IsTrue(c.SentText().StartsWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n"), c.SentText());
            Assert.AreEqual("{\"on\":true}", HttpTestKit.Body(c));
            HttpTestKit.AssertSecurityHeaders(c);
            Assert.IsNull(HttpTestKit.Header(c, "Retry-After"));
        }

        [TestMethod]
        public void SendDecision_Throttled_Is429WithRetryAfterRoundedUp()
        {
            FakeConnection c = Serve((request, response) => response.SendDecision(Decision.Refuse(ReasonCode.Throttled, 25000000)));

            HttpTestKit.AssertRefused(c, 429, ReasonCode.Throttled);
            Assert.AreEqual("3", HttpTestKit.Header(c, "Retry-After"));
        }

        [TestMethod]
        public void SendDecision_RefusalWithoutWait_HasNoRetryAfter()
        {
            FakeConnection c = Serve((request, response) => response.SendDecision(Decision.Refuse(ReasonCode.SecurityCounterRollback)));

            HttpTestKit.AssertRefused(c, 409, ReasonCode.SecurityCounterRollback);
            Assert.IsNull(HttpTestKit.Header(c, "Retry-After"));
        }

        [TestMethod]
        public void SendDecision_Accepted_Is200()
        {
            FakeConnection c = Serve((request, response) => response.SendDecision(Decision.Accept()));

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("{\"reason\":\"Accepted\"}", HttpTestKit.Body(c));
        }

        [TestMethod]
        public void SendReason_Unauthorized_Is401WithBearerChallenge()
        {
            FakeConnection c = Serve((request, response) => response.SendReason(ReasonCode.Unauthorized));

            HttpTestKit.AssertRefused(c, 401, ReasonCode.Unauthorized);
            Assert.AreEqual("Bearer realm=\"NetGuard\"", HttpTestKit.Header(c, "WWW-Authenticate"));
        }

        [TestMethod]
        public void SecondSend_IsIgnored()
        {
            FakeConnection c = Serve((request, response) =>
            {
                response.SendReason(ReasonCode.SetupRequired);
                response.SendReason(ReasonCode.Accepted);
                response.Send(200, "text/plain", new byte[3], 0, 3);
            });

            HttpTestKit.AssertRefused(c, 403, ReasonCode.SetupRequired);
            Assert.AreEqual(c.SentText().IndexOf("HTTP/1.1"), c.SentText().LastIndexOf("HTTP/1.1"));
        }

        [TestMethod]
        public void Handler_SendsNothing_Gets500()
        {
            FakeConnection c = Serve((request, response) => { });

            HttpTestKit.AssertRefused(c, 500, ReasonCode.InvalidState);
        }

        [TestMethod]
        public void Handler_Throws_Gets500AndProcessorSurvives()
        {
            FakeConnection c = Serve((request, response) => { throw new InvalidOperationException("bug"); });

            HttpTestKit.AssertRefused(c, 500, ReasonCode.InvalidState);
        }

        [TestMethod]
        public void SendJson_Incomplete_Gets500()
        {
            FakeConnection c = Serve((request, response) =>
            {
                response.Json.BeginObject();
                response.SendJson(200);
            });

            Assert.AreEqual(500, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void StreamedBody_WritesDeclaredLength()
        {
            FakeConnection c = Serve((request, response) =>
            {
                byte[] piece = new byte[] { 0xFF, 0xD8, 0xFF };
                Assert.IsTrue(response.BeginBody(200, "image/jpeg", 6));
                Assert.IsTrue(response.WriteBody(piece, 0, 3));
                Assert.IsFalse(response.BodyComplete);
                Assert.IsTrue(response.WriteBody(piece, 0, 3));
                Assert.IsTrue(response.BodyComplete);
                Assert.ThrowsException(typeof(InvalidOperationException), () => response.WriteBody(piece, 0, 1));
            });

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("image/jpeg", HttpTestKit.Header(c, "Content-Type"));
            Assert.AreEqual("6", HttpTestKit.Header(c, "Content-Length"));
            byte[] sent = c.SentBytes();
            Assert.AreEqual((byte)0xD8, sent[sent.Length - 2]);
        }

        [TestMethod]
        public void HeaderInjection_IsACallerMistake()
        {
            FakeConnection c = Serve((request, response) => response.Send(200, "text/plain\r\nSet-Cookie: x=1", new byte[0], 0, 0));

            Assert.AreEqual(500, HttpTestKit.Status(c));
            Assert.IsTrue(c.SentText().IndexOf("Set-Cookie") < 0);
        }

        [TestMethod]
        public void SendRefusedByEgressLimiter_GivesUpWithoutThrowing()
        {
            HttpServerOptions options = HttpTestKit.Options();
            options.SendRetryMilliseconds = 0;
            bool failed = false;
            FakeConnection c = Serve((request, response) =>
            {
                response.SendReason(ReasonCode.Accepted);
                failed = response.Failed;
            }, options, ReasonCode.RateLimited);

            Assert.IsTrue(failed);
            Assert.AreEqual(1, c.SendCalls);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void Exchange_WipesSecretsFromWorkerBuffers()
        {
            ManualClock clock = new ManualClock(0);
            HttpRequest[] seen = new HttpRequest[1];
            HttpRouter router = new HttpRouter();
            router.Map(HttpMethod.Post, "/login", new DelegateHandler((request, response) =>
            {
                seen[0] = request;
                response.SendReason(ReasonCode.PasswordInvalid);
            }));
            string body = "{\"password\":\"hunter2hunter2\"}";
            FakeConnection c = new FakeConnection(clock).Add("POST /login HTTP/1.1\r\nHost: d\r\nAuthorization: Bearer secret-token\r\nContent-Length: " + body.Length.ToString() + "\r\n\r\n" + body);

            new HttpConnectionProcessor(router, clock, HttpTestKit.Options()).Process(c);

            Assert.AreEqual(401, HttpTestKit.Status(c));
            for (int i = 0; i < seen[0].BodyBuffer.Length; i++)
            {
                Assert.AreEqual((byte)0, seen[0].BodyBuffer[i], "body byte " + i.ToString());
            }

            Assert.IsNull(seen[0].GetHeader("authorization"));
        }

        [TestMethod]
        public void AdminPage_IsServedWhole_Gzipped()
        {
            FakeConnection c = HttpTestKit.Exchange("GET / HTTP/1.1\r\nHost: d\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("text/html; charset=utf-8", HttpTestKit.Header(c, "Content-Type"));
            Assert.AreEqual("gzip", HttpTestKit.Header(c, "Content-Encoding"));
            Assert.AreEqual("Accept-Encoding", HttpTestKit.Header(c, "Vary"));
            Assert.AreEqual(AdminPage.GzipLength.ToString(), HttpTestKit.Header(c, "Content-Length"));
            HttpTestKit.AssertSecurityHeaders(c);

            // The body is the chunks in order: a gzip member (RFC 1952: magic 1F 8B, deflate) whose trailer gives the
            // page's length.
            byte[] body = HttpTestKit.BodyBytes(c);
            Assert.AreEqual(AdminPage.GzipLength, body.Length);
            int at = 0;
            for (int i = 0; i < AdminPage.ChunkCount; i++)
            {
                byte[] chunk = AdminPage.CreateChunk(i);
                for (int j = 0; j < chunk.Length; j++)
                {
                    Assert.AreEqual(chunk[j], body[at++], "byte " + (at - 1).ToString());
                }
            }

            Assert.AreEqual(body.Length, at);
            Assert.AreEqual((byte)0x1F, body[0]);
            Assert.AreEqual((byte)0x8B, body[1]);
            Assert.AreEqual((byte)8, body[2]);
            int size = body[at - 4] | (body[at - 3] << 8) | (body[at - 2] << 16) | (body[at - 1] << 24);
            Assert.AreEqual(AdminPage.HtmlLength, size);
        }

        [TestMethod]
        public void AdminPage_WithoutAcceptEncoding_IsGzippedToo()
        {
            // RFC 9110 section 12.5.3: no Accept-Encoding means any coding is acceptable.
            FakeConnection c = HttpTestKit.Exchange("GET / HTTP/1.1\r\nHost: d\r\n\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("gzip", HttpTestKit.Header(c, "Content-Encoding"));
        }

        [TestMethod]
        public void AdminPage_ForAClientRefusingGzip_Is406WithAReason()
        {
            FakeConnection c = HttpTestKit.Exchange("GET / HTTP/1.1\r\nHost: d\r\nAccept-Encoding: identity\r\n\r\n");

            Assert.AreEqual(406, HttpTestKit.Status(c));
            Assert.IsNull(HttpTestKit.Header(c, "Content-Encoding"));
            Assert.AreEqual(AdminPageHandler.NotAcceptableText, HttpTestKit.Body(c));
            HttpTestKit.AssertSecurityHeaders(c);
        }

        [TestMethod]
        [DataRow("gzip", true)]
        [DataRow("GZip", true)]
        [DataRow("x-gzip", true)]
        [DataRow("br;q=1.0, gzip;q=0.5", true)]
        [DataRow(" deflate , gzip ; q=0.001 ", true)]
        [DataRow("*", true)]
        [DataRow("deflate, *;q=0.1", true)]
        [DataRow("", false)]
        [DataRow("identity", false)]
        [DataRow("br, deflate", false)]
        [DataRow("gzip;q=0", false)]
        [DataRow("gzip; q=0.000", false)]
        [DataRow("*;q=0", false)]
        [DataRow("gzip;q=0, *", false)]
        [DataRow("gzipper", false)]
        public void AcceptsGzip_FollowsRfc9110(string value, bool expected)
        {
            Assert.AreEqual(expected, AdminPageHandler.AcceptsGzip(value), "'" + value + "'");
        }

        [TestMethod]
        [DataRow(0, 200)]
        [DataRow(0x01, 400)]
        [DataRow(0x02, 413)]
        [DataRow(0x06, 409)]
        [DataRow(0x10, 400)]
        [DataRow(0x20, 409)]
        [DataRow(0x21, 400)]
        [DataRow(0x22, 400)]
        [DataRow(0x46, 408)]
        [DataRow(0x50, 403)]
        [DataRow(0x51, 409)]
        [DataRow(0x52, 403)]
        [DataRow(0x53, 401)]
        [DataRow(0x54, 400)]
        [DataRow(0x56, 400)]
        [DataRow(0x58, 429)]
        [DataRow(0x59, 401)]
        [DataRow(0x5A, 401)]
        [DataRow(0x60, 500)]
        [DataRow(0x62, 404)]
        [DataRow(0x70, 405)]
        [DataRow(0x71, 431)]
        [DataRow(0x72, 411)]
        [DataRow(0x73, 415)]
        [DataRow(0x74, 505)]
        [DataRow(0x75, 503)]
        [DataRow(0xEE, 500)]
        public void StatusTable_MapsReasons(int reason, int status)
        {
            Assert.AreEqual(status, HttpStatus.ForReason((ReasonCode)reason));
        }
    }
}
