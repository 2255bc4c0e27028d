namespace ChatApi.Emulator.State;

/// <summary>One tenant's resources. Every read and write goes through <see cref="Lock"/>.</summary>
public sealed class TenantState(string region, string tenantId)
{
    public string Region { get; } = region;
    public string TenantId { get; } = tenantId;
    /// <summary>The customer (account) that owns the tenant; sent as x-8x8-customer-id and cid.</summary>
    public string CustomerId { get; } = $"cust-{tenantId}";
    public Lock Lock { get; } = new();
    public SortedDictionary<long, Webhook> Webhooks { get; } = [];
    public SortedDictionary<long, Channel> Channels { get; } = [];
    public SortedDictionary<long, Conversation> Conversations { get; } = [];
}
