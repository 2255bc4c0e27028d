using System.Security.Cryptography;
using System.Text;

namespace ChatApi.Engine.Migration;

/// <summary>The switches that shape a migration.</summary>
public sealed class MigrationOptions
{
    public MigrationStrategy Strategy { get; set; } = MigrationStrategy.NewWebhook;
    /// <summary>NewWebhook only: remove each legacy v1.0 webhook once no channel refers to it.</summary>
    public bool RemoveLegacyWebhook { get; set; }
    /// <summary>Do not send the v2.0 verify event before moving channels.</summary>
    public bool SkipVerify { get; set; }
    /// <summary>How many calls are in flight at once (the session's rate limit still applies).</summary>
    public int ThrottleLimit { get; set; } = 4;
    /// <summary>
    /// The version the channels move to: v2.0 (a V2 session's default) or Chat Gateway v1.0 (a Gateway
    /// session's); null for the session's default. Channels on an older version move; the rest are done.
    /// </summary>
    public string TargetVersion { get; set; }
    /// <summary>
    /// Old receiver URI, or old webhook id (where the session does not list the webhook, as the Chat Gateway
    /// lists no older ones) → the new URI the target webhook gets; a URI not in it keeps its URI. Null for none.
    /// </summary>
    public IDictionary<string, string> UriMap { get; set; }

    /// <summary>The target, v2.0 when none was given.</summary>
    internal string Target => TargetVersion ?? ChatValues.V2;

    /// <summary>
    /// The receiver URI the webhook moves to: its id's entry in the map, else its URI's (compared as
    /// <see cref="MigrationPlanner.UriKey"/> does), else its URI. Null when neither is known.
    /// </summary>
    public string MapUri(Webhook hook)
    {
        if (UriMap != null && hook.Id != null && UriMap.TryGetValue(hook.Id, out var byId)) return byId;
        return MapUri(hook.Uri);
    }

    /// <summary>The receiver URI a webhook at <paramref name="uri"/> moves to (compared as <see cref="MigrationPlanner.UriKey"/> does).</summary>
    public string MapUri(string uri)
    {
        if (UriMap == null || uri == null) return uri;
        if (UriMap.TryGetValue(uri, out var mapped)) return mapped;
        string key = MigrationPlanner.UriKey(uri);
        foreach (var pair in UriMap) if (MigrationPlanner.UriKey(pair.Key) == key) return pair.Value;
        return uri;
    }

    /// <summary>A fingerprint of the URI map (keys of old and new URIs, never the URIs), so a resumed run can check it got the same map.</summary>
    internal string MapFingerprint()
    {
        if (UriMap == null || UriMap.Count == 0) return null;
        var pairs = UriMap.Select(p => MigrationPlanner.UriKey(p.Key) + ">" + MigrationPlanner.UriKey(p.Value)).OrderBy(p => p, StringComparer.Ordinal);
        return MigrationPlanner.UriKey(string.Join(";", pairs));
    }

