namespace ChatApi.Engine.Configuration;

/// <summary>Reads a tenant's webhooks and channels into a <see cref="ChatConfiguration"/>, in a stable order.</summary>
public static class ConfigurationExporter
{
    public static async Task<ChatConfiguration> ExportAsync(ChatApiClient client, bool includeIds, CallContext ctx)
    {
        var (webhooks, channels) = await ConfigurationState.ReadAsync(client, ctx).ConfigureAwait(false);
        var doc = new ChatConfiguration
        {
            Api = client.Api, Region = client.Session.Region, TenantId = client.Session.TenantId
        };
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in webhooks.OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Uri, StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal))
        {
            string key = h.Name;
            for (int n = 2; !used.Add(key); n++) key = $"{h.Name}#{n}";
            keyOf[h.Id] = key;
            doc.Webhooks.Add(new ConfigurationWebhook { Key = key, Name = h.Name, Uri = h.Uri, Version = h.Version, Id = includeIds ? h.Id : null });
        }
        foreach (var c in channels.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (c.WebhookId == null || !keyOf.TryGetValue(c.WebhookId, out var key))
            {
                ctx.Log.Warning($"Channel '{c.Name}' ({c.Id}) uses webhook {c.WebhookId}, which the tenant does not list: left out of the document.");
                continue;
            }
            doc.Channels.Add(new ConfigurationChannel { Name = c.Name, Webhook = key, QueueId = c.QueueId, Id = includeIds ? c.Id : null });
        }
        return doc;
    }
}

/// <summary>A tenant's whole webhook and channel lists, read once.</summary>
internal static class ConfigurationState
{
    public static async Task<(List<Webhook> Webhooks, List<Channel> Channels)> ReadAsync(ChatApiClient client, CallContext ctx)
    {
        var webhooks = new List<Webhook>();
        var channels = new List<Channel>();
        await client.ListWebhooksAsync(null, null, 0, webhooks.Add, ctx).ConfigureAwait(false);
        await client.ListChannelsAsync(null, null, 0, channels.Add, ctx).ConfigureAwait(false);
        return (webhooks, channels);
    }
}
