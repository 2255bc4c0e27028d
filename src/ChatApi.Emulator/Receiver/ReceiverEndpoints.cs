using System.Globalization;

namespace ChatApi.Emulator.Receiver;

/// <summary>
/// <c>POST /_receiver/{name}</c> answers 200 and records the request; <c>GET /_receiver/{name}</c> lists what
/// it got (JSON array, oldest first). <c>POST /_broken/{name}</c> always answers 500.
/// </summary>
public static class ReceiverEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/_receiver/{name}", async (HttpContext http, string name, ReceiverStore store, TimeProvider time) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            store.Add(name, new ReceivedRequest(body, headers, time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            return Results.Ok();
        });
        app.MapGet("/_receiver/{name}", (string name, ReceiverStore store) => Results.Json(store.Get(name)));
        app.MapPost("/_broken/{name}", () => Results.StatusCode(500));
    }
}
