using System;
using System.Threading;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Text;

namespace NetGuard.Http
{
    /// <summary>
    /// Writes the one response of an exchange: status line, Content-Type, Content-Length,
    /// <c>Connection: close</c> and, on every response, the security headers in
    /// <see cref="SecurityHeaders"/>; <c>Retry-After</c> for refusals that waiting cures,
    /// <c>WWW-Authenticate: Bearer</c> on 401 (RFC 9110 11.6.1), <c>Allow</c> on 405 (RFC 9110 15.5.6).
    /// Bodies go out in small chunks from a buffer allocated once per worker. Only the first send method
    /// called has an effect; later ones are ignored (a handler cannot send two answers). A send the
    /// egress limiter refuses is retried for a short while, then the exchange is abandoned.
    /// </summary>
    public sealed class HttpResponse
    {
        /// <summary>Content-Type of JSON bodies (RFC 8259 section 11 defines no charset parameter).</summary>
        public const string JsonContentType = "application/json";

        /// <summary>Content-Type of the admin page.</summary>
        public const string HtmlContentType = "text/html; charset=utf-8";

        /// <summary>
        /// The Content-Security-Policy sent on every response. The page is one self-contained document:
        /// its inline script and style are allowed, nothing else is loaded, it may call only its own
        /// origin, show images from its own origin and blob:/data: URLs (the camera snapshot), and may
        /// not be framed.
        /// </summary>
        public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

        /// <summary>The header block added to every response, each line ending in CRLF.</summary>
        public const string SecurityHeaders =
            "Content-Security-Policy: " + ContentSecurityPolicy + "\r\n" +
            "X-Frame-Options: DENY\r\n" +
            "Cache-Control: no-store\r\n" +
            "X-Content-Type-Options: nosniff\r\n" +
            "Referrer-Policy: no-referrer\r\n";

        private const long TicksPerMillisecond = 10000;
        private readonly byte[] _out;
        private readonly JsonWriter _json;
        private readonly int _sendRetryMilliseconds;
        private IConnection _connection;
        private int _fill;
        private bool _started;
        private bool _failed;
        private long _streamRemaining;
        private string _allow;
        private int _status;
        private ReasonCode _reason;

        internal HttpResponse(HttpServerOptions options)
        {
            // Room for the longest head this class writes (about 600 bytes) and a TCP segment of body.
            _out = new byte[1460];
            _json = new JsonWriter(256, options.MaxJsonResponseBytes);
            _sendRetryMilliseconds = options.SendRetryMilliseconds;
        }

        /// <summary>True once a send method has been called.</summary>
        public bool HasStarted
        {
            get { return _started; }
        }

        /// <summary>True when sending failed (peer gone, egress refused); the server then just closes.</summary>
        public bool Failed
        {
            get { return _failed; }
        }

        /// <summary>The status sent, or 0 before any.</summary>
        public int StatusCode
        {
            get { return _status; }
        }

        /// <summary>The reason code sent in a refusal body, or Accepted.</summary>
        public ReasonCode Reason
        {
            get { return _reason; }
        }

        /// <summary>
        /// This worker's JSON writer, emptied for each request: write one object or array, then call
        /// <see cref="SendJson"/>.
        /// </summary>
        public JsonWriter Json
        {
            get { return _json; }
        }

        /// <summary>
        /// Sends the document in <see cref="Json"/> with <paramref name="status"/>. An incomplete or
        /// overflowed document is not sent; a 500 goes out instead.
        /// </summary>
        /// <param name="status">HTTP status, 100 to 599.</param>
        public void SendJson(int status)
        {
            if (!_json.IsComplete)
            {
                SendReason(500, ReasonCode.TooLarge, 0);
                return;
            }

            Send(status, JsonContentType, _json.Buffer, 0, _json.Length);
        }

