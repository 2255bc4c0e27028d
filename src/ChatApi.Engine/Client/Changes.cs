namespace ChatApi.Engine
{
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
    }
}
