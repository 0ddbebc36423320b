using NetGuard.Diagnostics;
using NetGuard.Http;

namespace NetGuard.HostTests.Http;

/// <summary>Answers the status contract's shape: {"setupRequired":true,"model":"...","firmwareVersion":"..."}.</summary>
internal sealed class StatusHandler : IRouteHandler
{
    public void Handle(HttpRequest request, HttpResponse response)
    {
        JsonWriter json = response.Json;
        json.BeginObject();
        json.WriteBoolean("setupRequired", true);
        json.WriteString("model", "test-model");
        json.WriteString("firmwareVersion", "1.0.0");
        json.EndObject();
        response.SendJson(200);
    }
}

/// <summary>Parses a JSON body and answers with the "password" member's length, or the parser's refusal.</summary>
internal sealed class JsonEchoHandler : IRouteHandler
{
    public void Handle(HttpRequest request, HttpResponse response)
    {
        ReasonCode parsed = request.TryReadJson(out JsonObject json);
        if (parsed != ReasonCode.Accepted)
        {
            response.SendReason(parsed);
            return;
        }

        byte[] secret = new byte[64];
        bool found = json.TryCopyString("password", secret, 0, out int length);
        System.Array.Clear(secret);
        response.Json.BeginObject();
        response.Json.WriteBoolean("found", found);
        response.Json.WriteNumber("length", length);
        response.Json.EndObject();
        response.SendJson(200);
    }
}

/// <summary>Streams an upload and answers {"length":n,"sum":s}, or the body reader's failure.</summary>
internal sealed class UploadHandler : IRouteHandler
{
    public void Handle(HttpRequest request, HttpResponse response)
    {
        byte[] piece = new byte[512];
        long total = 0;
        long sum = 0;
        while (true)
        {
            int n = request.Body.Read(piece, 0, piece.Length, out ReasonCode reason);
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

        response.Json.BeginObject();
        response.Json.WriteNumber("length", total);
        response.Json.WriteNumber("sum", sum);
        response.Json.EndObject();
        response.SendJson(200);
    }
}
