namespace ChatApi;

/// <summary>One message of a conversation.</summary>
public sealed class Message
{
    public string ConversationId { get; set; }
    public string InteractionId { get; set; }
    public string AuthorType { get; set; }
    public string ParticipantId { get; set; }
    public string OriginalText { get; set; }
    public string TranslatedText { get; set; }
    /// <summary>When the message was written, where the API gives it (Chat API V2's messages carry no time: empty there).</summary>
    public System.DateTimeOffset? Time { get; set; }

    public override string ToString() => $"{AuthorType}: {OriginalText}";
}

/// <summary>What Send-ChatMessage reports: the server accepted the message (202).</summary>
public sealed class SentMessage
{
    public string ConversationId { get; set; }
    public string AuthorType { get; set; }
    public string Text { get; set; }
    public bool Accepted { get; set; }
    /// <summary>The files uploaded for the message (Send-ChatMessage -Attachment, Chat Gateway); empty otherwise.</summary>
    public System.Collections.Generic.IList<Attachment> Attachments { get; set; } = new System.Collections.Generic.List<Attachment>();

    public override string ToString() => $"{ConversationId}: {Text}";
}