        /// <summary>
        /// Sends the refusal <paramref name="reason"/>: the status from <see cref="HttpStatus.ForReason"/> and
        /// the body <c>{"reason":"&lt;name&gt;"}</c>.
        /// </summary>
        /// <param name="reason">The reason code.</param>
        public void SendReason(ReasonCode reason)
        {
            SendReason(HttpStatus.ForReason(reason), reason, 0);
        }

        /// <summary>
        /// Sends <paramref name="decision"/>: 200 with <c>{"reason":"Accepted"}</c> when accepted, otherwise the
        /// refusal with its status and, when it carries a wait, a Retry-After header in whole seconds.
        /// </summary>
        /// <param name="decision">The decision.</param>
        public void SendDecision(Decision decision)
        {
            SendReason(HttpStatus.ForReason(decision.Reason), decision.Reason, decision.RetryAfterTicks);
        }

        /// <summary>
        /// Sends <c>{"reason":"&lt;name&gt;"}</c> with an explicit <paramref name="status"/> and, when
        /// <paramref name="retryAfterTicks"/> is more than 0, Retry-After rounded up to whole seconds.
        /// </summary>
        /// <param name="status">HTTP status, 100 to 599.</param>
        /// <param name="reason">The reason code named in the body.</param>
        /// <param name="retryAfterTicks">Wait before retrying, in 100 ns ticks; 0 for none.</param>
        public void SendReason(int status, ReasonCode reason, long retryAfterTicks)
        {
            if (retryAfterTicks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(retryAfterTicks));
            }

            if (_started)
            {
                return;
            }

            _json.Reset();
            _json.BeginObject();
            _json.WriteString("reason", ReasonCodeNames.Name(reason));
            _json.EndObject();
            _reason = reason;
            long seconds = retryAfterTicks <= 0 ? 0 : (retryAfterTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
            if (seconds == 0 && (status == 429 || status == 503))
            {
                seconds = 1;
            }

            StartHead(status, JsonContentType, _json.Length, seconds, null);
            Body(_json.Buffer, 0, _json.Length);
            Flush();
        }

        /// <summary>
        /// Sends <paramref name="count"/> bytes of <paramref name="body"/> from <paramref name="offset"/> as the
        /// whole body. Throws for a null content type or body, a bad range, or a status outside 100 to 599.
        /// </summary>
        /// <param name="status">HTTP status.</param>
        /// <param name="contentType">Content-Type value.</param>
        /// <param name="body">The body bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        public void Send(int status, string contentType, byte[] body, int offset, int count)
        {
            ByteRange.Check(body, offset, count);
            if (_started)
            {
                return;
            }

            StartHead(status, contentType, count, 0, null);
            Body(body, offset, count);
            Flush();
        }

        /// <summary>
        /// Sends <paramref name="text"/> as UTF-8, encoded chunk by chunk into the worker's buffer (the admin
        /// page is never copied whole into RAM).
        /// </summary>
        /// <param name="status">HTTP status.</param>
        /// <param name="contentType">Content-Type value, including its charset.</param>
        /// <param name="text">The body text.</param>
        public void SendText(int status, string contentType, string text)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(text));

            if (_started)
            {
                return;
            }

            StartHead(status, contentType, Utf8.GetByteCount(text), 0, null);
            int index = 0;
            while (!_failed && index < text.Length)
            {
                _fill += Utf8.Encode(text, ref index, _out, _fill, _out.Length - _fill);
                if (index < text.Length)
                {
                    FlushBuffer();
                }
            }

