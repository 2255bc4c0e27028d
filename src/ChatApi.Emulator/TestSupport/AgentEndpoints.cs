using System.Text.Json.Nodes;
using ChatApi.Emulator.Conversations;
using ChatApi.Emulator.Events;
using ChatApi.Emulator.Http;
using ChatApi.Emulator.State;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// Test-only (no auth): <c>POST /_emulator/conversations/{id}/agent-joined|text|agent-left|transfer</c>
/// with optional JSON <c>{agentId, agentName, message}</c> plays the agent and sends the event.
/// Answers 202 <c>{eventType, eventId}</c> (eventId null when the channel or its webhook is gone).
/// </summary>
public static class AgentEndpoints
{
    public const string DefaultAgentId = "agent-1", DefaultAgentName = "Alex Agent", DefaultText = "Hello, how can I help?";

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/_emulator/conversations/{id}");
        group.MapPost("/agent-joined", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.AgentJoined, (t, c, a, _) => f.AgentJoined(t, c, a)));
        group.MapPost("/text", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.Text, (t, c, a, m) => f.AgentText(t, c, a, m)));
        group.MapPost("/agent-left", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.AgentLeft, (t, c, a, _) => f.AgentLeft(t, c, a)));
        group.MapPost("/transfer", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.Transfer, (t, c, a, _) => f.Transfer(t, c, a)));
    }

    private static async Task<IResult> Act(HttpContext http, string id, EmulatorState state, string eventType,
        Func<TenantState, Conversation, Agent, string, DeliveryJob?> action)
    {
        JsonObject? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (parsed, bad) = await JsonBody.ReadObjectAsync(http.Request);
            if (bad is not null) return bad;
            body = parsed;
        }
        if (state.FindConversation(id) is not var (tenant, conversation)) return Problem.NotFound("Conversation", id);
        var errors = new List<FieldError>();
        lock (tenant.Lock)
        {
            var agent = new Agent(
                (body is null ? null : JsonBody.String(body, "agentId", errors)) ?? conversation.Agent?.Id ?? DefaultAgentId,
                (body is null ? null : JsonBody.String(body, "agentName", errors)) ?? conversation.Agent?.Name ?? DefaultAgentName);
            var message = (body is null ? null : JsonBody.String(body, "message", errors)) ?? DefaultText;
            if (errors.Count > 0) return Problem.BadRequest(errors);
            var job = action(tenant, conversation, agent, message);
            return Results.Json(new { eventType, eventId = job?.EventId }, statusCode: 202);
        }
    }
}
