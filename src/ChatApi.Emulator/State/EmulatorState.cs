namespace ChatApi.Emulator.State;

/// <summary>All tenants, and the id sequences shared by every tenant (so ids are unique emulator-wide).</summary>
public sealed class EmulatorState
{
    private long _nextWebhook, _nextChannel, _nextConversation;
    private readonly Dictionary<string, TenantState> _tenants;

    public EmulatorState(EmulatorOptions options)
    {
        _tenants = options.Tenants.ToDictionary(t => t.Tenant, t => new TenantState(t.Region, t.Tenant), StringComparer.Ordinal);
        First = _tenants[options.Tenants[0].Tenant];
    }

    public TenantState First { get; }

    public TenantState? Find(string tenantId) => _tenants.GetValueOrDefault(tenantId);

    public IEnumerable<TenantState> Tenants => _tenants.Values;

    public long NextWebhookId() => Interlocked.Increment(ref _nextWebhook);
    public long NextChannelId() => Interlocked.Increment(ref _nextChannel);
    public long NextConversationId() => Interlocked.Increment(ref _nextConversation);

    /// <summary>Finds a conversation by id in any tenant (the test-only agent endpoints do not name the tenant).</summary>
    public (TenantState Tenant, Conversation Conversation)? FindConversation(string id)
    {
        if (!long.TryParse(id, out var key)) return null;
        foreach (var tenant in _tenants.Values)
        {
            lock (tenant.Lock)
            {
                if (tenant.Conversations.TryGetValue(key, out var c)) return (tenant, c);
            }
        }
        return null;
    }
}
