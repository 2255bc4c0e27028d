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
        public int? ETag { get; set; }
        public string Region { get; set; }
        public string TenantId { get; set; }

        public override string ToString() => $"{Name} ({Id}) -> webhook {WebhookId}, queue {QueueId}";
    }
}
