using System.Text.Json.Nodes;
using ChatApi.Emulator.Api;
using ChatApi.Emulator.Conversations;
using ChatApi.Emulator.Http;

namespace ChatApi.Emulator.Gateway;

/// <summary>A conversation's messages on the Gateway: paged list (by createdAt), one by id, send (202).</summary>
public static class GatewayMessageEndpoints
{
    private static readonly string[] Fields = ["authorType", "text", "attachments", "cards"];

    public static void Map(RouteGroupBuilder conversations)
    {
        conversations.MapGet("/{id}/messages", (HttpContext http, string id) => GatewayConversationEndpoints.Paged(http, id, "messages", c =>
            (http.Request.Query["sort"].ToString() is "createdAt:desc" or "createdAt,desc" ? Enumerable.Reverse(c.Messages) : c.Messages)
                .Select(m => (object)GatewayMessageDto.From(c, m)).ToList()));
        conversations.MapGet("/{id}/messages/{messageId}", (HttpContext http, string id, string messageId) =>
            GatewayConversationEndpoints.With(http, id, c => c.Messages.FirstOrDefault(m => m.Id == messageId) is { } m
                ? GatewayJson.Hal(GatewayMessageDto.From(c, m)) : Problem.NotFound("Message", messageId)));
        conversations.MapPost("/{id}/messages", Send);
    }

    private static async Task<IResult> Send(HttpContext http, string id, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return GatewayProblems.Adapt(bad);
        var errors = new List<FieldError>();
        var message = ReadMessage(body!, "", errors);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        var attachmentIds = (body!["attachments"] as JsonArray ?? []).Select(a => (a as JsonObject)?["id"]?.ToString()).ToList();
        return GatewayConversationEndpoints.With(http, id, c =>
        {
            var missing = attachmentIds.Where(a => a is null || GatewayAttachmentEndpoints.Find(c, a) is null).ToList();
            if (missing.Count > 0)
                return GatewayProblems.BadRequest("attachments", $"no attachment {string.Join(", ", missing.Select(m => m ?? "(without id)"))} was uploaded to this conversation");
            flow.CustomerMessage(TenantScope.Of(http), c, message!.Value.Text, message.Value.Type);
            return Results.StatusCode(202);
        });
    }

    /// <summary>
    /// <c>{authorType (bot | user, required), text, attachments?, cards?}</c>: a text is needed unless attachments or
    /// cards are sent. Attachments and cards are checked to be arrays, not kept (see the report of issue 14).
    /// </summary>
    public static (string Text, string Type)? ReadMessage(JsonObject m, string prefix, List<FieldError> errors)
    {
        errors.AddRange(GatewayConversationEndpoints.Strict(m, Fields, prefix));
        GatewayConversationEndpoints.Enum(m, "authorType", ["bot", "user"], required: true, errors, prefix);
        var text = JsonBody.String(m, "text", errors);
        foreach (var list in new[] { "attachments", "cards" })
            if (m[list] is not null and not JsonArray) errors.Add(new FieldError(prefix + list, "must be an array"));
        var hasContent = m["attachments"] is JsonArray { Count: > 0 } || m["cards"] is JsonArray { Count: > 0 };
        if (string.IsNullOrEmpty(text) && !hasContent) errors.Add(new FieldError(prefix + "text", "must not be empty"));
        return (text ?? "", JsonBody.String(m, "authorType", []) ?? "user");
    }
}
