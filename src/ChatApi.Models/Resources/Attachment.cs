namespace ChatApi;

/// <summary>A file in a conversation (Chat Gateway attachments): uploaded by the customer or a bot, or sent by an agent.</summary>
public sealed class Attachment
{
    public string ConversationId { get; set; }
    public string Id { get; set; }
    public string FileName { get; set; }
    /// <summary>Bytes, as the server counts them.</summary>
    public long? Size { get; set; }
    /// <summary>The media type the server gives (the description requires a type and defines none; empty when absent).</summary>
    public string ContentType { get; set; }
    public System.DateTimeOffset? Created { get; set; }
    public string TenantId { get; set; }

    public override string ToString() => FileName ?? Id;
}
