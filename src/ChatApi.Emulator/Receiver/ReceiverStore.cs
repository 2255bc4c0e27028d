using System.Collections.Concurrent;

namespace ChatApi.Emulator.Receiver;

/// <summary>One request the built-in receiver got: the raw body, its headers, when (ISO 8601 UTC).</summary>
public sealed record ReceivedRequest(string Body, IReadOnlyDictionary<string, string> Headers, string Time);

/// <summary>What each named receiver got, in arrival order.</summary>
public sealed class ReceiverStore
{
    private readonly ConcurrentDictionary<string, List<ReceivedRequest>> _byName = new(StringComparer.Ordinal);

    public void Add(string name, ReceivedRequest request)
    {
        var list = _byName.GetOrAdd(name, _ => []);
        lock (list) list.Add(request);
    }

    public IReadOnlyList<ReceivedRequest> Get(string name)
    {
        if (!_byName.TryGetValue(name, out var list)) return [];
        lock (list) return list.ToList();
    }
}