    /// <summary>Throws a <see cref="ChatApiException"/> (InvalidArgument) naming the parameter and the rule.</summary>
    public void Validate()
    {
        if (RemoveLegacyWebhook && Strategy != MigrationStrategy.NewWebhook)
            throw ChatApiException.InvalidArgument("RemoveLegacyWebhook", "applies to -Strategy NewWebhook only (InPlace keeps the webhooks and switches them)");
        if (ThrottleLimit < 1 || ThrottleLimit > 64)
            throw ChatApiException.InvalidArgument("ThrottleLimit", $"must be between 1 and 64 (got {ThrottleLimit})");
        if (TargetVersion != null && TargetVersion != ChatValues.V2 && TargetVersion != ChatValues.Gateway)
            throw ChatApiException.InvalidArgument("TargetVersion", $"must be {ChatValues.V2} or {ChatValues.Gateway}");
        if (Strategy == MigrationStrategy.InPlace && Target == ChatValues.Gateway)
            throw ChatApiException.InvalidArgument("Strategy", $"InPlace cannot move channels to {ChatValues.Gateway}: the Gateway changes only its own webhooks; use NewWebhook");
        if (Strategy == MigrationStrategy.InPlace && UriMap != null && UriMap.Count > 0)
            throw ChatApiException.InvalidArgument("UriMap", "applies to -Strategy NewWebhook only (InPlace keeps each webhook's URI)");
        if (UriMap != null)
            foreach (var pair in UriMap)
            {
                if (!IsWebhookIdKey(pair.Key) && ChatRules.CheckAbsoluteUri(pair.Key) != null)
                    throw ChatApiException.InvalidArgument("UriMap", $"an old URI {ChatRules.CheckAbsoluteUri(pair.Key)}, or an old webhook id has no spaces (got '{MigrationPlanner.SafeUri(pair.Key)}')");
                if (ChatRules.CheckAbsoluteUri(pair.Value) != null)
                    throw ChatApiException.InvalidArgument("UriMap", $"the new URI of {MigrationPlanner.SafeUri(pair.Key)} {ChatRules.CheckAbsoluteUri(pair.Value)}");
            }
    }

    /// <summary>A key of the map that names an old webhook by id (no scheme, no spaces) rather than by URI.</summary>
    internal static bool IsWebhookIdKey(string key) =>
        !string.IsNullOrWhiteSpace(key) && key.IndexOf("://", StringComparison.Ordinal) < 0 && !key.Any(char.IsWhiteSpace);
}

/// <summary>The channels of one target receiver URI, their legacy webhooks and the webhook of the target version they go to.</summary>
public sealed class UriGroup
{
    /// <summary>A stable key for the target URI (a hash of its normalised form: no URI text, so no secret in the journal).</summary>
    public string Key { get; internal set; }
    /// <summary>The URI the target webhook has: the legacy webhooks' URI, or where -UriMap maps it.</summary>
    public string Uri { get; internal set; }
    public List<Webhook> LegacyWebhooks { get; } = new List<Webhook>();
    /// <summary>The selected channels on those legacy webhooks.</summary>
    public List<Channel> Channels { get; } = new List<Channel>();
    /// <summary>An existing webhook of the target version with the target URI, reused instead of creating one; null when one must be created.</summary>
    public Webhook Target { get; internal set; }
    /// <summary>Legacy webhook id → channels outside the selection that still use it.</summary>
    public Dictionary<string, List<Channel>> OtherUsers { get; } = new Dictionary<string, List<Channel>>();
}

/// <summary>What a migration will do, before it does it. Pure data, built by <see cref="MigrationPlanner"/>.</summary>
public sealed class MigrationPlan
{
    public MigrationOptions Options { get; internal set; }
    /// <summary>Every selected channel, in input order.</summary>
    public List<Channel> Channels { get; } = new List<Channel>();
    public List<UriGroup> Groups { get; } = new List<UriGroup>();
    /// <summary>Selected channels already on a webhook of the target version (or a newer one): nothing to do, with that webhook.</summary>
    public List<KeyValuePair<Channel, Webhook>> AlreadyOnV2 { get; } = new List<KeyValuePair<Channel, Webhook>>();
    /// <summary>Selected channels that cannot be planned, with the reason (their webhook does not exist).</summary>
    public List<KeyValuePair<Channel, string>> Unplannable { get; } = new List<KeyValuePair<Channel, string>>();
    /// <summary>Channel ids asked for that do not exist.</summary>
    public List<string> Missing { get; } = new List<string>();

    public int MigratableChannels => Groups.Sum(g => g.Channels.Count);

