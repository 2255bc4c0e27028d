namespace ChatApi
{
    /// <summary>A channel: a V1 hook's successor, with its webhook and its routing (queue).</summary>
    public sealed class Channel
    {
        public string Id { get; set; }
        public string Name { get; set; }
        /// <summary>The Gateway's channel type (ChatAPI, SMS, Facebook, Twitter, WhatsApp, WebChat); ChatAPI on V2, which sees no other.</summary>
        public string Type { get; set; }
        public string WebhookId { get; set; }
        public string RoutingType { get; set; }
        public string QueueId { get; set; }
        public int? ETag { get; set; }
        public string Region { get; set; }
        public string TenantId { get; set; }
        /// <summary>The API it was read through: V2 or Gateway.</summary>
        public string Api { get; set; }

        public override string ToString() => $"{Name} ({Id}) -> webhook {WebhookId}, queue {QueueId}";
    }
}
