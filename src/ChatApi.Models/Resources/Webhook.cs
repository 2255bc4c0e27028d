namespace ChatApi
{
    /// <summary>A V2 webhook: where 8x8 sends the events of the channels that use it.</summary>
    public sealed class Webhook
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public string Uri { get; set; }
        /// <summary>Notification version: v1.0 (unsigned events) or v2.0 (signed events).</summary>
        public string Version { get; set; }
        /// <summary>The entity version the server gave (ETag), used for If-Match; null when the server gave none.</summary>
        public int? ETag { get; set; }
        public string Region { get; set; }
        public string TenantId { get; set; }
        /// <summary>How many channels use this webhook; only where it is cheap (Get-ChatWebhook -Unused or -IncludeChannelCount), else null.</summary>
        public int? ChannelCount { get; set; }

        public override string ToString() => $"{Name} ({Id}, {Version}) {Uri}";
    }
}
