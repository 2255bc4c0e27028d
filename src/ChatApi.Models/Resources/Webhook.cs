namespace ChatApi
{
    /// <summary>A webhook: where 8x8 sends the events of the channels that use it (the same list through Chat API V2 and the Chat Gateway).</summary>
    public sealed class Webhook
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public string Uri { get; set; }
        /// <summary>Notification version: v1.0 (unsigned events), v2.0 (signed V2 events) or Chat Gateway v1.0 (signed Gateway events).</summary>
        public string Version { get; set; }
        /// <summary>The entity version the server gave (ETag), used for If-Match; null when the server gave none.</summary>
        public int? ETag { get; set; }
        public string Region { get; set; }
        public string TenantId { get; set; }
        /// <summary>The API it was read through: V2 or Gateway.</summary>
        public string Api { get; set; }

        public override string ToString() => $"{Name} ({Id}, {Version}) {Uri}";
    }
}
