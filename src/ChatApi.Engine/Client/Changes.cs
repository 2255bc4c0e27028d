namespace ChatApi.Engine;

/// <summary>
/// What Set-ChatChannel, the migration and the undo change on a channel: each field is null when
/// it stays. One type says which fields change, applies them and describes them.
/// </summary>
public sealed class ChannelChanges
{
    public string Name { get; set; }
    public string WebhookId { get; set; }
    public string QueueId { get; set; }

    /// <summary>Null when every given field keeps 8x8's rules, else the first broken one as (parameter, rule).</summary>
    public (string Parameter, string Rule)? Check() =>
        Name != null && ChatRules.CheckName(Name, ChatRules.MaxChannelNameLength) is string rule ? ("Name", rule) : ((string, string)?)null;

    /// <summary>The channel as it is after these changes.</summary>
    public Channel ApplyTo(Channel current) => new Channel
    {
        Id = current.Id,
        Name = Name ?? current.Name,
        WebhookId = WebhookId ?? current.WebhookId,
        QueueId = QueueId ?? current.QueueId,
    };

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> agree on every field a change can touch.</summary>
    public static bool Same(Channel a, Channel b) => a.Name == b.Name && a.WebhookId == b.WebhookId && a.QueueId == b.QueueId;

    /// <summary>
    /// The first field this change leaves alone in which the server's channel (<paramref name="current"/>)
    /// no longer holds what the caller read (<paramref name="expected"/>), as (field, was, now); null when none.
    /// </summary>
    public (string Field, string Was, string Now)? Conflict(Channel expected, Channel current) => Changes.FirstConflict(
        ("Name", Name, expected.Name, current.Name), ("WebhookId", WebhookId, expected.WebhookId, current.WebhookId), ("QueueId", QueueId, expected.QueueId, current.QueueId));

    /// <summary>For ShouldProcess: "Set Name='x', QueueId=2", or "Set nothing".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Name != null) parts.Add($"Name='{Name}'");
        if (WebhookId != null) parts.Add($"WebhookId={WebhookId}");
        if (QueueId != null) parts.Add($"QueueId={QueueId}");
        return Changes.Describe(parts);
    }
}

/// <summary>What Set-ChatWebhook and the in-place migration change on a webhook; null fields stay.</summary>
public sealed class WebhookChanges
{
    public string Name { get; set; }
    public string Uri { get; set; }
    public string Version { get; set; }

    /// <param name="versions">The versions the session's API writes (null: V2's).</param>
    public (string Parameter, string Rule)? Check(IReadOnlyList<string> versions = null)
    {
        if (Name != null && ChatRules.CheckName(Name, ChatRules.MaxWebhookNameLength) is string name) return ("Name", name);
        if (Uri != null && ChatRules.CheckAbsoluteUri(Uri) is string uri) return ("Uri", uri);
        if (Version != null && ChatRules.CheckVersion(Version, versions) is string version) return ("Version", version);
        return null;
    }

    public Webhook ApplyTo(Webhook current) => new Webhook
    {
        Id = current.Id,
        Name = Name ?? current.Name,
        Uri = Uri ?? current.Uri,
        Version = Version ?? current.Version,
    };

    /// <summary>Like <see cref="ChannelChanges.Conflict"/>: a field left alone that changed on the server since it was read.</summary>
    public (string Field, string Was, string Now)? Conflict(Webhook expected, Webhook current) => Changes.FirstConflict(
        ("Name", Name, expected.Name, current.Name), ("Uri", Uri, expected.Uri, current.Uri), ("Version", Version, expected.Version, current.Version));

    public static bool Same(Webhook a, Webhook b) => a.Name == b.Name && a.Uri == b.Uri && a.Version == b.Version;

    public string Describe()
    {
        var parts = new List<string>();
        if (Name != null) parts.Add($"Name='{Name}'");
        if (Uri != null) parts.Add($"Uri='{Uri}'");
        if (Version != null) parts.Add($"Version={Version}");
        return Changes.Describe(parts);
    }
}

internal static class Changes
{
    public static string Describe(List<string> parts) => "Set " + (parts.Count == 0 ? "nothing" : string.Join(", ", parts));

    /// <summary>The first field not being changed (its change is null) whose value was read as one thing and is now another.</summary>
    public static (string Field, string Was, string Now)? FirstConflict(params (string Field, string Change, string Was, string Now)[] fields)
    {
        foreach (var f in fields)
            if (f.Change == null && !string.Equals(f.Was, f.Now, StringComparison.Ordinal)) return (f.Field, f.Was, f.Now);
        return null;
    }

    /// <summary>The error for a piped object that no longer matches the server: nothing was written.</summary>
    public static ChatApiException ConflictError(string resource, (string Field, string Was, string Now) c) =>
        new ChatApiException(ChatErrorKind.Conflict,
            $"{resource} changed on the server since it was read: {c.Field} was '{c.Was}' and is now '{c.Now}'. Nothing was written. " +
            $"Read it again and repeat the change, or pass -{c.Field} to set it.");
}
