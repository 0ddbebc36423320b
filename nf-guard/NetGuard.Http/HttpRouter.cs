using System;
using System.Collections;
using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    /// <summary>
    /// The route table: method plus exact path to a handler. Filled before the server starts, then frozen
    /// (read-only, so worker threads share it without locks). Unknown path gives
    /// <see cref="ReasonCode.NotFound"/> (404), a known path with another method
    /// <see cref="ReasonCode.MethodNotAllowed"/> (405, with an Allow list). No patterns, no prefixes: the
    /// admin API is a fixed table, so path traversal has nothing to traverse.
    /// </summary>
    public sealed class HttpRouter
    {
        private readonly ArrayList _routes = new ArrayList();
        private bool _frozen;

        /// <summary>Number of routes.</summary>
        public int Count
        {
            get { return _routes.Count; }
        }

        /// <summary>
        /// Adds <paramref name="route"/>. Throws <see cref="ArgumentNullException"/> for null,
        /// <see cref="ArgumentException"/> when the method and path are already taken, and
        /// <see cref="InvalidOperationException"/> once the router is frozen.
        /// </summary>
        /// <param name="route">The route.</param>
        public void Add(HttpRoute route)
        {
            ArgumentNullException.ThrowIfNull(route, nameof(route));

            if (_frozen)
            {
                throw new InvalidOperationException("Routes cannot change once the server has started.");
            }

            for (int i = 0; i < _routes.Count; i++)
            {
                HttpRoute existing = (HttpRoute)_routes[i];
                if (existing.Method == route.Method && existing.Path == route.Path)
                {
                    throw new ArgumentException("A route for this method and path exists already.", nameof(route));
                }
            }

            _routes.Add(route);
        }

        /// <summary>Adds a route with a small buffered body (the server's default limit; none for GET).</summary>
        /// <param name="method">GET, POST or PUT.</param>
        /// <param name="path">The exact path.</param>
        /// <param name="handler">Who answers.</param>
        public void Map(HttpMethod method, string path, IRouteHandler handler)
        {
            Add(new HttpRoute(method, path, handler, -1, false, 0));
        }

        /// <summary>
        /// Adds a route whose body is streamed to the handler (an update package), up to
        /// <paramref name="maxBodyBytes"/>, read within <paramref name="bodyTimeoutMilliseconds"/>.
        /// </summary>
        /// <param name="method">POST or PUT.</param>
        /// <param name="path">The exact path.</param>
        /// <param name="handler">Who answers.</param>
        /// <param name="maxBodyBytes">Largest body, in bytes; 0 or more.</param>
        /// <param name="bodyTimeoutMilliseconds">Deadline for the whole body, in milliseconds; 0 for the server default.</param>
        public void MapStreaming(HttpMethod method, string path, IRouteHandler handler, long maxBodyBytes, int bodyTimeoutMilliseconds)
        {
            if (maxBodyBytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBodyBytes));
            }

            Add(new HttpRoute(method, path, handler, maxBodyBytes, true, bodyTimeoutMilliseconds));
        }

        /// <summary>Makes the table read-only; called by the server when it starts. Idempotent.</summary>
        public void Freeze()
        {
            _frozen = true;
        }

        /// <summary>True once <see cref="Freeze"/> was called.</summary>
        public bool IsFrozen
        {
            get { return _frozen; }
        }

        /// <summary>The route at <paramref name="index"/> (0 to Count - 1).</summary>
        /// <param name="index">Position in insertion order.</param>
        /// <returns>The route.</returns>
        public HttpRoute RouteAt(int index)
        {
            if (index < 0 || index >= _routes.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return (HttpRoute)_routes[index];
        }

        /// <summary>
        /// Looks up <paramref name="method"/> and <paramref name="path"/> (exact, case-sensitive). Returns
        /// Accepted with the route, <see cref="ReasonCode.NotFound"/> or <see cref="ReasonCode.MethodNotAllowed"/>.
        /// </summary>
        /// <param name="method">The request's method.</param>
        /// <param name="path">The request's path, without the query.</param>
        /// <param name="route">The route, or null.</param>
        /// <returns>Accepted, NotFound or MethodNotAllowed.</returns>
        public ReasonCode Find(HttpMethod method, string path, out HttpRoute route)
        {
            route = null;
            ArgumentNullException.ThrowIfNull(path, nameof(path));

            bool pathKnown = false;
            for (int i = 0; i < _routes.Count; i++)
            {
                HttpRoute candidate = (HttpRoute)_routes[i];
                if (candidate.Path != path)
                {
                    continue;
                }

                pathKnown = true;
                if (candidate.Method == method)
                {
                    route = candidate;
                    return ReasonCode.Accepted;
                }
            }

            return pathKnown ? ReasonCode.MethodNotAllowed : ReasonCode.NotFound;
        }

        /// <summary>The methods <paramref name="path"/> accepts, as an Allow header value ("GET, PUT"); empty if none.</summary>
        /// <param name="path">The path.</param>
        /// <returns>The list.</returns>
        public string AllowedMethods(string path)
        {
            bool get = false;
            bool post = false;
            bool put = false;
            for (int i = 0; i < _routes.Count; i++)
            {
                HttpRoute candidate = (HttpRoute)_routes[i];
                if (candidate.Path == path)
                {
                    get |= candidate.Method == HttpMethod.Get;
                    post |= candidate.Method == HttpMethod.Post;
                    put |= candidate.Method == HttpMethod.Put;
                }
            }

            string list = string.Empty;
            if (get)
            {
                list = "GET";
            }

            if (post)
            {
                list = list.Length == 0 ? "POST" : list + ", POST";
            }

            if (put)
            {
                list = list.Length == 0 ? "PUT" : list + ", PUT";
            }

            return list;
        }
    }
}
