using ChatApi.Emulator.Faults;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// Test-only (no auth): <c>GET /_emulator/deliveries?webhookId=&amp;eventType=&amp;conversationId=</c> (the delivery log,
/// one row per attempt), <c>POST /_emulator/rotate-key</c> (new signing key, answers <c>{kid}</c>),
/// <c>GET /_emulator/keys</c> (<c>{current, kids}</c>), <c>POST /_emulator/faults?paused=</c> (pause or resume
/// <c>--fail-rate</c>), <c>GET /_emulator/off-machine</c> (the webhook URIs held or
/// delivered to whose host is not this machine: <see cref="OffMachineTargets"/>).
/// </summary>
public static class EmulatorControlEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/_emulator/deliveries", (HttpRequest request, DeliveryLog log) =>
        {
            string? Q(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
            return Results.Json(log.Find(Q("webhookId"), Q("eventType"), Q("conversationId")));
        });
        app.MapPost("/_emulator/rotate-key", (SigningKeys keys) => Results.Json(new { kid = keys.Rotate().Kid }));
        app.MapGet("/_emulator/keys", (SigningKeys keys) => Results.Json(new { current = keys.Current.Kid, kids = keys.Kids }));
        app.MapPost("/_emulator/faults", (HttpRequest request, FaultInjector faults, EmulatorOptions options) =>
        {
            var paused = request.Query["paused"].ToString();
            if (paused is not ("true" or "false")) return (IResult)new Problem(400, "paused must be true or false", ["paused: must be true or false"]);
            faults.Paused = paused == "true";
            return Results.Json(new { paused = faults.Paused, failRate = options.FailRate });
        });
        app.MapGet("/_emulator/off-machine", (EmulatorState state, DeliveryLog log) => Results.Json(OffMachineTargets.Find(state, log)));
    }
}
