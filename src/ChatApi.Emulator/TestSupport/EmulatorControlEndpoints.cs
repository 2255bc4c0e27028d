using ChatApi.Emulator.Faults;
using ChatApi.Emulator.Contract;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// Test-only (no auth): <c>GET /_emulator/deliveries?webhookId=&amp;eventType=&amp;conversationId=</c> (the delivery log,
/// one row per attempt), <c>POST /_emulator/rotate-key</c> (new signing key, answers <c>{kid}</c>),
/// <c>GET /_emulator/keys</c> (<c>{current, kids}</c>), <c>POST /_emulator/faults?paused=</c> (pause or resume
/// <c>--fail-rate</c>), <c>GET /_emulator/off-machine</c> (the webhook URIs held or
/// delivered to whose host is not this machine: <see cref="OffMachineTargets"/>), <c>GET /_emulator/contract-violations</c>
/// (the breaks of 8x8's contract seen in requests and answers: <see cref="ContractViolations"/>; <c>DELETE</c> lists and forgets them),
/// <c>POST /_emulator/conversations/{id}/attachments/{attachmentId}/listed-size?size=N</c> (the attachment's listing
/// shows N bytes while its content keeps its own: a server whose listing is off).
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
        app.MapGet("/_emulator/contract-violations", (ContractViolations violations) => Results.Json(violations.List()));
        app.MapDelete("/_emulator/contract-violations", (ContractViolations violations) => Results.Json(violations.Take()));
        app.MapGet("/_emulator/off-machine", (EmulatorState state, DeliveryLog log) => Results.Json(OffMachineTargets.Find(state, log)));
        app.MapPost("/_emulator/conversations/{id}/attachments/{attachmentId}/listed-size", ListedSize);
    }

    private static IResult ListedSize(string id, string attachmentId, long size, EmulatorState state)
    {
        if (size < 0) return Results.BadRequest(new { error = "size must be 0 or more" });
        foreach (var tenant in state.Tenants)
            lock (tenant.Lock)
                if (tenant.Conversations.Values.FirstOrDefault(c => c.Id == id) is { } conversation
                    && conversation.Attachments.FindIndex(a => a.Id == attachmentId) is var at and >= 0)
                {
                    conversation.Attachments[at] = conversation.Attachments[at] with { ListedSize = size };
                    return Results.Json(new { attachmentId, listedSize = size, bytes = conversation.Attachments[at].Bytes.LongLength });
                }
        return Results.NotFound();
    }
}
