namespace ChatApi.Engine.Configuration;

/// <summary>One change of a plan, with what the applier needs beside the public description.</summary>
internal sealed class PlannedChange
{
    public ConfigurationChange Change { get; set; }
    /// <summary>The document's webhook, already mapped to the target (URI map, version).</summary>
    public ConfigurationWebhook Webhook { get; set; }
    public ConfigurationChannel Channel { get; set; }
}

/// <summary>What applying a document to a tenant would do, in the order it is done.</summary>
internal sealed class ConfigurationPlan
{
    public List<PlannedChange> Changes { get; } = new List<PlannedChange>();
    /// <summary>Document webhook key → the target webhook it matched (grows as the applier creates webhooks).</summary>
    public Dictionary<string, string> WebhookIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// Compares a document with a tenant. Webhooks match by URI, and by name where several share a URI;
/// channels match by name; ids never cross tenants. Webhooks the target will not create (v1.0) come
/// first, as Refuse; then the changes in the order they are applied: webhook creates, channel creates (on the right new webhook ids), updates, then removals (channels
/// before webhooks), then what is skipped or unchanged.
/// </summary>
internal static class ConfigurationComparer
{
    /// <param name="webhookVersion">The version v1.0 webhooks that must be created get instead (-WebhookVersion); null refuses them.</param>
    public static ConfigurationPlan Compare(ChatConfiguration doc, string targetApi, IDictionary<string, string> uriMap,
        IReadOnlyList<Webhook> webhooks, IReadOnlyList<Channel> channels, bool includeRemovals, string webhookVersion = null)
    {
        var plan = new ConfigurationPlan();
        var refusals = new List<PlannedChange>();
        // Only the webhooks the target API changes are matched, updated or removed: the Chat Gateway may list
        // a tenant's v1.0/v2.0 webhooks (one configuration seen through both) but cannot write them.
        var writable = ConfigurationApis.VersionsOf(targetApi);
        webhooks = webhooks.Where(w => writable.Contains(w.Version)).ToList();
        var creates = new List<PlannedChange>(); var channelCreates = new List<PlannedChange>();
        var updates = new List<PlannedChange>(); var channelUpdates = new List<PlannedChange>();
        var rest = new List<PlannedChange>();
        var skippedKeys = new Dictionary<string, string>(StringComparer.Ordinal);

        // Webhooks: map each to the target, then match exact (URI and name) first, URI alone where it is unique.
        var desired = new List<ConfigurationWebhook>();
        foreach (var h in doc.Webhooks)
        {
            var (version, reason) = ConfigurationApis.MapVersion(h.Version, doc.Api, targetApi);
            // A v1.0 webhook stays v1.0 on any target: matched, it is compared; to be created, it is refused or made at webhookVersion.
            if (reason != null && h.Version == ChatValues.V1) (version, reason) = (ChatValues.V1, null);
            var mapped = new ConfigurationWebhook { Key = h.Key, Name = h.Name, Uri = MapUri(h.Uri, uriMap), Version = version };
            if (reason != null)
            {
                skippedKeys[h.Key] = reason;
                rest.Add(Skip(ConfigurationItemKind.Webhook, h.Name, h.Key, reason, mapped, channel: null));
            }
            else desired.Add(mapped);
        }
        var matched = new Dictionary<string, Webhook>(StringComparer.Ordinal);
        var taken = new HashSet<Webhook>();
        foreach (var h in desired)
        {
            var exact = webhooks.FirstOrDefault(w => !taken.Contains(w) && w.Uri == h.Uri && w.Name == h.Name);
            if (exact != null) { matched[h.Key] = exact; taken.Add(exact); }
        }
        foreach (var h in desired.Where(h => !matched.ContainsKey(h.Key)))
        {
            var sameUri = webhooks.Where(w => !taken.Contains(w) && w.Uri == h.Uri).ToList();
            bool unique = desired.Count(d => d.Uri == h.Uri && !matched.ContainsKey(d.Key)) == 1;
            if (sameUri.Count == 1 && unique) { matched[h.Key] = sameUri[0]; taken.Add(sameUri[0]); }
        }
        foreach (var h in desired)
        {
            if (!matched.TryGetValue(h.Key, out var current))
            {
                if (ConfigurationApis.CheckCreate(h.Version, targetApi) is string rule)
                {
                    if (webhookVersion == null)
                    {
                        var cannot = Planned(ConfigurationAction.Refuse, ConfigurationItemKind.Webhook, h.Name, null, h.Key, null, null, Describe(h), h, null);
                        cannot.Change.Reason = rule;
                        refusals.Add(cannot);
                        continue;
                    }
                    h.Version = webhookVersion;
                }
                creates.Add(Planned(ConfigurationAction.Create, ConfigurationItemKind.Webhook, h.Name, null, h.Key, null, null, Describe(h), h, null));
                continue;
            }
            plan.WebhookIds[h.Key] = current.Id;
            var fields = new List<(string Field, string Current, string Desired)>();
            if (current.Name != h.Name) fields.Add(("Name", current.Name, h.Name));
            if (current.Version != h.Version) fields.Add(("Version", current.Version, h.Version));
            string refused = ChatRules.CheckVersionChange(current.Version, h.Version);
            if (refused != null) rest.Add(Skip(ConfigurationItemKind.Webhook, h.Name, h.Key, refused, h, null, current.Id));
            else if (fields.Count == 0) rest.Add(Planned(ConfigurationAction.Unchanged, ConfigurationItemKind.Webhook, h.Name, current.Id, h.Key, null, null, null, h, null));
            else updates.Add(Changed(ConfigurationItemKind.Webhook, h.Name, current.Id, h.Key, fields, h, null));
        }

        // Channels by name: the first of several with one name is the match, the others are extra.
        var byName = new Dictionary<string, Channel>(StringComparer.Ordinal);
        foreach (var c in channels) if (c.Name != null && !byName.ContainsKey(c.Name)) byName[c.Name] = c;
        var keptChannels = new HashSet<Channel>();
        var hookNames = webhooks.ToDictionary(w => w.Id, w => w.Name, StringComparer.Ordinal);
        foreach (var c in doc.Channels)
        {
            byName.TryGetValue(c.Name, out var current);
            if (current != null) keptChannels.Add(current);
            string reason = ConfigurationApis.CheckChannelType(c.Type, targetApi)
                ?? (skippedKeys.TryGetValue(c.Webhook, out var hookReason) ? $"its webhook '{c.Webhook}' is skipped: {hookReason}" : null);
            if (reason != null) { rest.Add(Skip(ConfigurationItemKind.Channel, c.Name, c.Webhook, reason, null, c, current?.Id)); continue; }
            if (current == null)
            {
                channelCreates.Add(Planned(ConfigurationAction.Create, ConfigurationItemKind.Channel, c.Name, null, c.Webhook, null, null,
                    $"Webhook={c.Webhook}; QueueId={c.QueueId}", null, c));
                continue;
            }
            var fields = new List<(string Field, string Current, string Desired)>();
            plan.WebhookIds.TryGetValue(c.Webhook, out var targetHook);
            if (targetHook == null || current.WebhookId != targetHook)
                fields.Add(("Webhook", current.WebhookId != null && hookNames.TryGetValue(current.WebhookId, out var n) ? n : current.WebhookId, c.Webhook));
            if (current.QueueId != c.QueueId) fields.Add(("QueueId", current.QueueId, c.QueueId));
            if (fields.Count == 0) rest.Add(Planned(ConfigurationAction.Unchanged, ConfigurationItemKind.Channel, c.Name, current.Id, c.Webhook, null, null, null, null, c));
            else channelUpdates.Add(Changed(ConfigurationItemKind.Channel, c.Name, current.Id, c.Webhook, fields, null, c));
        }

        var removals = new List<PlannedChange>();
        if (includeRemovals)
        {
            foreach (var c in channels.Where(c => !keptChannels.Contains(c)).OrderBy(c => c.Name, StringComparer.Ordinal))
                removals.Add(Planned(ConfigurationAction.Remove, ConfigurationItemKind.Channel, c.Name, c.Id, null, $"QueueId={c.QueueId}", null, null, null, null));
            foreach (var w in webhooks.Where(w => !taken.Contains(w)).OrderBy(w => w.Name, StringComparer.Ordinal))
                removals.Add(Planned(ConfigurationAction.Remove, ConfigurationItemKind.Webhook, w.Name, w.Id, null, $"Uri={w.Uri}; Version={w.Version}", null, null, null, null));
        }
        plan.Changes.AddRange(refusals.Concat(creates).Concat(channelCreates).Concat(updates).Concat(channelUpdates).Concat(removals)
            .Concat(rest.OrderBy(r => r.Change.Action).ThenBy(r => r.Change.Kind)));
        return plan;
    }