            Flush();
        }

        /// <summary>
        /// Starts a body of known length that the handler writes in pieces with <see cref="WriteBody"/> (a
        /// camera snapshot). Returns false when a response was already started or the head could not be sent.
        /// </summary>
        /// <param name="status">HTTP status.</param>
        /// <param name="contentType">Content-Type value.</param>
        /// <param name="contentLength">Exact body length in bytes; 0 or more.</param>
        /// <returns>True when the body can be written.</returns>
        public bool BeginBody(int status, string contentType, long contentLength)
        {
            return BeginBody(status, contentType, contentLength, null);
        }

        /// <summary>
        /// <see cref="BeginBody(int, string, long)"/> for a body in a content coding (RFC 9110 section 8.4, for example
        /// "gzip"): the head adds Content-Encoding and "Vary: Accept-Encoding". Null means no coding.
        /// </summary>
        /// <param name="status">HTTP status.</param>
        /// <param name="contentType">Content-Type value.</param>
        /// <param name="contentLength">Exact length of the encoded body in bytes; 0 or more.</param>
        /// <param name="contentEncoding">The content coding, or null.</param>
        /// <returns>True when the body can be written.</returns>
        public bool BeginBody(int status, string contentType, long contentLength, string contentEncoding)
        {
            if (contentLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(contentLength));
            }

            if (contentEncoding != null)
            {
                CheckHeaderValue(contentEncoding, nameof(contentEncoding));
            }

            if (_started)
            {
                return false;
            }

            StartHead(status, contentType, contentLength, 0, contentEncoding);
            _streamRemaining = contentLength;
            FlushBuffer();
            return !_failed;
        }

        /// <summary>
        /// Writes the next piece of a body started with <see cref="BeginBody(int, string, long)"/>. Returns false when sending
        /// failed; throws <see cref="InvalidOperationException"/> when no body was begun or the piece would
        /// exceed the declared length.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>True when sent.</returns>
        public bool WriteBody(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count);
            if (!_started || count > _streamRemaining)
            {
                throw new InvalidOperationException("WriteBody needs BeginBody and must stay within its length.");
            }

            if (_failed)
            {
                return false;
            }

            _streamRemaining -= count;
            return SendAll(data, offset, count);
        }

        /// <summary>True when a body begun with <see cref="BeginBody(int, string, long)"/> was written to its full length.</summary>
        public bool BodyComplete
        {
            get { return _streamRemaining == 0; }
        }

        /// <summary>
        /// Builds a complete refusal response once, for a path that must answer without a worker (the
        /// accept loop's 503 when every worker is busy).
        /// </summary>
        internal static byte[] BuildRefusal(int status, ReasonCode reason, int retryAfterSeconds)
        {
            string body = "{\"reason\":\"" + ReasonCodeNames.Name(reason) + "\"}";
            string head = "HTTP/1.1 " + status.ToString() + " " + HttpStatus.Phrase(status) + "\r\n"
                + "Content-Type: " + JsonContentType + "\r\n"
                + "Content-Length: " + body.Length.ToString() + "\r\n"
                + "Connection: close\r\n"
                + SecurityHeaders
                + (retryAfterSeconds > 0 ? "Retry-After: " + retryAfterSeconds.ToString() + "\r\n" : string.Empty)
                + "\r\n";
            return Utf8.GetBytes(head + body);
        }

        internal void Reset(IConnection connection)
        {
            _connection = connection;
            _fill = 0;
            _started = false;
            _failed = false;
            _streamRemaining = 0;
            _allow = null;
            _status = 0;
            _reason = ReasonCode.Accepted;
            _json.Reset();
        }

        /// <summary>Zeroes the output and JSON buffers (a login response carries a session token).</summary>
        internal void Wipe()
        {
            Array.Clear(_out, 0, _out.Length);
            Array.Clear(_json.Buffer, 0, _json.Length);
            _json.Reset();

            // The exchange is over: the connection (its socket, buffers and reply bucket) is not kept alive, and a
            // handler that kept this response and writes to it later is refused until the worker's next exchange reuses
            // it (a handler must not keep it: IRouteHandler).
            _connection = null;
            _failed = true;
        }

        internal void SetAllow(string methods)
        {
            _allow = methods;
        }

        /// <summary>Sends the interim 100 Continue (RFC 9110 10.1.1) before reading an expected body.</summary>
        internal void SendContinue()
        {
            _fill = 0;
            Ascii("HTTP/1.1 100 Continue\r\n\r\n");
            FlushBuffer();
        }

        private void StartHead(int status, string contentType, long contentLength, long retryAfterSeconds, string contentEncoding)
        {
            ArgumentNullException.ThrowIfNull(contentType, nameof(contentType));

            if (status < 100 || status > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(status));
            }

            CheckHeaderValue(contentType, nameof(contentType));
            _started = true;
            _status = status;
            _fill = 0;
            Ascii("HTTP/1.1 ");
            Ascii(status.ToString());
            Ascii(" ");
            Ascii(HttpStatus.Phrase(status));
            Ascii("\r\nContent-Type: ");
            Ascii(contentType);
            Ascii("\r\nContent-Length: ");
            Ascii(contentLength.ToString());
            Ascii("\r\nConnection: close\r\n");
            Ascii(SecurityHeaders);
            if (contentEncoding != null)
            {
                Ascii("Content-Encoding: ");
                Ascii(contentEncoding);
                Ascii("\r\nVary: Accept-Encoding\r\n");
            }

            if (retryAfterSeconds > 0)
            {
                Ascii("Retry-After: ");
                Ascii(retryAfterSeconds.ToString());
                Ascii("\r\n");
            }

            if (status == 401)
            {
                Ascii("WWW-Authenticate: Bearer realm=\"NetGuard\"\r\n");
            }

            if (status == 405 && _allow != null)
            {
                Ascii("Allow: ");
                Ascii(_allow);
                Ascii("\r\n");
            }

            Ascii("\r\n");
        }

        private static void CheckHeaderValue(string value, string name)
        {
            char[] chars = value.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x20 || c > 0x7E)
                {
                    // A CR or LF here would let a caller inject headers.
                    throw new ArgumentOutOfRangeException(name, "Header values are visible ASCII and spaces.");
                }
            }
        }

        private void Ascii(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (_fill == _out.Length)
                {
                    FlushBuffer();
                }

                _out[_fill++] = (byte)chars[i];
            }
        }

        private void Body(byte[] data, int offset, int count)
        {
            while (count > 0 && !_failed)
            {
                int room = _out.Length - _fill;
                if (room == 0)
                {
                    FlushBuffer();
                    continue;
                }

                int take = count < room ? count : room;
                Array.Copy(data, offset, _out, _fill, take);
                _fill += take;
                offset += take;
                count -= take;
            }
        }

        private void Flush()
        {
            FlushBuffer();
        }

        private void FlushBuffer()
        {
            if (_fill > 0 && !_failed)
            {
                SendAll(_out, 0, _fill);
            }

            _fill = 0;
        }

        private bool SendAll(byte[] data, int offset, int count)
        {
            if (_failed)
            {
                return false;
            }

            // Bounded by the time actually slept, not the clock, so a frozen clock cannot loop forever.
            int slept = 0;
            while (true)
            {
                Decision decision = _connection.Send(data, offset, count);
                if (decision.IsAccepted)
                {
                    return true;
                }

                if (decision.Reason != ReasonCode.RateLimited || slept >= _sendRetryMilliseconds)
                {
                    _failed = true;
                    return false;
                }

                // The egress limiter said when tokens return; wait that long (at most 100 ms), then retry.
                long waitMilliseconds = decision.RetryAfterTicks / TicksPerMillisecond;
                if (waitMilliseconds > 100)
                {
                    waitMilliseconds = 100;
                }

                if (waitMilliseconds > _sendRetryMilliseconds - slept)
                {
                    waitMilliseconds = _sendRetryMilliseconds - slept;
                }

                if (waitMilliseconds < 1)
                {
                    waitMilliseconds = 1;
                }

                Thread.Sleep((int)waitMilliseconds);
                slept += (int)waitMilliseconds;
            }
        }
    }
}
