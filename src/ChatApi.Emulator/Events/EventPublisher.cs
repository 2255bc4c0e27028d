using System.Text.Json.Nodes;
using ChatApi.Emulator.State;

namespace ChatApi.Emulator.Events;

/// <summary>Turns something that happened into a delivery job for the webhook of the conversation's channel.</summary>
public sealed class EventPublisher(DeliveryQueue queue, TimeProvider time)
{
    /// <summary>Queues the event for the webhook; does nothing when the webhook is gone.</summary>
    public DeliveryJob? Publish(TenantState tenant, Webhook? webhook, string eventType, string conversationId, params (string Name, JsonNode? Value)[] fields)
    {
        if (webhook is null) return null;
        var job = Job(tenant, webhook.Id, webhook.Uri, webhook.Version, eventType, conversationId,
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        queue.Enqueue(job);
        return job;
    }

    public DeliveryJob Job(TenantState tenant, string? webhookId, string uri, string version, string eventType, string? conversationId,
        IEnumerable<KeyValuePair<string, JsonNode?>> fields) =>
        new(webhookId, uri, version, tenant.TenantId, tenant.CustomerId, eventType, conversationId, Guid.NewGuid().ToString(),
            EventBodies.Build(eventType, conversationId, time.GetUtcNow().ToUnixTimeMilliseconds(), fields));
}