    /// <summary>The plan as flat steps, ready for Export-Csv.</summary>
    public List<MigrationStep> ToSteps()
    {
        var steps = new List<MigrationStep>();
        string strategy = Options.Strategy.ToString();
        string target = Options.Target;
        void Add(MigrationStep s) { s.Step = steps.Count + 1; s.Strategy = strategy; steps.Add(s); }

        foreach (var g in Groups)
        {
            if (!Options.SkipVerify)
                Add(new MigrationStep { Action = "VerifyUri", Uri = g.Uri, Channels = g.Channels.Count, Reason = $"send a {target} WEB_HOOK_VERIFY event; channels move only if the URI answers 2xx" });
            if (Options.Strategy == MigrationStrategy.NewWebhook)
            {
                if (g.Target != null)
                    Add(new MigrationStep { Action = "ReuseWebhook", ToWebhookId = g.Target.Id, Uri = g.Uri, Channels = g.Channels.Count, Reason = $"the {target} webhook {g.Target.Id} already has this URI" });
                else
                    Add(new MigrationStep { Action = "CreateWebhook", Uri = g.Uri, Channels = g.Channels.Count, Reason = $"one shared {target} webhook for the {g.Channels.Count} channel(s) whose webhooks use {(g.LegacyWebhooks.Any(w => w.Uri != g.Uri) ? "a URI mapped to " : "")}this URI" });
                foreach (var c in g.Channels)
                    Add(new MigrationStep
                    {
                        Action = "RepointChannel", ChannelId = c.Id, ChannelName = c.Name, FromWebhookId = c.WebhookId, ToWebhookId = g.Target?.Id ?? "",
                        Uri = g.Uri, Channels = 1, Reason = g.Target != null ? $"move to the {target} webhook {g.Target.Id}" : $"move to the new {target} webhook",
                    });
                if (Options.RemoveLegacyWebhook)
                    foreach (var w in g.LegacyWebhooks)
                    {
                        g.OtherUsers.TryGetValue(w.Id, out var others);
                        Add(new MigrationStep
                        {
                            Action = "RemoveLegacyWebhook", FromWebhookId = w.Id, Uri = w.Uri, Channels = 0,
                            Reason = w.Version == null
                                ? "kept: the session does not list this webhook, so it cannot remove it (remove it through the Chat API V2)"
                                : others == null || others.Count == 0
                                ? $"remove the {w.Version} webhook once no channel refers to it (checked by listing after the moves)"
                                : $"kept while channel(s) outside this migration use it: {string.Join(", ", others.Select(o => o.Id))}",
                        });
                    }
            }
            else
            {
                foreach (var w in g.LegacyWebhooks)
                {
                    var mine = g.Channels.Where(c => c.WebhookId == w.Id).ToList();
                    g.OtherUsers.TryGetValue(w.Id, out var others);
                    string reason = "switch this v1.0 webhook to v2.0 in place (cannot be undone: 8x8 refuses downgrades)";
                    if (others != null && others.Count > 0) reason += $"; it also serves channel(s) outside this migration: {string.Join(", ", others.Select(o => o.Id))}";
                    Add(new MigrationStep
                    {
                        Action = "UpdateWebhookInPlace", ChannelId = string.Join(",", mine.Select(c => c.Id)), ChannelName = string.Join(",", mine.Select(c => c.Name)),
                        FromWebhookId = w.Id, ToWebhookId = w.Id, Uri = w.Uri, Channels = mine.Count, Reason = reason,
                    });
                }
            }
        }
        foreach (var pair in AlreadyOnV2)
            Add(new MigrationStep
            {
                Action = "None", ChannelId = pair.Key.Id, ChannelName = pair.Key.Name, FromWebhookId = pair.Value.Id, ToWebhookId = pair.Value.Id,
                Uri = pair.Value.Uri, Channels = 1, Reason = $"already on the {pair.Value.Version} webhook {pair.Value.Id}",
            });
        foreach (var pair in Unplannable)
            Add(new MigrationStep { Action = "None", ChannelId = pair.Key.Id, ChannelName = pair.Key.Name, FromWebhookId = pair.Key.WebhookId, Channels = 1, Reason = pair.Value });
        foreach (var id in Missing)
            Add(new MigrationStep { Action = "None", ChannelId = id, Channels = 1, Reason = $"channel {id} does not exist" });
        return steps;
    }
}

