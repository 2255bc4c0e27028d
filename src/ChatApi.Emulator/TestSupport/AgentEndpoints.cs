using ChatApi.Emulator.Conversations;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.TestSupport;

/// <summary>
/// Test-only (no auth): <c>POST /_emulator/conversations/{id}/agent-joined|text|agent-left|transfer|typing|read-receipt</c>
/// with optional JSON <c>{agentId, agentName, message, nextAgentId, nextAgentName}</c> plays the agent and
/// sends the event. A transfer sends AGENT_LEFT, TRANSFER, AGENT_JOINED (the next agent: nextAgentId/Name,
/// by default agent-2 "Blake Agent", or agent-1 when agent-2 had it).
/// Answers 202 <c>{eventType, eventId}</c> (eventId null when the channel or its webhook is gone).
/// </summary>
public static class AgentEndpoints
{
    public const string DefaultAgentId = "agent-1", DefaultAgentName = "Alex Agent", DefaultText = "Hello, how can I help?";
    public const string SecondAgentId = "agent-2", SecondAgentName = "Blake Agent";

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/_emulator/conversations/{id}");
        group.MapPost("/agent-joined", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.AgentJoined, (t, c, a, _) => f.AgentJoined(t, c, a)));
        group.MapPost("/text", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.Text, (t, c, a, r) => f.AgentText(t, c, a, r("message") ?? DefaultText)));
        group.MapPost("/agent-left", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.AgentLeft, (t, c, a, _) => f.AgentLeft(t, c, a)));
        group.MapPost("/attachment", Attachment);
        group.MapPost("/card", Cards);
        group.MapPost("/read-receipt", (HttpContext h, string id, EmulatorState s, ConversationFlow f, TimeProvider time) =>
            Act(h, id, s, "ACTIVITY", (t, c, a, r) => f.AgentReadReceipt(t, c, a,
                long.TryParse(r("readAt"), out var at) ? at : time.GetUtcNow().ToUnixTimeMilliseconds())));
        group.MapPost("/typing", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, "ACTIVITY", (t, c, a, r) => f.AgentTyping(t, c, a, r("stopped") != "true")));
        group.MapPost("/transfer", (HttpContext h, string id, EmulatorState s, ConversationFlow f) =>
            Act(h, id, s, EventTypes.Transfer, (t, c, a, r) => f.Transfer(t, c, a, NextAgent(a, r("nextAgentId"), r("nextAgentName")))));
    }

    /// <summary>
    /// <c>POST /_emulator/conversations/{id}/attachment?fileName=&amp;text=&amp;agentId=&amp;agentName=</c> with the file's bytes as the
    /// body (its Content-Type kept): the agent sends a file, with a text when given. Answers 202 <c>{eventType, eventId, attachmentId}</c>.
    /// </summary>
    private static async Task<IResult> Attachment(HttpContext http, string id, EmulatorState state, ConversationFlow flow, TimeProvider time)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var fileName = http.Request.Query["fileName"].ToString() is { Length: > 0 } f ? f : "file.bin";
        var contentType = http.Request.ContentType is { Length: > 0 } t ? t : "application/octet-stream";
        if (state.FindConversation(id) is not var (tenant, conversation)) return Problem.NotFound("Conversation", id);
        var root = $"{http.Request.Scheme}://{http.Request.Host}";
        lock (tenant.Lock)
        {
            var agent = new Agent(http.Request.Query["agentId"].ToString() is { Length: > 0 } a ? a : conversation.Agent?.Id ?? DefaultAgentId,
                http.Request.Query["agentName"].ToString() is { Length: > 0 } n ? n : conversation.Agent?.Name ?? DefaultAgentName);
            var attachment = Gateway.GatewayAttachmentEndpoints.Add(conversation, fileName, contentType, buffer.ToArray(), "agent", time.GetUtcNow());
            var job = flow.AgentAttachment(tenant, conversation, agent, attachment, root, http.Request.Query["text"].ToString());
            return Results.Json(new { eventType = EventTypes.Text, eventId = job?.EventId, attachmentId = attachment.Id }, statusCode: 202);
        }
    }

    /// <summary>
    /// <c>POST /_emulator/conversations/{id}/card</c> <c>{agentId?, agentName?, message?, cards: [{contentType?, content}]}</c>: the
    /// agent sends cards (a content type of the Gateway's, adaptive by default). Answers 202 <c>{eventType, eventId, messageId}</c>.
    /// </summary>
    private static async Task<IResult> Cards(HttpContext http, string id, EmulatorState state, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return bad;
        var errors = new List<FieldError>();
        string? agentId = JsonBody.String(body!, "agentId", errors), agentName = JsonBody.String(body!, "agentName", errors), text = JsonBody.String(body!, "message", errors);
        var inputs = new List<(string ContentType, JsonNode Content)>();
        if (body!["cards"] is not JsonArray { Count: > 0 } list) errors.Add(new FieldError("cards", "must be a non-empty array"));
        else
            for (var i = 0; i < list.Count; i++)
            {
                var contentType = list[i] is JsonObject o ? JsonBody.String(o, "contentType", errors) ?? Gateway.GatewayMessageEndpoints.CardContentTypes[0] : null;
                if (contentType is null || !Gateway.GatewayMessageEndpoints.CardContentTypes.Contains(contentType))
                    errors.Add(new FieldError($"cards[{i}].contentType", $"must be one of {string.Join(", ", Gateway.GatewayMessageEndpoints.CardContentTypes)}"));
                else if (list[i]!["content"] is not JsonObject content) errors.Add(new FieldError($"cards[{i}].content", "must be an object"));
                else inputs.Add((contentType, content.DeepClone()));
            }
        if (errors.Count > 0) return Problem.BadRequest(errors);
        if (state.FindConversation(id) is not var (tenant, conversation)) return Problem.NotFound("Conversation", id);
        lock (tenant.Lock)
        {
            var agent = new Agent(agentId ?? conversation.Agent?.Id ?? DefaultAgentId, agentName ?? conversation.Agent?.Name ?? DefaultAgentName);
            var cards = inputs.Select((c, i) => new Card(Gateway.GatewayMessageEndpoints.CardId(conversation, i), c.ContentType, c.Content)).ToList();
            var job = flow.AgentCards(tenant, conversation, agent, text ?? "", cards);
            return Results.Json(new { eventType = EventTypes.Text, eventId = job?.EventId, messageId = conversation.Messages[^1].Id }, statusCode: 202);
        }
    }

    private static Agent NextAgent(Agent current, string? id, string? name) =>
        id is not null ? new Agent(id, name ?? id)
        : current.Id == SecondAgentId ? new Agent(DefaultAgentId, name ?? DefaultAgentName) : new Agent(SecondAgentId, name ?? SecondAgentName);

    /// <summary>Reads the optional body, plays <paramref name="action"/> under the tenant's lock; the action reads further body fields by name.</summary>
    private static async Task<IResult> Act(HttpContext http, string id, EmulatorState state, string eventType,
        Func<TenantState, Conversation, Agent, Func<string, string?>, DeliveryJob?> action)
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
            string? Read(string name) => body is null ? null : JsonBody.String(body, name, errors);
            foreach (var name in new[] { "message", "nextAgentId", "nextAgentName", "stopped", "readAt" }) Read(name);
            if (errors.Count > 0) return Problem.BadRequest(errors);
            var job = action(tenant, conversation, agent, Read);
            return Results.Json(new { eventType, eventId = job?.EventId }, statusCode: 202);
        }
    }
}
