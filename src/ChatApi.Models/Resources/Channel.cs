namespace ChatApi;

/// <summary>A channel: a V1 hook's successor, with its webhook and its routing (queue).</summary>
public sealed class Channel
{
    public string Id { get; set; }
    public string Name { get; set; }
    /// <summary>The Gateway's channel type (ChatAPI, SMS, Facebook, Twitter, WhatsApp, WebChat); ChatAPI on V2, which sees no other.</summary>
    public string Type { get; set; }
    public string WebhookId { get; set; }
    public string RoutingType { get; set; }
    public string QueueId { get; set; }
    /// <summary>
    /// The notification version of the channel's webhook, when the webhook list was read anyway
    /// (the migration plan reads both lists); empty when it was not read (plain Get-ChatChannel).
    /// </summary>
    public string WebhookVersion { get; set; }
    public int? ETag { get; set; }
    public string Region { get; set; }
    public string TenantId { get; set; }
    /// <summary>The API it was read through: V2 or Gateway.</summary>
    public string Api { get; set; }

    private Channel asRead;

    /// <summary>
    /// The values this object had when it was read from the server, or null when it was made here.
    /// Set-ChatChannel takes a piped channel's values as changes only where they differ from these,
    /// and refuses to write when the server no longer holds them.
    /// </summary>
    public Channel AsRead() => asRead;

    /// <summary>Remembers the current values as the ones read from the server; returns this object.</summary>
    public Channel MarkAsRead()
    {
        asRead = (Channel)MemberwiseClone();
        asRead.asRead = null;
        return this;
    }

    public override string ToString() => $"{Name} ({Id}) -> webhook {WebhookId}, queue {QueueId}";
}