/// <summary>
/// Builds a <see cref="MigrationPlan"/> from what the server holds. Pure: no calls, so it is tested
/// without a server and Get-ChatMigrationPlan and Invoke-ChatMigration plan the same way.
/// </summary>
public static class MigrationPlanner
{
    /// <summary>The default target (a V2 session's).</summary>
    public const string TargetVersion = ChatValues.V2;

    /// <summary>The progress activity of a run to <paramref name="target"/> (the cmdlet completes the same one).</summary>
    public static string ActivityFor(string target) => $"Migrating channels to {target ?? TargetVersion} webhooks";

    /// <param name="selectedIds">Channel ids to migrate; null for every channel.</param>
    /// <param name="allChannels">Every channel of the tenant (to know who else uses a legacy webhook).</param>
    /// <param name="webhooks">Every webhook of the tenant.</param>
    /// <param name="knownTargets">URI key → webhook id a journal says this migration created, preferred when several v2.0 webhooks share the URI.</param>
    public static MigrationPlan Plan(IEnumerable<string> selectedIds, IReadOnlyCollection<Channel> allChannels, IReadOnlyCollection<Webhook> webhooks,
        MigrationOptions options, IDictionary<string, string> knownTargets = null)
    {
        options = options ?? new MigrationOptions();
        var plan = new MigrationPlan { Options = options };
        var byId = new Dictionary<string, Channel>(StringComparer.Ordinal);
        foreach (var c in allChannels) byId[c.Id] = c;
        var hooks = new Dictionary<string, Webhook>(StringComparer.Ordinal);
        foreach (var w in webhooks) hooks[w.Id] = w;
        // Both lists were read: every channel carries its webhook's version ("still on v1.0" is one Where-Object).
        foreach (var c in allChannels) c.WebhookVersion = c.WebhookId != null && hooks.TryGetValue(c.WebhookId, out var own) ? own.Version : null;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (selectedIds == null) plan.Channels.AddRange(allChannels.Where(c => seen.Add(c.Id)));
        else
            foreach (var id in selectedIds)
            {
                if (string.IsNullOrWhiteSpace(id) || !seen.Add(id)) continue;
                if (byId.TryGetValue(id, out var c)) plan.Channels.Add(c); else plan.Missing.Add(id);
            }

        // Webhooks of the target version by URI key: the candidates for reuse.
        string target = options.Target;
        int targetRank = ChatRules.VersionRank(target);
        var v2ByKey = webhooks.Where(w => w.Version == target && !string.IsNullOrEmpty(w.Uri))
            .GroupBy(w => UriKey(w.Uri)).ToDictionary(g => g.Key, g => g.OrderBy(w => w.Id, IdComparer.Instance).ToList());

        var groups = new Dictionary<string, UriGroup>(StringComparer.Ordinal);
        foreach (var c in plan.Channels)
        {
            if (string.IsNullOrEmpty(c.WebhookId))
            {
                plan.Unplannable.Add(new KeyValuePair<Channel, string>(c, "it has no webhook; nothing to migrate from"));
                continue;
            }
            if (!hooks.TryGetValue(c.WebhookId, out var hook))
            {
                // A webhook the session does not list (the Chat Gateway lists only its own): known by its id alone.
                if (target != ChatValues.Gateway)
                {
                    plan.Unplannable.Add(new KeyValuePair<Channel, string>(c, $"its webhook {c.WebhookId} does not exist as far as this session can tell (removed, or a {ChatValues.Gateway} webhook, which the Chat API V2 may not list); nothing to migrate from"));
                    continue;
                }
                hook = new Webhook { Id = c.WebhookId };
                if (options.MapUri(hook) == null)
                {
                    plan.Unplannable.Add(new KeyValuePair<Channel, string>(c, UnlistedReason(c.WebhookId)));
                    continue;
                }
            }
            else if (ChatRules.VersionRank(hook.Version) >= targetRank)
            {
                plan.AlreadyOnV2.Add(new KeyValuePair<Channel, Webhook>(c, hook));
                continue;
            }
            // One group per target URI: webhooks whose URIs (or ids) map to one new URI share its webhook.
            string targetUri = options.MapUri(hook);
            string key = UriKey(targetUri);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new UriGroup { Key = key, Uri = targetUri };
                if (options.Strategy == MigrationStrategy.NewWebhook && v2ByKey.TryGetValue(key, out var candidates))
                {
                    string known = null;
                    knownTargets?.TryGetValue(key, out known);
                    group.Target = candidates.FirstOrDefault(w => w.Id == known) ?? candidates[0];
                }
                groups.Add(key, group);
                plan.Groups.Add(group);
            }
            if (!group.LegacyWebhooks.Any(w => w.Id == hook.Id)) group.LegacyWebhooks.Add(hook);
            group.Channels.Add(c);
        }

