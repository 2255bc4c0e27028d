using System;

namespace ChatApi;

/// <summary>
/// One difference between a configuration document and a tenant (Compare-ChatConfiguration), in the
/// order Import-ChatConfiguration applies them. Flat strings, ready for Format-Table and Export-Csv.
/// </summary>
public sealed class ConfigurationChange
{
    public ConfigurationAction Action { get; set; }
    public ConfigurationItemKind Kind { get; set; }
    public string Name { get; set; }
    /// <summary>The id in the target tenant; null for a create.</summary>
    public string Id { get; set; }
    /// <summary>The fields an update changes, comma-separated (Name, Uri, Version, Webhook, QueueId).</summary>
    public string Fields { get; set; }
    /// <summary>The target's values of those fields (field=value; ...), null for a create.</summary>
    public string Current { get; set; }
    /// <summary>The document's values, null for a removal.</summary>
    public string Desired { get; set; }
    /// <summary>Why an item is skipped, or why it cannot be created (Refuse).</summary>
    public string Reason { get; set; }
    /// <summary>The webhook's key in the document (webhooks), or the key of the channel's webhook (channels).</summary>
    public string WebhookKey { get; set; }

    public override string ToString() => $"{Action} {Kind} '{Name}'" + (Fields != null ? $" ({Fields})" : "") + (Reason != null ? $": {Reason}" : "");
}
