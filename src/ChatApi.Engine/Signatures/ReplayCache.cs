namespace ChatApi.Engine.Signatures;

/// <summary>
/// Remembers accepted (tenant, event id, retry) sightings until they leave the time window, so a
/// second sighting can be refused. Thread-safe; holds at most <see cref="Capacity"/> entries and
/// forgets the oldest first when full.
/// </summary>
public sealed class ReplayCache
{
    public static readonly ReplayCache Shared = new ReplayCache();

    private readonly object gate = new object();
    private readonly Dictionary<string, DateTimeOffset> seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
    private readonly Queue<KeyValuePair<string, DateTimeOffset>> order = new Queue<KeyValuePair<string, DateTimeOffset>>();

    public ReplayCache(int capacity = 100_000)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get { lock (gate) return seen.Count; }
    }

    /// <summary>Records a sighting that counts until <paramref name="forgetAfter"/>; false when it was already seen and not yet forgotten.</summary>
    public bool TryRecord(string tenantId, string eventId, int retry, DateTimeOffset now, DateTimeOffset forgetAfter)
    {
        string key = (tenantId ?? "") + "\u0000" + (eventId ?? "") + "\u0000" + retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (gate)
        {
            Prune(now);
            if (seen.TryGetValue(key, out var until) && until > now) return false;
            seen[key] = forgetAfter;
            order.Enqueue(new KeyValuePair<string, DateTimeOffset>(key, forgetAfter));
            while (seen.Count > Capacity && order.Count > 0)
            {
                var oldest = order.Dequeue();
                if (seen.TryGetValue(oldest.Key, out var v) && v == oldest.Value) seen.Remove(oldest.Key);
            }
            return true;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            seen.Clear();
            order.Clear();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        // Entries leave roughly in the order they came; stop at the first that still counts.
        while (order.Count > 0 && order.Peek().Value <= now)
        {
            var head = order.Dequeue();
            if (seen.TryGetValue(head.Key, out var v) && v == head.Value) seen.Remove(head.Key);
        }
        // Stale queue entries (a key recorded again later) are dropped as they reach the head.
        if (order.Count > 4 * Capacity) Compact();
    }

    private void Compact()
    {
        var keep = new Queue<KeyValuePair<string, DateTimeOffset>>();
        foreach (var item in order) if (seen.TryGetValue(item.Key, out var v) && v == item.Value) keep.Enqueue(item);
        order.Clear();
        foreach (var item in keep) order.Enqueue(item);
    }
}
