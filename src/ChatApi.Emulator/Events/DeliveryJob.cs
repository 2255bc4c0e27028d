namespace ChatApi.Emulator.Events;

/// <summary>One event to send to one URI. <see cref="WebhookId"/> is null for verify calls.</summary>
public sealed record DeliveryJob(
    string? WebhookId, string Uri, string Version, string TenantId, string CustomerId,
    string EventType, string? ConversationId, string EventId, byte[] Body)
{
    public bool Signed => Version == ChatValues.V2;
}
