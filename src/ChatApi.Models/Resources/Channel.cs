namespace ChatApi
{
    /// <summary>A V2 channel: a V1 hook's successor, with its webhook and its routing (queue).</summary>
    public sealed class Channel
    {
        public string Id { get; set; }
        public string Name { get; set; }
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

        public override string ToString() => $"{Name} ({Id}) -> webhook {WebhookId}, queue {QueueId}";
    }
}
