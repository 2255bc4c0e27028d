namespace ChatApi.Emulator.Events;

/// <summary>
/// One attempt in the delivery log. <c>Status</c> is the HTTP status the URI answered, 0 when it could
/// not be reached (then <c>Error</c> says why). <c>Attempt</c> equals the x-8x8-retry sent (0 first).
/// </summary>
public sealed record DeliveryRecord(
    string? WebhookId, string Uri, string Version, string TenantId, string EventType, string? ConversationId,
    string EventId, int Attempt, int Status, string? Error, IReadOnlyDictionary<string, string> Headers, string Body, string Time);
