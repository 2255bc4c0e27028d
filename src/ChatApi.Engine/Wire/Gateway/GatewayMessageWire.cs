using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.Gateway;

/// <summary>A Gateway message: <c>{id, text, createdAt, author {id, type, removed, language}, attachments?, cards?}</c>.</summary>
internal sealed class GatewayMessageAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("author")] public JsonElement? Author { get; set; }
    [JsonPropertyName("cards")] public JsonElement? Cards { get; set; }

    public Message ToModel(string conversationId)
    {
        var author = WireJson.ReadOrNull<GatewayParticipantAnswer>(Author);
        return new Message
        {
            ConversationId = conversationId,
            MessageId = Id,
            OriginalText = Text,
            Time = CreatedAt,
            AuthorType = author?.Type,
            ParticipantId = author?.Id,
            CardCount = Cards.HasValue && Cards.Value.ValueKind == JsonValueKind.Array ? Cards.Value.GetArrayLength() : 0,
        };
    }
}

/// <summary>A participant, and a message's author: <c>{id, type, removed, language}</c>.</summary>
internal sealed class GatewayParticipantAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; }
    [JsonPropertyName("removed")] public bool? Removed { get; set; }
    [JsonPropertyName("language")] public string Language { get; set; }

    public Participant ToModel(string conversationId) =>
        new Participant { ConversationId = conversationId, Id = Id, Type = Type, Removed = Removed ?? false, Language = Language };
}

/// <summary>A card of a message: <c>{id, contentType, content, actionSubmitted, actionExecuted}</c>.</summary>
internal sealed class GatewayCardAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("contentType")] public string ContentType { get; set; }
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    [JsonPropertyName("actionSubmitted")] public bool? ActionSubmitted { get; set; }
    [JsonPropertyName("actionExecuted")] public bool? ActionExecuted { get; set; }

    public Card ToModel(string conversationId, string messageId) => new Card
    {
        ConversationId = conversationId,
        MessageId = messageId,
        CardId = Id,
        ContentType = ContentType,
        Content = Content.HasValue && Content.Value.ValueKind != JsonValueKind.Null ? Content.Value.GetRawText() : null,
        ActionSubmitted = ActionSubmitted ?? false,
        ActionExecuted = ActionExecuted ?? false,
    };
}

/// <summary>A message sent, or carried in a create's history: <c>{authorType, text?, attachments? [{id}], cards? [{contentType, content}]}</c>.</summary>
internal sealed class GatewayMessageBody
{
    [JsonPropertyName("authorType")] public string AuthorType { get; set; }
    [JsonPropertyName("text")]
    public string Text { get; set; }
    [JsonPropertyName("attachments")]
    public List<IdField> Attachments { get; set; }
    [JsonPropertyName("cards")]
    public List<CardBody> Cards { get; set; }

    public static string Write(MessageRequest m)
    {
        var body = new GatewayMessageBody { AuthorType = m.AuthorType, Text = string.IsNullOrEmpty(m.Text) ? null : m.Text };
        if (m.AttachmentIds.Count > 0) body.Attachments = m.AttachmentIds.Select(id => new IdField { Id = id }).ToList();
        if (m.Cards.Count > 0)
            body.Cards = m.Cards.Select(c =>
            {
                using (var doc = JsonDocument.Parse(c.Json)) return new CardBody { ContentType = c.ContentType, Content = doc.RootElement.Clone() };
            }).ToList();
        return WireJson.WriteGiven(body);
    }
}

/// <summary>An object named by its id: <c>{id}</c> (a message's attachments, a listed message).</summary>
internal sealed class IdField
{
    [JsonPropertyName("id")] public string Id { get; set; }
}

internal sealed class CardBody
{
    [JsonPropertyName("contentType")] public string ContentType { get; set; }
    [JsonPropertyName("content")] public JsonElement Content { get; set; }
}

/// <summary>The indicators: typing {authorType}, thinking {authorType, maxThinkingTimeSeconds?}, read-receipt {authorType, readAt (epoch ms)}.</summary>
internal sealed class ActivityBody
{
    [JsonPropertyName("authorType")] public string AuthorType { get; set; }
    [JsonPropertyName("maxThinkingTimeSeconds")]
    public int? MaxThinkingTimeSeconds { get; set; }
    [JsonPropertyName("readAt")]
    public long? ReadAt { get; set; }
}

/// <summary>A post-agent assignment: <c>{type: webhook, id, configuration? {notifyChannelWebhookIfExists, maxTotalMinutes, userTimeoutInMinutes}}</c>.</summary>
internal sealed class PostAgentBody
{
    [JsonPropertyName("type")] public string Type { get; set; }
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("configuration")]
    public PostAgentConfiguration Configuration { get; set; }
}

internal sealed class PostAgentConfiguration
{
    /// <summary>A string in 8x8's description ("false").</summary>
    [JsonPropertyName("notifyChannelWebhookIfExists")]
    public string NotifyChannelWebhookIfExists { get; set; }
    [JsonPropertyName("maxTotalMinutes")]
    public int? MaxTotalMinutes { get; set; }
    [JsonPropertyName("userTimeoutInMinutes")]
    public int? UserTimeoutInMinutes { get; set; }
}
