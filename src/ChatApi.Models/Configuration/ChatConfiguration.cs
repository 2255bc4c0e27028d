using System;
using System.Collections.Generic;

namespace ChatApi;

/// <summary>
/// A tenant's chat setup as Export-ChatConfiguration writes it: its webhooks and channels, with the
/// API, region and tenant it came from. Holds no secret and, without -IncludeIds, no server-only field.
/// Channels name their webhook by the webhook's <see cref="ConfigurationWebhook.Key"/>, never by id:
/// ids never cross tenants. No export time either: the same tenant exports the same bytes, so the
/// file diffs well under source control.
/// </summary>
public sealed class ChatConfiguration
{
    /// <summary>The only schema this module reads and writes.</summary>
    public const string SchemaName = "https://schemas.chatapi.local/chat-configuration";
    public const int CurrentSchemaVersion = 1;

    public string Schema { get; set; } = SchemaName;
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    /// <summary>The API the document came from (ChatValues.ApiV2 or ChatValues.ApiGateway).</summary>
    public string Api { get; set; }
    public string Region { get; set; }
    public string TenantId { get; set; }
    public List<ConfigurationWebhook> Webhooks { get; set; } = new List<ConfigurationWebhook>();
    public List<ConfigurationChannel> Channels { get; set; } = new List<ConfigurationChannel>();

    public override string ToString() => $"{Api} {TenantId}@{Region}: {Webhooks.Count} webhook(s), {Channels.Count} channel(s)";
}

/// <summary>One webhook of a <see cref="ChatConfiguration"/>.</summary>
public sealed class ConfigurationWebhook
{
    /// <summary>The document's own name for this webhook (its name, made unique): what channels point at.</summary>
    public string Key { get; set; }
    public string Name { get; set; }
    public string Uri { get; set; }
    public string Version { get; set; }
    /// <summary>The id in the tenant it came from; only with -IncludeIds, and never used to match.</summary>
    public string Id { get; set; }

    public override string ToString() => $"{Key}: {Uri} ({Version})";
}

/// <summary>One channel of a <see cref="ChatConfiguration"/>.</summary>
public sealed class ConfigurationChannel
{
    public string Name { get; set; }
    /// <summary>The <see cref="ConfigurationWebhook.Key"/> of its webhook.</summary>
    public string Webhook { get; set; }
    public string QueueId { get; set; }
    /// <summary>The channel type: ChatAPI on V2; the Chat Gateway also lists others (SMS, WhatsApp...).</summary>
    public string Type { get; set; }
    public string Id { get; set; }

    public override string ToString() => $"{Name} -> {Webhook}, queue {QueueId}";
}
