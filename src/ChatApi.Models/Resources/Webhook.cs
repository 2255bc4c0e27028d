namespace ChatApi;

/// <summary>A webhook: where 8x8 sends the events of the channels that use it (the same list through Chat API V2 and the Chat Gateway).</summary>
public sealed class Webhook
{
    public string Id { get; set; }
    public string Name { get; set; }
    public string Uri { get; set; }
    /// <summary>Notification version: v1.0 (unsigned events), v2.0 (signed V2 events) or Chat Gateway v1.0 (signed Gateway events).</summary>
    public string Version { get; set; }
    /// <summary>The entity version the server gave (ETag), used for If-Match; null when the server gave none.</summary>
    public int? ETag { get; set; }
    public string Region { get; set; }
    public string TenantId { get; set; }
    /// <summary>The API it was read through: V2 or Gateway.</summary>
    public string Api { get; set; }

    /// <summary>How many channels use this webhook; only where it is cheap (Get-ChatWebhook -Unused or -IncludeChannelCount), else null.</summary>
    public int? ChannelCount { get; set; }

    private Webhook asRead;

    /// <summary>
    /// The values this object had when it was read from the server, or null when it was made here.
    /// Set-ChatWebhook takes a piped webhook's values as changes only where they differ from these,
    /// and refuses to write when the server no longer holds them.
    /// </summary>
    public Webhook AsRead() => asRead;

    /// <summary>Remembers the current values as the ones read from the server; returns this object.</summary>
    public Webhook MarkAsRead()
    {
        asRead = (Webhook)MemberwiseClone();
        asRead.asRead = null;
        return this;
    }

    public override string ToString() => $"{Name} ({Id}, {Version}) {Uri}";
}
