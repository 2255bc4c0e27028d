using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.V2;

internal sealed class MessageAnswer
{
    [JsonPropertyName("interactionId")] public string InteractionId { get; set; }
    [JsonPropertyName("authorType")] public string AuthorType { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; }
    [JsonPropertyName("participantId")] public string ParticipantId { get; set; }
    [JsonPropertyName("senderId")] public string SenderId { get; set; }
    [JsonPropertyName("originalText")] public string OriginalText { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; }
    [JsonPropertyName("translatedText")] public string TranslatedText { get; set; }
    // 8x8's V2 description gives a message no time; a server that sends one is read under either name.
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }

    public Message ToModel(string conversationId) => new Message
    {
        ConversationId = conversationId,
        InteractionId = InteractionId,
        AuthorType = AuthorType ?? Type,
        ParticipantId = ParticipantId ?? SenderId,
        OriginalText = OriginalText ?? Text,
        TranslatedText = TranslatedText,
        Time = CreatedAt ?? Timestamp,
    };
}

internal sealed class ParticipantAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; }
    [JsonPropertyName("language")] public string Language { get; set; }

    public Participant ToModel(string conversationId) => new Participant { ConversationId = conversationId, Id = Id, Type = Type, Language = Language };
}

internal sealed class MessageBody
{
    [JsonPropertyName("text")] public string Text { get; set; }
    [JsonPropertyName("authorType")] public string AuthorType { get; set; }
}

internal sealed class JwkAnswer
{
    [JsonPropertyName("kid")] public string Kid { get; set; }
    [JsonPropertyName("kty")] public string Kty { get; set; }
    [JsonPropertyName("alg")] public string Alg { get; set; }
    [JsonPropertyName("use")] public string Use { get; set; }
    [JsonPropertyName("n")] public string N { get; set; }
    [JsonPropertyName("e")] public string E { get; set; }

    public Jwk ToModel(string region) => new Jwk { KeyId = Kid, KeyType = Kty, Algorithm = Alg, Use = Use, N = N, E = E, Region = region };
}
