namespace ChatApi.Emulator.Seeding;

/// <summary>
/// <c>--seed-other-channels N</c>: channels of the types the Gateway lists but no API creates (SMS, Facebook,
/// Twitter, WhatsApp, WebChat in turn), on the first tenant, sharing one Chat Gateway v1.0 webhook at
/// <c>/_receiver/other-channels</c>. Only the Gateway paths see them.
/// </summary>
public static class OtherChannelSeeder
{
    public static void Seed(EmulatorState state, EmulatorOptions options, Uri baseAddress)
    {
        if (options.SeedOtherChannels == 0) return;
        var tenant = state.First;
        lock (tenant.Lock)
        {
            var hookId = state.NextWebhookId();
            tenant.Webhooks[hookId] = new Webhook(hookId.ToString(), "other channels webhook",
                $"{baseAddress.GetLeftPart(UriPartial.Authority)}/_receiver/other-channels", WebhookVersions.Gateway, 1);
            for (var i = 0; i < options.SeedOtherChannels; i++)
            {
                var type = ChannelTypes.Others[i % ChannelTypes.Others.Length];
                var id = state.NextChannelId();
                tenant.Channels[id] = new Channel(id.ToString(), $"{type.ToLowerInvariant()}-{i + 1}", hookId.ToString(), "queue", (500 + i).ToString(), 1, type);
            }
        }
    }
}