        // Who else (outside the selection) still uses each legacy webhook.
        foreach (var g in plan.Groups)
            foreach (var w in g.LegacyWebhooks)
            {
                var others = allChannels.Where(c => c.WebhookId == w.Id && !seen.Contains(c.Id)).ToList();
                if (others.Count > 0) g.OtherUsers[w.Id] = others;
            }
        return plan;
    }

    /// <summary>Why a channel on a webhook the session does not list cannot be planned without more to go on.</summary>
    public static string UnlistedReason(string webhookId) =>
        $"its webhook {webhookId} is not listed by the Chat Gateway (it lists only {ChatValues.Gateway} webhooks), so its URI is unknown: " +
        $"give its new URI in -UriMap with the key '{webhookId}', or read the old URIs through the Chat API V2 with -SourceSession";

    /// <summary>
    /// A key for a receiver URI: the hex SHA-256 of its normalised form (scheme and host lower case).
    /// Channels whose webhooks share a key share a v2.0 webhook; the journal stores keys, never URIs with their queries.
    /// </summary>
    public static string UriKey(string uri)
    {
        string normal = System.Uri.TryCreate(uri?.Trim(), UriKind.Absolute, out var parsed) ? parsed.AbsoluteUri : (uri ?? "").Trim();
        using (var sha = SHA256.Create())
        {
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(normal));
            var text = new StringBuilder(32);
            for (int i = 0; i < 16; i++) text.Append(hash[i].ToString("x2"));
            return text.ToString();
        }
    }

    /// <summary>A URI fit for logs and the journal: no user info, query values replaced by ***.</summary>
    public static string SafeUri(string uri)
    {
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return "(not a URI)";
        var b = new StringBuilder();
        b.Append(parsed.Scheme).Append("://").Append(parsed.Host);
        if (!parsed.IsDefaultPort) b.Append(':').Append(parsed.Port);
        b.Append(parsed.AbsolutePath);
        if (!string.IsNullOrEmpty(parsed.Query) && parsed.Query.Length > 1)
            b.Append('?').Append(string.Join("&", parsed.Query.Substring(1).Split('&').Select(p => p.Split('=')[0] + "=***")));
        return b.ToString();
    }

    /// <summary>A name for the webhook of <paramref name="version"/> that replaces the legacy webhooks of a URI (max 255 characters).</summary>
    public static string WebhookName(string uri, string version = TargetVersion)
    {
        string name = System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? $"{version} {parsed.Host}{parsed.AbsolutePath}" : $"{version} migrated webhook";
        return name.Length <= ChatRules.MaxWebhookNameLength ? name : name.Substring(0, ChatRules.MaxWebhookNameLength);
    }

    /// <summary>Orders ids numerically when both are numbers, else ordinally.</summary>
    internal sealed class IdComparer : IComparer<string>
    {
        public static readonly IdComparer Instance = new IdComparer();
        public int Compare(string x, string y)
        {
            if (long.TryParse(x, out var a) && long.TryParse(y, out var b)) return a.CompareTo(b);
            return string.CompareOrdinal(x, y);
        }
    }
}
