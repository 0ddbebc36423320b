using System;
using System.Text;
using NetGuard.Http;
using NetGuard.Http.Tests;
using NetGuard.Testing;

namespace NetGuard.Fuzz;

/// <summary>
/// The one HTTP oracle: the AFL++ target (<c>http-request</c>) and the host tests' replay and random runs all call
/// <see cref="Run"/>. Any bytes as one connection's input must end with the connection closed, the processor idle, a
/// bounded number of receives and, when anything was sent, one well-formed answer: an allowed status, the security
/// headers, <c>Connection: close</c> and a Content-Length equal to the body. A broken invariant throws
/// <see cref="FuzzInvariantException"/>.
/// </summary>
internal static class HttpOracle
{
    /// <summary>Statuses the server may answer with.</summary>
    private static readonly int[] AllowedStatuses = { 200, 400, 404, 405, 408, 411, 413, 414, 415, 431, 500, 505 };

    /// <summary>Runs one exchange over <paramref name="input"/>, delivered in pieces of at most <paramref name="maxChunk"/> bytes.</summary>
    public static void Run(byte[] input, int maxChunk = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        var connection = new ByteArrayConnection(input, maxChunk);
        var processor = new HttpConnectionProcessor(Router(), new ManualClock(0), new HttpServerOptions());

        processor.Process(connection);

        Check(connection.IsClosed, "connection left open");
        Check(processor.Phase == HttpConnectionProcessor.PhaseIdle, "processor not idle after Process");
        Check(connection.ReceiveCalls <= input.Length + 2, "more receives than input bytes");
        byte[] sent = connection.Sent;
        if (sent.Length == 0)
        {
            return;
        }

        string text = Encoding.Latin1.GetString(sent);
        if (text.StartsWith("HTTP/1.1 100 Continue\r\n\r\n", StringComparison.Ordinal))
        {
            text = text.Substring(25);
        }

        Check(text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && text.Length > 12, "response does not start with a status line");
        Check(int.TryParse(text.AsSpan(9, 3), out int status) && Array.IndexOf(AllowedStatuses, status) >= 0, "unexpected status " + text.Substring(9, 3));
        Check(text.Contains("\r\nContent-Security-Policy: " + HttpResponse.ContentSecurityPolicy + "\r\n", StringComparison.Ordinal), "no CSP");
        Check(text.Contains("\r\nX-Frame-Options: DENY\r\n", StringComparison.Ordinal), "no X-Frame-Options");
        Check(text.Contains("\r\nConnection: close\r\n", StringComparison.Ordinal), "no Connection: close");
        int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Check(headEnd > 0, "unterminated head");
        int lengthAt = text.IndexOf("\r\nContent-Length: ", StringComparison.Ordinal);
        Check(lengthAt > 0 && lengthAt < headEnd, "no Content-Length");
        lengthAt += 18;
        Check(int.TryParse(text.AsSpan(lengthAt, text.IndexOf("\r\n", lengthAt, StringComparison.Ordinal) - lengthAt), out int declared), "Content-Length not a number");
        Check(text.Length - headEnd - 4 == declared, "Content-Length differs from the body");
    }

    /// <summary>The route table under test: admin page, status, JSON body, streamed upload of up to 1 MiB.</summary>
    public static HttpRouter Router()
    {
        var router = new HttpRouter();
        router.Map(HttpMethod.Get, "/", new AdminPageHandler());
        router.Map(HttpMethod.Get, "/api/status", new StatusHandler());
        router.Map(HttpMethod.Post, "/api/login", new JsonEchoHandler());
        router.MapStreaming(HttpMethod.Post, "/api/update", new CountingHandler(), 1 << 20, 0);
        return router;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzInvariantException("http: " + message);
        }
    }
}
