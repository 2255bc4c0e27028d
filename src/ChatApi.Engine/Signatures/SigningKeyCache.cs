using System.Threading;

namespace ChatApi.Engine.Signatures;

/// <summary>
/// Imported signing keys by (key source, kid), shared by the whole process and thread-safe.
/// A key stays for <see cref="KeyLifetime"/> (1 h); a kid the source does not know is remembered
/// as unknown for <see cref="NegativeLifetime"/> (10 min) and a failed fetch for
/// <see cref="UnavailableLifetime"/>, so a flood of events with a bad kid costs one request;
/// concurrent lookups of the same kid share one fetch; at most <see cref="Capacity"/> entries are
/// kept. Each source may be asked at most <see cref="FetchBudget"/> times per
/// <see cref="FetchBudgetWindow"/> (events signed with random kids cannot make us call 8x8 at
/// will); beyond that a kid is refused as unavailable without a request. After a bad signature a
/// key is fetched again at most once per <see cref="RefreshInterval"/>.
/// </summary>
public sealed class SigningKeyCache
{
    public static readonly SigningKeyCache Shared = new SigningKeyCache();

    private readonly object gate = new object();
    private readonly Dictionary<string, Entry> entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<KeyLookup>> inFlight = new Dictionary<string, Task<KeyLookup>>(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> clock;
    private readonly Dictionary<string, Queue<DateTimeOffset>> recentFetches = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);

    public SigningKeyCache(Func<DateTimeOffset> clock = null)
    {
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan NegativeLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan UnavailableLifetime { get; set; } = TimeSpan.FromSeconds(30);
    public int FetchBudget { get; set; } = 5;
    public TimeSpan FetchBudgetWindow { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
    public int Capacity { get; set; } = 256;

    /// <summary>How many fetches this cache has started (for tests and diagnostics).</summary>
    public int FetchCount => Volatile.Read(ref fetchCount);
    private int fetchCount;

    private sealed class Entry
    {
        public KeyLookup Lookup;
        public DateTimeOffset Expires;
        public DateTimeOffset FetchedAt;
    }

    private static string CacheKey(string region, string keyId) => region + "\u0000" + keyId;

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            recentFetches.Clear();
        }
    }

    internal KeyLookup TryGet(string region, string keyId)
    {
        var now = clock();
        lock (gate)
        {
            if (entries.TryGetValue(CacheKey(region, keyId), out var entry) && entry.Expires > now) return Answer(entry, now);
        }
        return null;
    }

    /// <summary>A cached lookup; an unavailable key says when it is asked for again.</summary>
    private static KeyLookup Answer(Entry entry, DateTimeOffset now) => entry.Lookup.RetryingAfter(entry.Expires - now);

    internal async Task<KeyLookup> FetchAsync(string region, string keyId, Func<string, CancellationToken, Task<Jwk>> fetch, CancellationToken cancellationToken)
    {
        string key = CacheKey(region, keyId);
        TaskCompletionSource<KeyLookup> mine;
        Task<KeyLookup> theirs;
        lock (gate)
        {
            var now = clock();
            if (entries.TryGetValue(key, out var entry) && entry.Expires > now) return Answer(entry, now);
            if (inFlight.TryGetValue(key, out theirs))
            {
                mine = null;
            }
            else if (!TakeFetch(region, out var wait))
            {
                return KeyLookup.Unavailable($"the key '{keyId}' was not looked up: this key source was already asked {FetchBudget} times within {FetchBudgetWindow.TotalSeconds:0} s", wait);
            }
            else
            {
                mine = new TaskCompletionSource<KeyLookup>(TaskCreationOptions.RunContinuationsAsynchronously);
                inFlight[key] = mine.Task;
            }
        }
        if (mine == null) return await theirs.ConfigureAwait(false);

        Interlocked.Increment(ref fetchCount);
        KeyLookup lookup;
        try
        {
            var jwk = await fetch(keyId, cancellationToken).ConfigureAwait(false);
            lookup = ToLookup(keyId, jwk);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            lock (gate) inFlight.Remove(key);
            mine.TrySetCanceled(ex.CancellationToken);
            throw;
        }
        catch (Exception ex)
        {
            lookup = LooksLikeNotFound(ex)
                ? KeyLookup.Unknown($"the region has no key '{keyId}'")
                : KeyLookup.Unavailable($"the key '{keyId}' could not be fetched: {ex.Message}");
        }
        lookup = lookup.RetryingAfter(UnavailableLifetime); // it is asked for again when its entry ends
        Store(key, lookup);
        lock (gate) inFlight.Remove(key);
        mine.TrySetResult(lookup);
        return lookup;
    }

