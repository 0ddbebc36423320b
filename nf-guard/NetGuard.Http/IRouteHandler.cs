namespace NetGuard.Http
{
    /// <summary>
    /// Serves one route of the admin API. The server has already parsed and bounded the request (head,
    /// and the body for buffered routes) and will close the connection afterwards. A handler answers by
    /// calling one of the <see cref="HttpResponse"/> send methods once; if it sends nothing the server
    /// answers 500. Hostile input must not make it throw; if it does anyway the server answers 500 and
    /// keeps running.
    /// </summary>
    public interface IRouteHandler
    {
        /// <summary>Handles <paramref name="request"/> by writing <paramref name="response"/>.</summary>
        /// <param name="request">The parsed request; valid only during this call.</param>
        /// <param name="response">Where to write the answer; valid only during this call.</param>
        void Handle(HttpRequest request, HttpResponse response);
    }
}
