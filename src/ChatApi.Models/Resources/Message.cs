namespace ChatApi;

/// <summary>One message of a conversation.</summary>
public sealed class Message
{
    public string ConversationId { get; set; }
    /// <summary>The message's id (the Chat Gateway's; Chat API V2's messages have none).</summary>
    public string MessageId { get; set; }
    public string InteractionId { get; set; }
    public string AuthorType { get; set; }
    public string ParticipantId { get; set; }
    public string OriginalText { get; set; }
    public string TranslatedText { get; set; }
    /// <summary>When the message was written, where the API gives it (Chat API V2's messages carry no time: empty there).</summary>
    public System.DateTimeOffset? Time { get; set; }
    /// <summary>How many cards the message carries (Chat Gateway; read them with Get-ChatCard).</summary>
    public int CardCount { get; set; }

    public override string ToString() => $"{AuthorType}: {OriginalText}";
}

/// <summary>What Send-ChatMessage reports: the server accepted the message (202).</summary>
public sealed class SentMessage
{
    public string ConversationId { get; set; }
    public string AuthorType { get; set; }
    public string Text { get; set; }
    /// <summary>How many cards went with the message.</summary>
    public int CardCount { get; set; }
    public bool Accepted { get; set; }
    /// <summary>The files uploaded for the message (Send-ChatMessage -Attachment, Chat Gateway); empty otherwise.</summary>
    public System.Collections.Generic.IList<Attachment> Attachments { get; set; } = new System.Collections.Generic.List<Attachment>();

    public override string ToString() => $"{ConversationId}: {Text}";
}

/// <summary>A card of a message (Chat Gateway): an adaptive card, quick replies, or another of 8x8's content types.</summary>
public sealed class Card
{
    public string ConversationId { get; set; }
    public string MessageId { get; set; }
    public string CardId { get; set; }
    public string ContentType { get; set; }
    /// <summary>The card's content as JSON text.</summary>
    public string Content { get; set; }
    /// <summary>Whether the user submitted the card (action-submit).</summary>
    public bool ActionSubmitted { get; set; }
    /// <summary>Whether the agent executed the card (action-execute).</summary>
    public bool ActionExecuted { get; set; }

    public override string ToString() => $"{CardId} ({ContentType})";
}
