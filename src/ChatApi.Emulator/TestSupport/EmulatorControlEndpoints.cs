using ChatApi.Emulator.Contract;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// Test-only (no auth): <c>GET /_emulator/deliveries?webhookId=&amp;eventType=&amp;conversationId=</c> (the delivery log,
/// one row per attempt), <c>POST /_emulator/rotate-key</c> (new signing key, answers <c>{kid}</c>),
/// <c>GET /_emulator/keys</c> (<c>{current, kids}</c>), <c>GET /_emulator/off-machine</c> (the webhook URIs held or
/// delivered to whose host is not this machine: <see cref="OffMachineTargets"/>), <c>GET /_emulator/contract-violations</c>
/// (the breaks of 8x8's contract seen in requests and answers: <see cref="ContractViolations"/>; <c>DELETE</c> lists and forgets them).
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
        app.MapGet("/_emulator/contract-violations", (ContractViolations violations) => Results.Json(violations.List()));
        app.MapDelete("/_emulator/contract-violations", (ContractViolations violations) => Results.Json(violations.Take()));
        app.MapGet("/_emulator/off-machine", (EmulatorState state, DeliveryLog log) => Results.Json(OffMachineTargets.Find(state, log)));
    }
}
