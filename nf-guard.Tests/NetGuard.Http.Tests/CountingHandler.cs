// Copyright (c) NetGuard contributors. MIT licence.

using NetGuard.Diagnostics;

namespace NetGuard.Http.Tests
{
    /// <summary>Streams the body in 100-byte pieces and answers {"length":n,"sum":s} or the body reader's failure.</summary>
    public sealed class CountingHandler : IRouteHandler
    {
        public void Handle(HttpRequest request, HttpResponse response)
        {
            HttpBodyReader body = request.Body;
            byte[] piece = new byte[100];
            long total = 0;
            long sum = 0;
            while (true)
            {
                ReasonCode reason;
                int n = body.Read(piece, 0, piece.Length, out reason);
                if (n == 0)
                {
                    if (reason != ReasonCode.Accepted)
                    {
                        response.SendReason(reason);
                        return;
                    }

                    break;
                }

                total += n;
                for (int i = 0; i < n; i++)
                {
                    sum += piece[i];
                }
            }

            JsonWriter json = response.Json;
            json.BeginObject();
            json.WriteNumber("length", total);
            json.WriteNumber("sum", sum);
            json.EndObject();
            response.SendJson(200);
        }
    }
}