    /// <summary>The URI with the longest matching prefix of <paramref name="map"/> replaced (test receivers → production ones).</summary>
    public static string MapUri(string uri, IDictionary<string, string> map)
    {
        if (map == null || uri == null) return uri;
        var prefix = map.Keys.Where(k => !string.IsNullOrEmpty(k) && uri.StartsWith(k, StringComparison.OrdinalIgnoreCase)).OrderByDescending(k => k.Length).FirstOrDefault();
        return prefix == null ? uri : map[prefix] + uri.Substring(prefix.Length);
    }

    private static string Describe(ConfigurationWebhook h) => $"Name={h.Name}; Uri={h.Uri}; Version={h.Version}";

    private static PlannedChange Changed(ConfigurationItemKind kind, string name, string id, string key,
        List<(string Field, string Current, string Desired)> fields, ConfigurationWebhook webhook, ConfigurationChannel channel) =>
        Planned(ConfigurationAction.Update, kind, name, id, key, string.Join("; ", fields.Select(f => $"{f.Field}={f.Current}")),
            string.Join(", ", fields.Select(f => f.Field)), string.Join("; ", fields.Select(f => $"{f.Field}={f.Desired}")), webhook, channel);

    private static PlannedChange Skip(ConfigurationItemKind kind, string name, string key, string reason, ConfigurationWebhook webhook, ConfigurationChannel channel, string id = null)
    {
        var p = Planned(ConfigurationAction.Skip, kind, name, id, key, null, null, null, webhook, channel);
        p.Change.Reason = reason;
        return p;
    }

    private static PlannedChange Planned(ConfigurationAction action, ConfigurationItemKind kind, string name, string id, string key,
        string current, string fields, string desired, ConfigurationWebhook webhook, ConfigurationChannel channel) =>
        new PlannedChange
        {
            Change = new ConfigurationChange { Action = action, Kind = kind, Name = name, Id = id, WebhookKey = key, Current = current, Fields = fields, Desired = desired },
            Webhook = webhook, Channel = channel,
        };
}
