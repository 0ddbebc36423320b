namespace NetGuard.Http
{
    /// <summary>
    /// Serves <see cref="AdminPage.Html"/> for <c>GET /</c>: the same page before and after setup (it asks
    /// <c>/api/status</c> which form to show). Encoded chunk by chunk, never copied whole into RAM.
    /// </summary>
    public sealed class AdminPageHandler : IRouteHandler
    {
        /// <summary>Answers 200 with the admin page.</summary>
        /// <param name="request">The request (unused: the page is the same for everyone).</param>
        /// <param name="response">Where the page is written.</param>
        public void Handle(HttpRequest request, HttpResponse response)
        {
            response.SendText(200, HttpResponse.HtmlContentType, AdminPage.Html);
        }
    }
}