    internal async Task<RsaVerificationKey> RefreshAfterFailureAsync(string region, string keyId, RsaVerificationKey used, Func<string, CancellationToken, Task<Jwk>> fetch, CancellationToken cancellationToken)
    {
        string key = CacheKey(region, keyId);
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry)) return null;
            if (entry.Lookup.Key != null && !ReferenceEquals(entry.Lookup.Key, used)) return entry.Lookup.Key; // someone already refreshed it
            if (clock() - entry.FetchedAt < RefreshInterval) return null;
            if (!TakeFetch(region, out _)) return null;
            entry.FetchedAt = clock(); // claim the refresh so that concurrent failures do not fetch too
        }
        Interlocked.Increment(ref fetchCount);
        Jwk jwk;
        try
        {
            jwk = await fetch(keyId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            return null;
        }
        var lookup = ToLookup(keyId, jwk);
        if (lookup.Key == null || lookup.Key.Modulus == used?.Modulus) return null;
        Store(key, lookup);
        return lookup.Key;
    }

    /// <summary>
    /// Takes one fetch from the source's budget; false when it is spent, with how long until a fetch is
    /// free again (<paramref name="wait"/>). Call under the gate.
    /// </summary>
    private bool TakeFetch(string source, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var now = clock();
        if (!recentFetches.TryGetValue(source, out var times))
        {
            if (recentFetches.Count >= Capacity) recentFetches.Clear();
            recentFetches[source] = times = new Queue<DateTimeOffset>();
        }
        while (times.Count > 0 && now - times.Peek() >= FetchBudgetWindow) times.Dequeue();
        if (times.Count >= FetchBudget)
        {
            wait = times.Count > 0 ? times.Peek() + FetchBudgetWindow - now : FetchBudgetWindow;
            return false;
        }
        times.Enqueue(now);
        return true;
    }

    private static KeyLookup ToLookup(string keyId, Jwk jwk)
    {
        if (jwk == null) return KeyLookup.Unknown($"the region has no key '{keyId}'");
        if (!string.IsNullOrEmpty(jwk.KeyId) && !string.Equals(jwk.KeyId, keyId, StringComparison.Ordinal))
            return KeyLookup.Unavailable($"asked for key '{keyId}', got '{JwsSignatureHeader.Printable(jwk.KeyId)}'");
        return RsaVerificationKey.TryImport(jwk, out var imported, out var problem)
            ? KeyLookup.Found(imported)
            : KeyLookup.Unavailable($"the key '{keyId}' is not usable: {problem}");
    }

    // The client's errors are not known here; a 404 shows as a status code property or in the message.
    private static bool LooksLikeNotFound(Exception ex)
    {
        for (var e = ex; e != null; e = e.InnerException)
        {
            var property = e.GetType().GetProperty("StatusCode");
            var value = property?.GetValue(e);
            if (value != null)
            {
                if (value is int code) return code == 404;
                if (value is System.Net.HttpStatusCode status) return status == System.Net.HttpStatusCode.NotFound;
                if (int.TryParse(value.ToString(), out var parsed)) return parsed == 404;
                if (string.Equals(value.ToString(), "NotFound", StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    private void Store(string key, KeyLookup lookup)
    {
        var now = clock();
        lock (gate)
        {
            if (entries.Count >= Capacity && !entries.ContainsKey(key)) Evict(now);
            entries[key] = new Entry
            {
                Lookup = lookup,
                FetchedAt = now,
                Expires = now + (lookup.Status == KeyLookupStatus.Found ? KeyLifetime
                    : lookup.Status == KeyLookupStatus.Unknown ? NegativeLifetime : UnavailableLifetime),
            };
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var expired = new List<string>();
        string oldest = null;
        DateTimeOffset oldestExpiry = DateTimeOffset.MaxValue;
        foreach (var pair in entries)
        {
            if (pair.Value.Expires <= now) expired.Add(pair.Key);
            else if (pair.Value.Expires < oldestExpiry) { oldest = pair.Key; oldestExpiry = pair.Value.Expires; }
        }
        foreach (var k in expired) entries.Remove(k);
        if (entries.Count >= Capacity && oldest != null) entries.Remove(oldest);
    }
}
