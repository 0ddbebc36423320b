using System;
using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    /// <summary>
    /// One parsed request, as a route handler sees it. Each connection worker owns one instance and its
    /// buffers (allocated once); the server refills it for every request, so a handler must not keep it
    /// after <see cref="IRouteHandler.Handle"/> returns. Header values stay as bytes in the head buffer
    /// until asked for: a request allocates strings only for its path and the headers a handler reads.
    /// </summary>
    public sealed class HttpRequest
    {
        internal readonly byte[] Head;
        internal readonly byte[] BodyStore;
        internal readonly int[] NameStart;
        internal readonly int[] NameLength;
        internal readonly int[] ValueStart;
        internal readonly int[] ValueLength;
        internal int HeaderCountValue;
        internal int Filled;
        internal int HeadEnd;
        internal int BodyLengthValue;
        internal HttpBodyReader BodyReader;
        internal bool BodyIsStreamed;

        internal HttpRequest(HttpServerOptions options)
        {
            // Request line + CRLF + header section + final CRLF: the most a valid head can take.
            Head = new byte[options.MaxRequestLineBytes + 2 + options.MaxHeaderBytes + 2];
            BodyStore = new byte[options.BufferedBodyBytes];
            NameStart = new int[options.MaxHeaderCount];
            NameLength = new int[options.MaxHeaderCount];
            ValueStart = new int[options.MaxHeaderCount];
            ValueLength = new int[options.MaxHeaderCount];
        }

        /// <summary>The method; <see cref="HttpMethod.Other"/> for any valid token but GET, POST, PUT.</summary>
        public HttpMethod Method { get; internal set; }

        /// <summary>The path part of the request target (before '?'), exactly as sent; starts with '/'.</summary>
        public string Path { get; internal set; }

        /// <summary>The query after '?', without it; null when the target has none.</summary>
        public string Query { get; internal set; }

        /// <summary>The minor HTTP version: 1 for HTTP/1.1, 0 for HTTP/1.0.</summary>
        public int VersionMinor { get; internal set; }

        /// <summary>The declared body length in bytes; 0 when the request has no Content-Length (GET).</summary>
        public long ContentLength { get; internal set; }

        /// <summary>The peer's IPv4 address in host order, for per-client throttling.</summary>
        public uint RemoteAddress { get; internal set; }

        /// <summary>Number of header fields received.</summary>
        public int HeaderCount
        {
            get { return HeaderCountValue; }
        }

        /// <summary>The buffered body of a non-streaming route; its first <see cref="BodyLength"/> bytes are the body.</summary>
        public byte[] BodyBuffer
        {
            get { return BodyStore; }
        }

        /// <summary>Length of the buffered body in bytes; 0 for a streaming route (read <see cref="Body"/>).</summary>
        public int BodyLength
        {
            get { return BodyIsStreamed ? 0 : BodyLengthValue; }
        }

        /// <summary>For a streaming route, the reader that pulls the body from the connection; null otherwise.</summary>
        public HttpBodyReader Body
        {
            get { return BodyIsStreamed ? BodyReader : null; }
        }

        /// <summary>
        /// The value of header <paramref name="name"/> (case-insensitive, RFC 9110 5.1), trimmed, or null when
        /// absent. Bytes above 0x7F are kept as Latin-1 characters. When the field repeats, the first one.
        /// </summary>
        /// <param name="name">The field name, for example "authorization".</param>
        /// <returns>The value, or null.</returns>
        public string GetHeader(string name)
        {
            int index = FindHeader(name, 0);
            if (index < 0)
            {
                return null;
            }

            return ValueAt(index);
        }

        /// <summary>
        /// Every value of header <paramref name="name"/> joined with ", " in the order received (RFC 9110 section 5.3:
        /// a repeated list field means its values combined), or null when absent.
        /// </summary>
        /// <param name="name">The field name, for example "accept-encoding".</param>
        /// <returns>The combined value, or null.</returns>
        public string GetHeaderList(string name)
        {
            int index = FindHeader(name, 0);
            if (index < 0)
            {
                return null;
            }

            string value = ValueAt(index);
            for (index = FindHeader(name, index + 1); index >= 0; index = FindHeader(name, index + 1))
            {
                value = value + ", " + ValueAt(index);
            }

            return value;
        }

        private string ValueAt(int index)
        {
            int start = ValueStart[index];
            int length = ValueLength[index];
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)Head[start + i];
            }

            return new string(chars);
        }

        /// <summary>How many times header <paramref name="name"/> occurs (case-insensitive).</summary>
        /// <param name="name">The field name.</param>
        /// <returns>The count.</returns>
        public int CountHeader(string name)
        {
            int count = 0;
            int index = FindHeader(name, 0);
            while (index >= 0)
            {
                count++;
                index = FindHeader(name, index + 1);
            }

            return count;
        }

        /// <summary>
        /// True when the value of header <paramref name="name"/> equals <paramref name="value"/> ignoring ASCII
        /// case, compared in place without allocating.
        /// </summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The expected value (ASCII).</param>
        /// <returns>True on a match.</returns>
        public bool HeaderEquals(string name, string value)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(value));

            int index = FindHeader(name, 0);
            return index >= 0 && EqualsIgnoreCase(ValueStart[index], ValueLength[index], value, value.Length);
        }

        /// <summary>
        /// True when the media type of Content-Type is <paramref name="mediaType"/> (case-insensitive, parameters
        /// such as charset ignored), for example "application/json".
        /// </summary>
        /// <param name="mediaType">type/subtype.</param>
        /// <returns>True on a match.</returns>
        public bool HasMediaType(string mediaType)
        {
            ArgumentNullException.ThrowIfNull(mediaType, nameof(mediaType));

            int index = FindHeader("content-type", 0);
            if (index < 0)
            {
                return false;
            }

            int start = ValueStart[index];
            int length = ValueLength[index];
            int typeLength = 0;
            while (typeLength < length && Head[start + typeLength] != (byte)';' && Head[start + typeLength] != (byte)' ' && Head[start + typeLength] != (byte)'\t')
            {
                typeLength++;
            }

            return EqualsIgnoreCase(start, typeLength, mediaType, mediaType.Length);
        }

        /// <summary>
        /// Reads the token of an <c>Authorization: Bearer &lt;token&gt;</c> header (RFC 6750 section 2.1).
        /// Returns false when the header is absent, repeated, of another scheme, or the token is empty or
        /// holds characters outside RFC 6750's b64token set.
        /// </summary>
        /// <param name="token">The token, or null.</param>
        /// <returns>True when a well-formed bearer token was sent.</returns>
        public bool TryGetBearerToken(out string token)
        {
            token = null;
            int index = FindHeader("authorization", 0);
            if (index < 0 || FindHeader("authorization", index + 1) >= 0)
            {
                return false;
            }

            int start = ValueStart[index];
            int length = ValueLength[index];
            const string Scheme = "bearer ";
            if (length <= Scheme.Length || !EqualsIgnoreCase(start, Scheme.Length, Scheme, Scheme.Length))
            {
                return false;
            }

            int tokenStart = start + Scheme.Length;
            int tokenLength = length - Scheme.Length;
            while (tokenLength > 0 && Head[tokenStart] == (byte)' ')
            {
                tokenStart++;
                tokenLength--;
            }

            if (tokenLength == 0)
            {
                return false;
            }

            char[] chars = new char[tokenLength];
            for (int i = 0; i < tokenLength; i++)
            {
                byte b = Head[tokenStart + i];
                bool b64token = (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9')
                    || b == (byte)'-' || b == (byte)'.' || b == (byte)'_' || b == (byte)'~' || b == (byte)'+' || b == (byte)'/' || b == (byte)'=';
                if (!b64token)
                {
                    return false;
                }

                chars[i] = (char)b;
            }

            token = new string(chars);
            return true;
        }

        /// <summary>
        /// Parses the buffered body as a flat JSON object. Returns <see cref="ReasonCode.UnsupportedMediaType"/>
        /// unless Content-Type is application/json (a cross-site form cannot send that without a CORS
        /// preflight, which this server never grants), else the result of <see cref="JsonReader.Parse"/>.
        /// </summary>
        /// <param name="result">The object, or null.</param>
        /// <returns>Accepted, or why the body was refused.</returns>
        public ReasonCode TryReadJson(out JsonObject result)
        {
            result = null;
            if (!HasMediaType("application/json"))
            {
                return ReasonCode.UnsupportedMediaType;
            }

            if (BodyIsStreamed)
            {
                return ReasonCode.InvalidState;
            }

            return JsonReader.Parse(BodyStore, 0, BodyLengthValue, out result);
        }

        internal void Reset(uint remoteAddress)
        {
            Method = HttpMethod.Other;
            Path = null;
            Query = null;
            VersionMinor = 1;
            ContentLength = 0;
            RemoteAddress = remoteAddress;
            HeaderCountValue = 0;
            Filled = 0;
            HeadEnd = 0;
            BodyLengthValue = 0;
            BodyIsStreamed = false;
        }

        /// <summary>
        /// Zeroes what this request left in the worker's buffers (head with its Authorization header, buffered
        /// body with any password), so secrets do not linger in RAM until the next request overwrites them.
        /// </summary>
        internal void Wipe()
        {
            Array.Clear(Head, 0, Filled < Head.Length ? Filled : Head.Length);
            Array.Clear(BodyStore, 0, BodyLengthValue < BodyStore.Length ? BodyLengthValue : BodyStore.Length);
            Filled = 0;
            BodyLengthValue = 0;
            HeaderCountValue = 0;
        }

        internal int FindHeader(string name, int from)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(name));

            for (int i = from; i < HeaderCountValue; i++)
            {
                if (EqualsIgnoreCase(NameStart[i], NameLength[i], name, name.Length))
                {
                    return i;
                }
            }

            return -1;
        }

        private bool EqualsIgnoreCase(int start, int length, string text, int textLength)
        {
            if (length != textLength)
            {
                return false;
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < length; i++)
            {
                int a = Head[start + i];
                int b = chars[i];
                if (a >= 'A' && a <= 'Z')
                {
                    a += 32;
                }

                if (b >= 'A' && b <= 'Z')
                {
                    b += 32;
                }

                if (a != b)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
