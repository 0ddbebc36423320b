using System;
using NetGuard.Diagnostics;
using NetGuard.Testing;
using NetGuard.Text;

namespace NetGuard.Http.Tests
{
    /// <summary>Builds processors with test routes and reads the responses a fake connection captured.</summary>
    public static class HttpTestKit
    {
        public const long Ms = 10000;

        public static HttpServerOptions Options()
        {
            return new HttpServerOptions();
        }

        /// <summary>Routes: GET /, GET /echo, POST /echo (buffered), PUT /echo, POST /upload (streamed, 100000 bytes).</summary>
        public static HttpRouter Router(EchoHandler echo, CountingHandler upload)
        {
            HttpRouter router = new HttpRouter();
            router.Map(HttpMethod.Get, "/", new AdminPageHandler());
            router.Map(HttpMethod.Get, "/echo", echo);
            router.Map(HttpMethod.Post, "/echo", echo);
            router.Map(HttpMethod.Put, "/echo", echo);
            router.MapStreaming(HttpMethod.Post, "/upload", upload, 100000, 0);
            return router;
        }

        /// <summary>Runs one exchange of <paramref name="connection"/> against the standard test routes.</summary>
        public static HttpConnectionProcessor Run(FakeConnection connection, ManualClock clock)
        {
            return Run(connection, clock, Options());
        }

        public static HttpConnectionProcessor Run(FakeConnection connection, ManualClock clock, HttpServerOptions options)
        {
            HttpConnectionProcessor processor = new HttpConnectionProcessor(Router(new EchoHandler(), new CountingHandler()), clock, options);
            processor.Process(connection);
            return processor;
        }

        /// <summary>Sends <paramref name="request"/> in one chunk and returns the captured response.</summary>
        public static FakeConnection Exchange(string request)
        {
            ManualClock clock = new ManualClock(0);
            FakeConnection connection = new FakeConnection(clock).Add(request);
            Run(connection, clock);
            return connection;
        }

        /// <summary>The final status code in a captured response (after any interim 100), or 0 when none.</summary>
        public static int Status(FakeConnection connection)
        {
            string text = FinalResponse(connection.SentText());
            if (text.Length < 12 || !text.StartsWith("HTTP/1.1 "))
            {
                return 0;
            }

            char[] digits = text.ToCharArray(9, 3);
            return (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
        }

        /// <summary>The value of header <paramref name="name"/> (exact case) in the final response, or null.</summary>
        public static string Header(FakeConnection connection, string name)
        {
            string text = FinalResponse(connection.SentText());
            int headEnd = text.IndexOf("\r\n\r\n");
            if (headEnd < 0)
            {
                return null;
            }

            string marker = "\r\n" + name + ": ";
            int at = text.IndexOf(marker);
            if (at < 0 || at > headEnd)
            {
                return null;
            }

            int start = at + marker.Length;
            int end = text.IndexOf("\r\n", start);
            return text.Substring(start, end - start);
        }

        /// <summary>The body of the final response decoded as UTF-8 ("" when invalid).</summary>
        public static string Body(FakeConnection connection)
        {
            byte[] sent = connection.SentBytes();
            string text = connection.SentText();
            int finalStart = text.Length - FinalResponse(text).Length;
            int headEnd = text.IndexOf("\r\n\r\n", finalStart);
            if (headEnd < 0)
            {
                return string.Empty;
            }

            int start = headEnd + 4;
            string decoded;
            return Utf8.TryDecode(sent, start, sent.Length - start, out decoded) ? decoded : string.Empty;
        }

        /// <summary>The body bytes of the final response (empty when there is no complete head).</summary>
        public static byte[] BodyBytes(FakeConnection connection)
        {
            byte[] sent = connection.SentBytes();
            string text = connection.SentText();
            int finalStart = text.Length - FinalResponse(text).Length;
            int headEnd = text.IndexOf("\r\n\r\n", finalStart);
            if (headEnd < 0)
            {
                return new byte[0];
            }

            byte[] body = new byte[sent.Length - headEnd - 4];
            Array.Copy(sent, headEnd + 4, body, 0, body.Length);
            return body;
        }

        /// <summary>The reason named by a refusal body {"reason":"..."}, or null.</summary>
        public static string Reason(FakeConnection connection)
        {
            string body = Body(connection);
            byte[] data = Utf8.GetBytes(body);
            JsonObject json;
            if (JsonReader.Parse(data, 0, data.Length, out json) != ReasonCode.Accepted)
            {
                return null;
            }

            string reason;
            return json.TryGetString("reason", out reason) ? reason : null;
        }

        public static void AssertRefused(FakeConnection connection, int status, ReasonCode reason)
        {
            Assert(status == Status(connection), "status " + status.ToString() + " expected, got " + Status(connection).ToString() + ": " + connection.SentText());
            Assert(ReasonCodeNames.Name(reason) == Reason(connection), "reason " + ReasonCodeNames.Name(reason) + " expected, got " + Reason(connection));
            Assert(connection.IsClosed, "connection closed");
            AssertSecurityHeaders(connection);
        }

        public static void AssertSecurityHeaders(FakeConnection connection)
        {
            Assert(Header(connection, "Content-Security-Policy") == HttpResponse.ContentSecurityPolicy, "CSP");
            Assert(Header(connection, "X-Frame-Options") == "DENY", "X-Frame-Options");
            Assert(Header(connection, "Cache-Control") == "no-store", "Cache-Control");
            Assert(Header(connection, "X-Content-Type-Options") == "nosniff", "X-Content-Type-Options");
            Assert(Header(connection, "Referrer-Policy") == "no-referrer", "Referrer-Policy");
            Assert(Header(connection, "Connection") == "close", "Connection: close");
        }

        public static string Repeat(char c, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = c;
            }

            return new string(chars);
        }

        private static string FinalResponse(string text)
        {
            // Skip interim 1xx responses (100 Continue).
            while (text.StartsWith("HTTP/1.1 1"))
            {
                int end = text.IndexOf("\r\n\r\n");
                if (end < 0)
                {
                    break;
                }

                text = text.Substring(end + 4);
            }

            return text;
        }

        private static void Assert(bool condition, string message)
        {
            nanoFramework.TestFramework.Assert.IsTrue(condition, message);
        }
    }

    /// <summary>Answers {"path":..,"query":..,"length":n,"body":"..."} with the buffered body as text.</summary>
    public sealed class EchoHandler : IRouteHandler
    {
        public void Handle(HttpRequest request, HttpResponse response)
        {
            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteString("path", request.Path);
            json.WriteString("query", request.Query);
            json.WriteNumber("length", request.BodyLength);
            string text;
            json.WriteString("body", Utf8.TryDecode(request.BodyBuffer, 0, request.BodyLength, out text) ? text : null);
            string token;
            json.WriteString("token", request.TryGetBearerToken(out token) ? token : null);
            json.WriteString("custom", request.GetHeader("x-custom"));
            json.EndObject();
            response.SendJson(200);
        }
    }
}
