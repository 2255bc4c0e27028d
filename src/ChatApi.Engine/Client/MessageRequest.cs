namespace ChatApi.Engine;

/// <summary>
/// What Send-ChatMessage sends: a text, cards (Chat Gateway) and attachments already uploaded to the
/// conversation (Chat Gateway), written by the session's author type.
/// </summary>
public sealed class MessageRequest
{
    public string Text { get; set; }
    public string AuthorType { get; set; } = ChatValues.User;
    public List<CardContent> Cards { get; } = new List<CardContent>();
    /// <summary>Ids of attachments uploaded to the conversation, sent with the message as attachments: [{id}] (Chat Gateway).</summary>
    public List<string> AttachmentIds { get; } = new List<string>();

    /// <summary>Null when the message can be sent, else (parameter, rule); <paramref name="richContent"/> says whether the API takes cards and attachments.</summary>
    /// <paramref name="withAttachments"/> says the message will carry files uploaded just before it is sent.
    internal (string Parameter, string Rule)? Check(bool richContent, string apiTitle, bool withAttachments = false)
    {
        if (ChatRules.CheckAuthorType(AuthorType) is string author) return ("AuthorType", author);
        if (!richContent && Cards.Count > 0) return ("Card", $"is served by the Chat Gateway only, not by {apiTitle}: connect with Connect-ChatApi -Api Gateway");
        if (!richContent && (withAttachments || AttachmentIds.Count > 0)) return ("Attachment", $"is served by the Chat Gateway only, not by {apiTitle}: connect with Connect-ChatApi -Api Gateway");
        if (string.IsNullOrEmpty(Text) && Cards.Count == 0 && AttachmentIds.Count == 0 && !withAttachments)
            return ("Text", richContent ? "must not be empty unless the message carries a card or an attachment" : "must not be empty");
        return null;
    }
}

/// <summary>One card of a message: its content type and its content (a JSON object).</summary>
public sealed class CardContent
{
    private CardContent(string contentType, string json)
    {
        ContentType = contentType;
        Json = json;
    }

    public string ContentType { get; }
    /// <summary>The card's content, a JSON object.</summary>
    public string Json { get; }

    /// <summary>
    /// A card from JSON: either the whole card {contentType, content} or only its content, taken as an
    /// adaptive card. Anything else is refused naming <paramref name="parameter"/>.
    /// </summary>
    public static CardContent From(string json, string parameter = "Card")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json ?? ""); }
        catch (JsonException e) { throw ChatApiException.InvalidArgument(parameter, $"must be a JSON object or a hashtable ({e.Message})"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw ChatApiException.InvalidArgument(parameter, "must be a JSON object or a hashtable");
            if (root.TryGetProperty("content", out var content) && root.TryGetProperty("contentType", out var type) && type.ValueKind == JsonValueKind.String)
            {
                string contentType = type.GetString();
                if (!ChatValues.CardContentTypes.Contains(contentType))
                    throw ChatApiException.InvalidArgument(parameter, $"has contentType '{contentType}'; it must be one of {string.Join(", ", ChatValues.CardContentTypes)}");
                if (content.ValueKind != JsonValueKind.Object) throw ChatApiException.InvalidArgument(parameter, "must have an object as its content");
                return new CardContent(contentType, content.GetRawText());
            }
            return new CardContent(ChatValues.AdaptiveCard, root.GetRawText());
        }
    }
}
