using System;

namespace NetGuard.Http
{
    /// <summary>
    /// One entry of the route table: method, exact path, handler and body policy. Immutable.
    /// </summary>
    public sealed class HttpRoute
    {
        /// <summary>
        /// Creates a route. Throws <see cref="ArgumentNullException"/> for a null path or handler and
        /// <see cref="ArgumentOutOfRangeException"/> for <see cref="HttpMethod.Other"/>, a path that is not
        /// '/' followed by visible ASCII without '?' or '#', a body limit below -1, or a negative timeout.
        /// </summary>
        /// <param name="method">GET, POST or PUT.</param>
        /// <param name="path">The exact path, for example <c>/api/status</c>.</param>
        /// <param name="handler">Who answers.</param>
        /// <param name="maxBodyBytes">Largest body accepted, in bytes; -1 for the server's buffered default (0 for GET).</param>
        /// <param name="streamBody">True to hand the handler a <see cref="HttpBodyReader"/> instead of buffering the body.</param>
        /// <param name="bodyTimeoutMilliseconds">Deadline for reading the body, in milliseconds; 0 for the server default.</param>
        public HttpRoute(HttpMethod method, string path, IRouteHandler handler, long maxBodyBytes, bool streamBody, int bodyTimeoutMilliseconds)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(path));
            ArgumentNullException.ThrowIfNull(handler, nameof(handler));

            if (method != HttpMethod.Get && method != HttpMethod.Post && method != HttpMethod.Put)
            {
                throw new ArgumentOutOfRangeException(nameof(method));
            }

            if (!IsValidPath(path))
            {
                throw new ArgumentOutOfRangeException(nameof(path), "A route path is '/' followed by visible ASCII, without '?' or '#'.");
            }

            if (maxBodyBytes < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBodyBytes));
            }

            if (bodyTimeoutMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bodyTimeoutMilliseconds));
            }

            Method = method;
            Path = path;
            Handler = handler;
            MaxBodyBytes = maxBodyBytes;
            StreamBody = streamBody;
            BodyTimeoutMilliseconds = bodyTimeoutMilliseconds;
        }

        /// <summary>The method this route answers.</summary>
        public HttpMethod Method { get; }

        /// <summary>The exact path this route answers.</summary>
        public string Path { get; }

        /// <summary>The handler.</summary>
        public IRouteHandler Handler { get; }

        /// <summary>Largest body accepted, in bytes; -1 means the server's buffered default (0 for GET).</summary>
        public long MaxBodyBytes { get; }

        /// <summary>True when the handler reads the body itself through <see cref="HttpRequest.Body"/>.</summary>
        public bool StreamBody { get; }

        /// <summary>Deadline for reading the body, in milliseconds; 0 means the server default.</summary>
        public int BodyTimeoutMilliseconds { get; }

        internal static bool IsValidPath(string path)
        {
            char[] chars = path.ToCharArray();
            if (chars.Length == 0 || chars[0] != '/')
            {
                return false;
            }

            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c <= ' ' || c >= 0x7F || c == '?' || c == '#')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
