using NetGuard.Diagnostics;
using NetGuard.Http;

namespace NetGuard.Fuzz;

/// <summary>Answers the status contract's shape, {"setupRequired":true,"model":"test-model","firmwareVersion":"1.0.0"} (exercises the response writer).</summary>
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

/// <summary>Parses the JSON body, reads a few members and the request's headers, and answers their sizes.</summary>
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
        json.TryGetString("user", out string _);
        request.TryGetBearerToken(out string _);
        request.GetHeader("Host");
        request.CountHeader("Cookie");
        request.HasMediaType("application/json");
        response.Json.BeginObject();
        response.Json.WriteBoolean("found", found);
        response.Json.WriteNumber("length", length);
        response.Json.EndObject();
        response.SendJson(200);
    }
}
