namespace ChatApi.Emulator.Events;

/// <summary>Turns something that happened into a delivery job for a webhook.</summary>
public sealed class EventPublisher(DeliveryQueue queue, TimeProvider time)
{
    /// <summary>
    /// Queues a conversation event (named and filled as V2 names it) for the webhook, in the body its
    /// version receives: V2's for v1.0/v2.0, the Gateway's for Chat Gateway v1.0. Nothing when the webhook is gone.
    /// </summary>
    public DeliveryJob? Publish(TenantState tenant, Webhook? webhook, string eventType, string conversationId, params (string Name, JsonNode? Value)[] fields)
    {
        if (webhook is null) return null;
        if (EventTypes.IsGatewayOnly(eventType) && !WebhookVersions.IsGateway(webhook.Version)) return null;
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        var (type, body) = WebhookVersions.IsGateway(webhook.Version)
            ? Gateway.GatewayEventBodies.Build(eventType, conversationId, timestamp, fields.ToDictionary(f => f.Name, f => f.Value))
            : (eventType, EventBodies.Build(eventType, conversationId, timestamp, fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        return Enqueue(Job(tenant, webhook.Id, webhook.Uri, webhook.Version, type, conversationId, body));
    }

    /// <summary>Queues the <c>WEB_HOOK_VERIFY</c> that 8x8 sends a webhook when it is created.</summary>
    public DeliveryJob PublishVerify(TenantState tenant, Webhook webhook) => Enqueue(VerifyJob(tenant, webhook.Id, webhook.Uri, webhook.Version));

    /// <summary>A <c>WEB_HOOK_VERIFY</c> job, not queued (the verify operation sends it at once).</summary>
    public DeliveryJob VerifyJob(TenantState tenant, string? webhookId, string uri, string version) =>
        Job(tenant, webhookId, uri, version, EventTypes.WebHookVerify, null, EventBodies.Verify(version));

    private DeliveryJob Enqueue(DeliveryJob job)
    {
        queue.Enqueue(job);
        return job;
    }

    private static DeliveryJob Job(TenantState tenant, string? webhookId, string uri, string version, string eventType, string? conversationId, byte[] body) =>
        new(webhookId, uri, version, tenant.TenantId, tenant.CustomerId, eventType, conversationId, Guid.NewGuid().ToString(), body);
}
