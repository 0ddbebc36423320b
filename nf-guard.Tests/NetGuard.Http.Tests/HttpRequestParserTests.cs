using nanoFramework.TestFramework;
using NetGuard.Diagnostics;
using NetGuard.Testing;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class HttpRequestParserTests
    {
        private const string Host = "Host: device\r\n";

        private static string Get(string path)
        {
            return "GET " + path + " HTTP/1.1\r\n" + Host + "\r\n";
        }

        private static string Post(string path, string body)
        {
            return "POST " + path + " HTTP/1.1\r\n" + Host + "Content-Type: application/json\r\nContent-Length: " + body.Length.ToString() + "\r\n\r\n" + body;
        }

        [TestMethod]
        public void Get_WellFormed_Answers200WithPathAndQuery()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo?x=1&y=2 HTTP/1.1\r\nHost: device\r\nX-Custom:  value \t\r\n\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
            string body = HttpTestKit.Body(c);
            Assert.IsTrue(body.IndexOf("\"path\":\"/echo\"") >= 0, body);
            Assert.IsTrue(body.IndexOf("\"query\":\"x=1\\u0026y=2\"") >= 0, body);
            Assert.IsTrue(body.IndexOf("\"custom\":\"value\"") >= 0, body);
            Assert.IsTrue(c.IsClosed);
            HttpTestKit.AssertSecurityHeaders(c);
        }

        [TestMethod]
        public void Get_Http10WithoutHost_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.0\r\n\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void Get_DeliveredOneByteAtATime_Accepted()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add(Post("/echo", "{\"a\":1}"));
            c.MaxChunk = 1;

            HttpTestKit.Run(c, clock);

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.IsTrue(HttpTestKit.Body(c).IndexOf("\"length\":7") >= 0);
        }

        [TestMethod]
        public void RequestLine_ExactlyAtLimit_IsParsed()
        {
            // "GET " + path + " HTTP/1.1" = 13 + path length = 1024 bytes.
            string path = "/" + HttpTestKit.Repeat('a', 1024 - 13 - 1);
            FakeConnection c = HttpTestKit.Exchange(Get(path));

            HttpTestKit.AssertRefused(c, 404, ReasonCode.NotFound);
        }

        [TestMethod]
        public void RequestLine_OnePastLimit_Refused414()
        {
            string path = "/" + HttpTestKit.Repeat('a', 1024 - 13);
            FakeConnection c = HttpTestKit.Exchange(Get(path));

            HttpTestKit.AssertRefused(c, 414, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void RequestLine_EndlessWithoutCrlf_Refused414WithoutReadingMore()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("GET /" + HttpTestKit.Repeat('a', 5000));
            c.StallAtEnd = true;

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 414, ReasonCode.TooLarge);
        }

        private static string WithHeaderBytes(int total)
        {
            // "Host: device\r\n" is 14 bytes, "X-Pad: " + value + "\r\n" is 9 + value bytes.
            return "GET /echo HTTP/1.1\r\n" + Host + "X-Pad: " + HttpTestKit.Repeat('p', total - 14 - 9) + "\r\n\r\n";
        }

        [TestMethod]
        public void Headers_ExactlyAtByteLimit_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange(WithHeaderBytes(4096));

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void Headers_OneByteOverLimit_Refused431()
        {
            FakeConnection c = HttpTestKit.Exchange(WithHeaderBytes(4097));

            HttpTestKit.AssertRefused(c, 431, ReasonCode.HeadersTooLarge);
        }

        private static string WithHeaderCount(int count)
        {
            string head = "GET /echo HTTP/1.1\r\n" + Host;
            for (int i = 1; i < count; i++)
            {
                head += "X-H" + i.ToString() + ": v\r\n";
            }

            return head + "\r\n";
        }

        [TestMethod]
        public void Headers_ThirtyTwo_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange(WithHeaderCount(32));

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void Headers_ThirtyThree_Refused431()
        {
            FakeConnection c = HttpTestKit.Exchange(WithHeaderCount(33));

            HttpTestKit.AssertRefused(c, 431, ReasonCode.HeadersTooLarge);
        }

        [TestMethod]
        public void Body_ExactlyAtBufferedLimit_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange(Post("/echo", HttpTestKit.Repeat('b', 4096)));

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.IsTrue(HttpTestKit.Body(c).IndexOf("\"length\":4096") >= 0);
        }

        [TestMethod]
        public void Body_OnePastBufferedLimit_Refused413()
        {
            FakeConnection c = HttpTestKit.Exchange(Post("/echo", HttpTestKit.Repeat('b', 4097)));

            HttpTestKit.AssertRefused(c, 413, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void Body_OnGetRoute_Refused413()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.1\r\n" + Host + "Content-Length: 1\r\n\r\nx");

            HttpTestKit.AssertRefused(c, 413, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void Get_WithZeroContentLength_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.1\r\n" + Host + "Content-Length: 0\r\n\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void Upload_AtStreamLimit_StreamsWholeBody()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("POST /upload HTTP/1.1\r\n" + Host + "Content-Length: 100000\r\n\r\n");
            byte[] block = new byte[1000];
            for (int i = 0; i < block.Length; i++)
            {
                block[i] = 3;
            }

            for (int i = 0; i < 100; i++)
            {
                c.Add(block);
            }

            HttpTestKit.Run(c, clock);

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.IsTrue(HttpTestKit.Body(c).IndexOf("\"length\":100000,\"sum\":300000") >= 0, HttpTestKit.Body(c));
        }

        [TestMethod]
        public void Upload_OnePastStreamLimit_Refused413BeforeReadingBody()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("POST /upload HTTP/1.1\r\n" + Host + "Content-Length: 100001\r\n\r\n");
            c.StallAtEnd = true;

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 413, ReasonCode.TooLarge);
            Assert.AreEqual(1, c.ReceiveCalls);
        }

        [TestMethod]
        public void Upload_BodyShorterThanContentLength_Refused400Truncated()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("POST /upload HTTP/1.1\r\n" + Host + "Content-Length: 500\r\n\r\n").Add(new byte[499]);

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 400, ReasonCode.Truncated);
        }

        [TestMethod]
        public void Buffered_BodyShorterThanContentLength_Refused400Truncated()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 10\r\n\r\n123456789");

            HttpTestKit.AssertRefused(c, 400, ReasonCode.Truncated);
        }

        [TestMethod]
        public void Buffered_BodyStalls_Refused408()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 10\r\n\r\n12345");
            c.StallAtEnd = true;

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 408, ReasonCode.TimedOut);
        }

        [TestMethod]
        public void Head_SlowClientStalls_Refused408AtHeadDeadline()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).Add("GET /echo HTTP/1.1\r\n");
            c.StallAtEnd = true;

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 408, ReasonCode.TimedOut);
            Assert.IsTrue(clock.NowTicks <= 2000 * HttpTestKit.Ms, "gave up after one idle receive timeout");
        }

        [TestMethod]
        public void Head_TrickleBelowTheMinimumRate_Refused408HeadTooSlowAfterTheGraceTime()
        {
            // One byte every 1.5 s never trips the 2 s idle timeout; the minimum rate (100 B/s after 2 s) stops it.
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock);
            string request = Get("/echo");
            for (int i = 0; i < request.Length; i++)
            {
                c.AddAfter(1500, request.Substring(i, 1));
            }

            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 408, ReasonCode.HeadTooSlow);
            Assert.AreEqual(2000 * HttpTestKit.Ms, clock.NowTicks, "stopped when the grace time ran out");
            AssertReason(ReasonCode.HeadTooSlow, c.DroppedFor);
            Assert.IsFalse(c.InService);
        }

        [TestMethod]
        public void Head_TrickleWithTheRateCheckOff_Refused408AtTheHeadDeadline()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock);
            string request = Get("/echo");
            for (int i = 0; i < request.Length; i++)
            {
                c.AddAfter(1500, request.Substring(i, 1));
            }

            HttpServerOptions options = HttpTestKit.Options();
            options.MinHeadBytesPerSecond = 0;
            HttpTestKit.Run(c, clock, options);

            HttpTestKit.AssertRefused(c, 408, ReasonCode.TimedOut);
            Assert.IsTrue(clock.NowTicks <= 5000 * HttpTestKit.Ms, "stopped at the deadline");
            Assert.IsTrue(c.ReceiveCalls <= 6, "bounded number of receives");
            AssertReason(ReasonCode.Accepted, c.DroppedFor);
        }

        [TestMethod]
        public void Head_FastEnoughAfterASlowStart_Accepted()
        {
            // 20 bytes in the first 1.9 s, then the rest: above 100 B/s by the time the grace time ends.
            ManualClock clock = new ManualClock(0);
            string request = Get("/echo");
            FakeConnection c = new FakeConnection(clock).AddAfter(1900, request.Substring(0, 20)).AddAfter(50, request.Substring(20));

            HttpTestKit.Run(c, clock);

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.IsTrue(c.InService, "a complete head puts the connection in service");
            AssertReason(ReasonCode.Accepted, c.DroppedFor);
        }

        [TestMethod]
        public void Head_TrickleWithinDeadline_Accepted()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock);
            string request = Get("/echo");
            for (int i = 0; i < request.Length; i += 8)
            {
                c.AddAfter(100, request.Substring(i, i + 8 <= request.Length ? 8 : request.Length - i));
            }

            HttpTestKit.Run(c, clock);

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void Receive_TimeoutIsCutToTheDeadline()
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock).AddAfter(1500, "GET ").AddAfter(1500, "/echo ").AddAfter(1500, "HTTP/1.1\r\n");
            c.StallAtEnd = true;
            HttpServerOptions options = HttpTestKit.Options();
            options.MinHeadBytesPerSecond = 0;

            HttpTestKit.Run(c, clock, options);

            Assert.AreEqual(408, HttpTestKit.Status(c));
            Assert.AreEqual(500, c.LastTimeoutMilliseconds);
        }

        [TestMethod]
        [DataRow("GET /echo HTTP/1.1\nHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\n\n")]
        [DataRow("GET /echo HTTP/1.1\rHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: de\rvice\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\n X-Folded: yes\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\nX-A: 1\r\n\tfolded\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\n Host: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost : device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\n: empty-name\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\nX(bad): 1\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\nNo-Colon\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: device\r\nX-Del: a\u007Fb\r\n\r\n")]
        [DataRow("GET  /echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo  HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1 \r\nHost: device\r\n\r\n")]
        [DataRow(" GET /echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("\r\nGET /echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET\t/echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/11\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo http/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1x\r\nHost: device\r\n\r\n")]
        [DataRow("GET * HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET http://device/echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET device:80 HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo#frag HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /ec\u0001ho HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /ec\u00e9ho HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("G(T /echo HTTP/1.1\r\nHost: device\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")]
        [DataRow("GET /echo HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n")]
        public void Head_Malformed_Refused400(string request)
        {
            FakeConnection c = HttpTestKit.Exchange(request);

            HttpTestKit.AssertRefused(c, 400, ReasonCode.Malformed);
        }

        [TestMethod]
        public void Head_HeaderValueWithNulByte_Refused400()
        {
            // Built from bytes: a nanoFramework string ends at U+0000, so a string literal could not carry the NUL.
            ManualClock clock = new ManualClock(0);
            FakeConnection c = new FakeConnection(clock)
                .Add("GET /echo HTTP/1.1\r\nHost: device\r\nX-Nul: a")
                .Add(new byte[] { 0x00 })
                .Add("b\r\n\r\n");
            HttpTestKit.Run(c, clock);

            HttpTestKit.AssertRefused(c, 400, ReasonCode.Malformed);
        }

        [TestMethod]
        [DataRow("Content-Length: 12a\r\n")]
        [DataRow("Content-Length: +5\r\n")]
        [DataRow("Content-Length: -1\r\n")]
        [DataRow("Content-Length: 0x10\r\n")]
        [DataRow("Content-Length: 5 5\r\n")]
        [DataRow("Content-Length: 5,5\r\n")]
        [DataRow("Content-Length:\r\n")]
        [DataRow("Content-Length: 99999999999999999999\r\n")]
        [DataRow("Content-Length: 9223372036854775808\r\n")]
        [DataRow("Content-Length: 1234567890123456789\r\n")]
        [DataRow("Content-Length: 5\r\nContent-Length: 5\r\n")]
        [DataRow("Content-Length: 5\r\ncontent-length: 6\r\n")]
        [DataRow("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")]
        public void ContentLength_Malformed_Refused400(string headers)
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + headers + "\r\nhello");

            HttpTestKit.AssertRefused(c, 400, ReasonCode.Malformed);
        }

        [TestMethod]
        public void ContentLength_EighteenDigits_Refused413NotOverflow()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /upload HTTP/1.1\r\n" + Host + "Content-Length: 999999999999999999\r\n\r\n");

            HttpTestKit.AssertRefused(c, 413, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void ContentLength_LeadingZeros_Accepted()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + "Content-Length: 005\r\n\r\nhello");

            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void TransferEncodingChunked_Refused411()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

            HttpTestKit.AssertRefused(c, 411, ReasonCode.LengthRequired);
        }

        [TestMethod]
        public void Post_WithoutContentLength_Refused411()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + "\r\nhello");

            HttpTestKit.AssertRefused(c, 411, ReasonCode.LengthRequired);
        }

        [TestMethod]
        [DataRow("HTTP/2.0")]
        [DataRow("HTTP/1.2")]
        [DataRow("HTTP/0.9")]
        [DataRow("HTTP/3.1")]
        public void Version_Unsupported_Refused505(string version)
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo " + version + "\r\n" + Host + "\r\n");

            HttpTestKit.AssertRefused(c, 505, ReasonCode.HttpVersionNotSupported);
        }

        [TestMethod]
        [DataRow("DELETE")]
        [DataRow("HEAD")]
        [DataRow("OPTIONS")]
        [DataRow("get")]
        public void Method_NotImplemented_Refused405WithAllow(string method)
        {
            FakeConnection c = HttpTestKit.Exchange(method + " /echo HTTP/1.1\r\n" + Host + "\r\n");

            HttpTestKit.AssertRefused(c, 405, ReasonCode.MethodNotAllowed);
            Assert.AreEqual("GET, POST, PUT", HttpTestKit.Header(c, "Allow"));
        }

        [TestMethod]
        public void Method_WrongForRoute_Refused405WithAllow()
        {
            FakeConnection c = HttpTestKit.Exchange("PUT / HTTP/1.1\r\n" + Host + "Content-Length: 0\r\n\r\n");

            HttpTestKit.AssertRefused(c, 405, ReasonCode.MethodNotAllowed);
            Assert.AreEqual("GET", HttpTestKit.Header(c, "Allow"));
        }

        [TestMethod]
        public void Path_Unknown_Refused404()
        {
            FakeConnection c = HttpTestKit.Exchange(Get("/api/../echo"));

            HttpTestKit.AssertRefused(c, 404, ReasonCode.NotFound);
        }

        [TestMethod]
        public void Path_IsCaseSensitive_Refused404()
        {
            FakeConnection c = HttpTestKit.Exchange(Get("/ECHO"));

            HttpTestKit.AssertRefused(c, 404, ReasonCode.NotFound);
        }

        [TestMethod]
        public void Peer_ClosesBeforeAnyByte_NoResponseAndClosed()
        {
            FakeConnection c = HttpTestKit.Exchange(string.Empty);

            Assert.AreEqual(0, c.SentBytes().Length);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void Peer_ClosesMidHead_NoResponseAndClosed()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.1\r\nHost: dev");

            Assert.AreEqual(0, c.SentBytes().Length);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void ExpectContinue_SendsInterim100ThenAnswer()
        {
            FakeConnection c = HttpTestKit.Exchange("POST /echo HTTP/1.1\r\n" + Host + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\nhi");

            Assert.IsTrue(c.SentText().StartsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), c.SentText());
            Assert.AreEqual(200, HttpTestKit.Status(c));
        }

        [TestMethod]
        public void BearerToken_IsRead_AndHeaderNamesAreCaseInsensitive()
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.1\r\n" + Host + "AUTHORIZATION: Bearer abc-DEF_123.~+/=\r\nx-CUSTOM: v\r\n\r\n");

            string body = HttpTestKit.Body(c);
            Assert.IsTrue(body.IndexOf("\"token\":\"abc-DEF_123.~+/=\"") >= 0, body);
            Assert.IsTrue(body.IndexOf("\"custom\":\"v\"") >= 0, body);
        }

        [TestMethod]
        [DataRow("Authorization: Basic YWRtaW46YWRtaW4=\r\n")]
        [DataRow("Authorization: Bearer\r\n")]
        [DataRow("Authorization: Bearer a b\r\n")]
        [DataRow("Authorization: Bearer a\"b\r\n")]
        [DataRow("Authorization: Bearer a\r\nAuthorization: Bearer b\r\n")]
        public void BearerToken_Malformed_IsNotRead(string header)
        {
            FakeConnection c = HttpTestKit.Exchange("GET /echo HTTP/1.1\r\n" + Host + header + "\r\n");

            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.IsTrue(HttpTestKit.Body(c).IndexOf("\"token\":null") >= 0, HttpTestKit.Body(c));
        }

        [TestMethod]
        public void Processor_IsReusableAfterARefusal()
        {
            ManualClock clock = new ManualClock(0);
            HttpConnectionProcessor processor = new HttpConnectionProcessor(HttpTestKit.Router(new EchoHandler(), new CountingHandler()), clock, HttpTestKit.Options());
            FakeConnection bad = new FakeConnection(clock).Add("GET /echo HTTP/1.1\r\nHost: device\r\nX-Pad: " + HttpTestKit.Repeat('p', 5000) + "\r\n\r\n");
            FakeConnection good = new FakeConnection(clock).Add(Post("/echo", "ok"));

            processor.Process(bad);
            processor.Process(good);

            Assert.AreEqual(431, HttpTestKit.Status(bad));
            Assert.AreEqual(200, HttpTestKit.Status(good));
            Assert.IsTrue(HttpTestKit.Body(good).IndexOf("\"body\":\"ok\"") >= 0, HttpTestKit.Body(good));
            Assert.AreEqual(HttpConnectionProcessor.PhaseIdle, processor.Phase);
        }

        private static void AssertReason(ReasonCode expected, ReasonCode actual)
        {
            Assert.AreEqual(ReasonCodeNames.Name(expected), ReasonCodeNames.Name(actual));
        }
    }
}
