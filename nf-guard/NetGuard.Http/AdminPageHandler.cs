namespace NetGuard.Http
{
    /// <summary>
    /// Serves <see cref="AdminPage"/> for <c>GET /</c>: the same page before and after setup (it asks
    /// <c>/api/status</c> which form to show), gzip-compressed from flash one chunk at a time. A client whose
    /// Accept-Encoding excludes gzip (every browser accepts it) gets 406 with a sentence saying what to do.
    /// </summary>
    public sealed class AdminPageHandler : IRouteHandler
    {
        /// <summary>The 406 answer's text.</summary>
        public const string NotAcceptableText = "The admin page is sent gzip-compressed. Open it in a web browser (with curl, add --compressed).\n";

        /// <summary>Answers 200 with the compressed page, or 406 when the client refuses gzip.</summary>
        /// <param name="request">The request; only its Accept-Encoding is read.</param>
        /// <param name="response">Where the page is written.</param>
        public void Handle(HttpRequest request, HttpResponse response)
        {
            if (!AcceptsGzip(request.GetHeaderList("accept-encoding")))
            {
                response.SendText(406, "text/plain; charset=utf-8", NotAcceptableText);
                return;
            }

            if (!response.BeginBody(200, HttpResponse.HtmlContentType, AdminPage.GzipLength, "gzip"))
            {
                return;
            }

            for (int i = 0; i < AdminPage.ChunkCount; i++)
            {
                byte[] chunk = AdminPage.CreateChunk(i);
                if (!response.WriteBody(chunk, 0, chunk.Length))
                {
                    return;
                }
            }
        }

        /// <summary>
        /// True when an Accept-Encoding value admits gzip (RFC 9110 section 12.5.3): no header at all, "gzip" or
        /// "x-gzip" with a quality above 0, or "*" above 0 with gzip not listed. An empty value admits only identity.
        /// </summary>
        /// <param name="value">The header value, or null when the request has none.</param>
        /// <returns>True when gzip may be sent.</returns>
        public static bool AcceptsGzip(string value)
        {
            if (value == null)
            {
                return true;
            }

            char[] text = value.ToCharArray();
            int gzip = -1;
            int any = -1;
            int start = 0;
            while (start <= text.Length)
            {
                int end = start;
                while (end < text.Length && text[end] != ',')
                {
                    end++;
                }

                int nameEnd = start;
                while (nameEnd < end && text[nameEnd] != ';')
                {
                    nameEnd++;
                }

                int accepted = QualityAboveZero(text, nameEnd, end) ? 1 : 0;
                if (NameIs(text, start, nameEnd, "gzip") || NameIs(text, start, nameEnd, "x-gzip"))
                {
                    gzip = accepted;
                }
                else if (NameIs(text, start, nameEnd, "*"))
                {
                    any = accepted;
                }

                start = end + 1;
            }

            return gzip >= 0 ? gzip == 1 : any == 1;
        }

        // True when text[start, end) is the coding name, ignoring case and surrounding spaces or tabs.
        private static bool NameIs(char[] text, int start, int end, string name)
        {
            while (start < end && (text[start] == ' ' || text[start] == '\t'))
            {
                start++;
            }

            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            char[] expected = name.ToCharArray();
            if (end - start != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                char c = text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + ('a' - 'A'));
                }

                if (c != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        // The parameters text[start, end) (from the ';', if any): false only for a quality of zero ("q=0", "q=0.000").
        private static bool QualityAboveZero(char[] text, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                if ((text[i] == 'q' || text[i] == 'Q') && i + 1 < end && text[i + 1] == '=')
                {
                    int j = i + 2;
                    if (j >= end || text[j] != '0')
                    {
                        return true;
                    }

                    for (j++; j < end && text[j] != ';' && text[j] != ' ' && text[j] != '\t'; j++)
                    {
                        if (text[j] != '.' && text[j] != '0')
                        {
                            return true;
                        }
                    }

                    return false;
                }

                i++;
            }

            return true;
        }
    }
}
