namespace ChatApi.Emulator.Events;

/// <summary>Every delivery attempt, in the order made.</summary>
public sealed class DeliveryLog
{
    private readonly List<DeliveryRecord> _records = [];
    private readonly Lock _lock = new();

    public void Add(DeliveryRecord record) { lock (_lock) _records.Add(record); }

    public IReadOnlyList<DeliveryRecord> Find(string? webhookId, string? eventType, string? conversationId)
    {
        lock (_lock)
        {
            return _records.Where(r =>
                (webhookId is null || r.WebhookId == webhookId) &&
                (eventType is null || string.Equals(r.EventType, eventType, StringComparison.OrdinalIgnoreCase)) &&
                (conversationId is null || r.ConversationId == conversationId)).ToList();
        }
    }
}
