using ChatApi.Emulator.Api;
using ChatApi.Emulator.Conversations;

namespace ChatApi.Emulator.Gateway;

/// <summary>A conversation's messages on the Gateway: paged list (by createdAt), one by id, send (202).</summary>
public static class GatewayMessageEndpoints
{
    private static readonly string[] Fields = ["authorType", "text", "attachments", "cards"];
    private static readonly string[] CardFields = ["id", "contentType", "content", "actionSubmitted", "actionExecuted"];
    public static readonly string[] CardContentTypes = ["application/vnd.microsoft.card.adaptive", ConversationFlow.QuickReplies, "Interactive", "Location", "Template", "Suggestions", "Buttons", "Carousel"];

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
        return GatewayConversationEndpoints.With(http, id, c =>
        {
            var missing = message!.AttachmentIds.Where(a => GatewayAttachmentEndpoints.Find(c, a) is null).ToList();
            if (missing.Count > 0)
                return GatewayProblems.BadRequest("attachments", $"no attachment {string.Join(", ", missing)} was uploaded to this conversation");
            var cards = message.Cards.Select((card, i) => new Card(card.Id ?? CardId(c, i), card.ContentType, card.Content)).ToList();
            flow.CustomerMessage(TenantScope.Of(http), c, message.Text, message.Type, message.AttachmentIds, cards, $"{http.Request.Scheme}://{http.Request.Host}");
            return Results.StatusCode(202);
        });
    }

    /// <summary>The id of the <paramref name="index"/>-th card of the conversation's next message, for a card sent without one.</summary>
    public static string CardId(Conversation c, int index) => $"card-{c.Id}-{c.Messages.Count + 1}-{index + 1}";

    public sealed record CardInput(string? Id, string ContentType, JsonNode? Content);

    public sealed record MessageInput(string Text, string Type, IReadOnlyList<string> AttachmentIds, IReadOnlyList<CardInput> Cards);

    /// <summary>
    /// <c>{authorType (bot | user, required), text, attachments?: [{id}], cards?: [{id?, contentType, content}]}</c>:
    /// a text is needed unless attachments or cards are sent.
    /// </summary>
    /// <remarks>
    /// In history (<paramref name="history"/>) a message may instead name an <c>externalProvider {name: X, externalMessageId}</c>
    /// to rehydrate (never together with a text); it is kept as its provider's message id.
    /// </remarks>
    public static MessageInput? ReadMessage(JsonObject m, string prefix, List<FieldError> errors, bool history = false)
    {
        errors.AddRange(GatewayConversationEndpoints.Strict(m, history ? [.. Fields, "externalProvider"] : Fields, prefix));
        GatewayConversationEndpoints.Enum(m, "authorType", ["bot", "user"], required: true, errors, prefix);
        var text = JsonBody.String(m, "text", errors);
        var attachmentIds = new List<string>();
        var cards = new List<CardInput>();
        foreach (var (list, i, item) in Items(m, "attachments", prefix, errors))
        {
            errors.AddRange(GatewayConversationEndpoints.Strict(item, ["id"], $"{prefix}attachments[{i}]."));
            if (JsonBody.String(item, "id", errors) is { Length: > 0 } attachmentId) attachmentIds.Add(attachmentId);
            else errors.Add(new FieldError($"{prefix}attachments[{i}].id", "must not be empty"));
        }
        foreach (var (list, i, item) in Items(m, "cards", prefix, errors))
        {
            var path = $"{prefix}cards[{i}].";
            errors.AddRange(GatewayConversationEndpoints.Strict(item, CardFields, path));
            var contentType = JsonBody.String(item, "contentType", errors) ?? CardContentTypes[0];
            if (!CardContentTypes.Contains(contentType)) errors.Add(new FieldError(path + "contentType", $"must be one of {string.Join(", ", CardContentTypes)}"));
            if (item["content"] is not JsonObject content) { errors.Add(new FieldError(path + "content", "must be an object")); continue; }
            cards.Add(new CardInput(JsonBody.String(item, "id", errors), contentType, content.DeepClone()));
        }
        if (history && m["externalProvider"] is not null)
        {
            if (m["externalProvider"] is not JsonObject provider) errors.Add(new FieldError(prefix + "externalProvider", "must be an object {name, externalMessageId}"));
            else
            {
                errors.AddRange(GatewayConversationEndpoints.Strict(provider, ["name", "externalMessageId"], prefix + "externalProvider."));
                GatewayConversationEndpoints.Enum(provider, "name", ["X"], required: true, errors, prefix + "externalProvider.");
                var external = JsonBody.String(provider, "externalMessageId", errors);
                if (string.IsNullOrEmpty(external)) errors.Add(new FieldError(prefix + "externalProvider.externalMessageId", "must not be empty"));
                if (!string.IsNullOrEmpty(text)) errors.Add(new FieldError(prefix + "externalProvider", "cannot be sent together with text"));
                text = $"[X message {external}]";
            }
        }
        var hasContent = m["attachments"] is JsonArray { Count: > 0 } || m["cards"] is JsonArray { Count: > 0 };
        if (string.IsNullOrEmpty(text) && !hasContent) errors.Add(new FieldError(prefix + "text", "must not be empty"));
        return new MessageInput(text ?? "", JsonBody.String(m, "authorType", []) ?? "user", attachmentIds, cards);
    }

    private static IEnumerable<(string List, int Index, JsonObject Item)> Items(JsonObject m, string list, string prefix, List<FieldError> errors)
    {
        if (m[list] is null) yield break;
        if (m[list] is not JsonArray items) { errors.Add(new FieldError(prefix + list, "must be an array")); yield break; }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item) yield return (list, i, item);
            else errors.Add(new FieldError($"{prefix}{list}[{i}]", "must be an object"));
        }
    }
}
