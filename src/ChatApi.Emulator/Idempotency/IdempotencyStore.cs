using System.Collections.Concurrent;

namespace ChatApi.Emulator.Idempotency;

/// <summary>
/// Answers by (API key, Idempotency-Key), kept 24 hours. The first caller of a key runs the request;
/// any caller of the same key meanwhile waits on the same task and gets the same answer.
/// </summary>
public sealed class IdempotencyStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StoredResponse>> _entries = new(StringComparer.Ordinal);

    /// <summary>Claims a key. Returns (true, tcs) for the first caller, who must complete or <see cref="Release"/> it.</summary>
    public (bool Owner, TaskCompletionSource<StoredResponse> Entry) Claim(string key)
    {
        Sweep();
        var mine = new TaskCompletionSource<StoredResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = _entries.GetOrAdd(key, mine);
        return (ReferenceEquals(entry, mine), entry);
    }

    /// <summary>Forgets a key whose request failed without an answer, so a retry runs again.</summary>
    public void Release(string key, TaskCompletionSource<StoredResponse> entry, Exception error)
    {
        _entries.TryRemove(new KeyValuePair<string, TaskCompletionSource<StoredResponse>>(key, entry));
        entry.TrySetException(error);
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Lifetime;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Task.IsCompletedSuccessfully && entry.Task.Result.StoredAt < cutoff)
                _entries.TryRemove(new KeyValuePair<string, TaskCompletionSource<StoredResponse>>(key, entry));
        }
    }
}
