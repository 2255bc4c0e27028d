namespace ChatApi.Emulator.Seeding;

/// <summary>
/// Fills the first tenant with V1-era channels as 8x8's migration made them: each channel has its
/// own v1.0 webhook; the legacy ones share K receiver URIs (<c>/_receiver/legacy-K</c>), the broken
/// ones point at <c>/_broken/legacy-broken-N</c>. Needs the emulator's own base address.
/// </summary>
public static class LegacySeeder
{
    public static void Seed(EmulatorState state, EmulatorOptions options, Uri baseAddress)
    {
        var tenant = state.First;
        var root = baseAddress.GetLeftPart(UriPartial.Authority);
        lock (tenant.Lock)
        {
            for (var i = 1; i <= options.SeedLegacy; i++)
                Add(state, tenant, $"legacy-{i}", $"{root}/_receiver/legacy-{(i - 1) % options.EffectiveSeedUris + 1}", 100 + i);
            for (var i = 1; i <= options.SeedBroken; i++)
                Add(state, tenant, $"legacy-broken-{i}", $"{root}/_broken/legacy-broken-{i}", 900 + i);
        }
    }

    private static void Add(EmulatorState state, TenantState tenant, string name, string uri, int queue)
    {
        var hookId = state.NextWebhookId();
        tenant.Webhooks[hookId] = new Webhook(hookId.ToString(), $"{name} webhook", uri, WebhookVersions.V1, 1);
        var channelId = state.NextChannelId();
        tenant.Channels[channelId] = new Channel(channelId.ToString(), name, hookId.ToString(), "queue", queue.ToString(), 1);
    }
}
