using System;
using System.Text;
using NetGuard.Fuzz;
using NetGuard.Http;
using NetGuard.Platform;
using NetGuard.Testing;

namespace NetGuard.HostTests.Http;

/// <summary>
/// Fuzz entry points for the admin server core: feed any bytes as one connection's input. A fuzz harness
/// (SharpFuzz/AFL++, see shared/host-tooling.md) calls <see cref="FuzzRequest"/> per input; it throws
/// <see cref="InvalidOperationException"/> when an invariant breaks, which the fuzzer records as a crash.
/// </summary>
public static class HttpFuzz
{
    /// <summary>Statuses the server may answer with.</summary>
    private static readonly int[] AllowedStatuses = { 200, 400, 404, 405, 408, 411, 413, 414, 415, 431, 500, 505 };

    /// <summary>Runs one exchange over <paramref name="input"/>, delivered in chunks of <paramref name="maxChunk"/> bytes.</summary>
    public static void FuzzRequest(byte[] input, int maxChunk = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = new ManualClock(0);
        var connection = new ByteArrayConnection(input, maxChunk);
        var processor = new HttpConnectionProcessor(Router(), clock, new HttpServerOptions());

        processor.Process(connection);

        Check(connection.IsClosed, "connection left open");
        Check(processor.Phase == HttpConnectionProcessor.PhaseIdle, "processor not idle");
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
        int status = int.Parse(text.AsSpan(9, 3));
        Check(Array.IndexOf(AllowedStatuses, status) >= 0, "unexpected status " + status);
        Check(text.Contains("\r\nContent-Security-Policy: " + HttpResponse.ContentSecurityPolicy + "\r\n", StringComparison.Ordinal), "no CSP");
        Check(text.Contains("\r\nX-Frame-Options: DENY\r\n", StringComparison.Ordinal), "no X-Frame-Options");
        Check(text.Contains("\r\nConnection: close\r\n", StringComparison.Ordinal), "no Connection: close");
        int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Check(headEnd > 0, "unterminated head");
        int lengthAt = text.IndexOf("\r\nContent-Length: ", StringComparison.Ordinal) + 18;
        int declared = int.Parse(text.AsSpan(lengthAt, text.IndexOf("\r\n", lengthAt, StringComparison.Ordinal) - lengthAt));
        Check(text.Length - headEnd - 4 == declared, "Content-Length differs from the body");
    }

    /// <summary>The route table the fuzzer exercises: page, status, JSON echo, streamed upload.</summary>
    internal static HttpRouter Router()
    {
        var router = new HttpRouter();
        router.Map(HttpMethod.Get, "/", new AdminPageHandler());
        router.Map(HttpMethod.Get, "/api/status", new StatusHandler());
        router.Map(HttpMethod.Post, "/api/login", new JsonEchoHandler());
        router.MapStreaming(HttpMethod.Post, "/api/update", new UploadHandler(), 1 << 20, 0);
        return router;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("HTTP fuzz invariant broken: " + message);
        }
    }
}
