namespace NetGuard.Http
{
    /// <summary>The request methods the admin server understands (RFC 9110 section 9).</summary>
    public enum HttpMethod
    {
        /// <summary>A syntactically valid method the server does not implement; answered with 405.</summary>
        Other = 0,

        /// <summary>GET: read a resource.</summary>
        Get = 1,

        /// <summary>POST: submit data (setup, login, an update package).</summary>
        Post = 2,

        /// <summary>PUT: replace a resource's state (the relay).</summary>
        Put = 3,
    }
}
