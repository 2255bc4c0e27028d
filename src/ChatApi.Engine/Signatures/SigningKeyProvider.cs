using System.Threading;

namespace ChatApi.Engine.Signatures;

/// <summary>What a key lookup found.</summary>
public enum KeyLookupStatus { Found, Unknown, Unavailable }

/// <summary>The answer of a key lookup: the key, or why there is none.</summary>
public sealed class KeyLookup
{
    private KeyLookup(KeyLookupStatus status, RsaVerificationKey key, string problem, TimeSpan? retryAfter = null)
    {
        Status = status;
        Key = key;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public KeyLookupStatus Status { get; }
    public RsaVerificationKey Key { get; }
    public string Problem { get; }
    /// <summary>For an unavailable key: how long until the source may be asked again (null: not known).</summary>
    public TimeSpan? RetryAfter { get; }

    public static KeyLookup Found(RsaVerificationKey key) => new KeyLookup(KeyLookupStatus.Found, key, null);
    public static KeyLookup Unknown(string problem) => new KeyLookup(KeyLookupStatus.Unknown, null, problem);
    public static KeyLookup Unavailable(string problem, TimeSpan? retryAfter = null) => new KeyLookup(KeyLookupStatus.Unavailable, null, problem, retryAfter);

    /// <summary>This lookup with <paramref name="retryAfter"/> (an unavailable key only).</summary>
    internal KeyLookup RetryingAfter(TimeSpan retryAfter) =>
        Status == KeyLookupStatus.Unavailable ? new KeyLookup(Status, null, Problem, retryAfter) : this;
}

/// <summary>Where the verifier gets the key named by a signature's kid.</summary>
public abstract class SigningKeyProvider
{
    /// <summary>The key when it is at hand without I/O; null when a fetch is needed.</summary>
    public abstract KeyLookup TryGetWithoutFetch(string keyId);

    /// <summary>Gets the key, fetching it when needed.</summary>
    public abstract Task<KeyLookup> GetAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// After a signature failed with <paramref name="used"/>: a different key to try once more, or null.
    /// Providers must not refetch on every failure (that would let anyone make us call 8x8 at will).
    /// </summary>
    public virtual Task<RsaVerificationKey> RefreshAfterFailureAsync(string keyId, RsaVerificationKey used, CancellationToken cancellationToken) =>
        Task.FromResult<RsaVerificationKey>(null);

    /// <summary>Keys from a JWK or a JWK set in JSON, offline (Test-ChatWebhookSignature -Jwk). Throws FormatException for a bad JWK.</summary>
    public static SigningKeyProvider FromJwkJson(string json) => new StaticSigningKeyProvider(JwkJson.Parse(json));

    /// <summary>Keys from model objects, offline.</summary>
    public static SigningKeyProvider FromJwks(IEnumerable<Jwk> keys) => new StaticSigningKeyProvider(keys);

    /// <summary>
    /// Keys fetched by kid from a region (the client's GetJwkAsync), cached process-wide by (region, kid).
    /// The fetch returns null (or throws) when the key does not exist.
    /// </summary>
    public static SigningKeyProvider FromFetch(string region, Func<string, CancellationToken, Task<Jwk>> fetch, SigningKeyCache cache = null) =>
        new FetchingSigningKeyProvider(region, fetch, cache ?? SigningKeyCache.Shared);

    /// <summary>
    /// Keys fetched by kid from an API's public key endpoint, without a session or credentials
    /// (8x8's key endpoints need none), cached process-wide per endpoint, base URI and region.
    /// </summary>
    public static SigningKeyProvider FromEndpoint(KeyEndpointClient source, SigningKeyCache cache = null) =>
        new FetchingSigningKeyProvider(source.SourceName, source.FetchAsync, cache ?? SigningKeyCache.Shared);
}

internal sealed class StaticSigningKeyProvider : SigningKeyProvider
{
    private readonly Dictionary<string, KeyLookup> keys = new Dictionary<string, KeyLookup>(StringComparer.Ordinal);
    private readonly KeyLookup single;

    public StaticSigningKeyProvider(IEnumerable<Jwk> jwks)
    {
        var list = new List<Jwk>(jwks ?? Array.Empty<Jwk>());
        if (list.Count == 0) throw new FormatException("The JWK set holds no key.");
        foreach (var jwk in list)
        {
            var lookup = RsaVerificationKey.TryImport(jwk, out var key, out var problem)
                ? KeyLookup.Found(key)
                : KeyLookup.Unavailable($"the key '{JwsSignatureHeader.Printable(jwk.KeyId)}' is not usable: {problem}");
            if (list.Count == 1 && string.IsNullOrEmpty(jwk.KeyId)) single = lookup; // a lone key without kid serves any kid
            else if (!string.IsNullOrEmpty(jwk.KeyId)) keys[jwk.KeyId] = lookup;
        }
        if (single == null && keys.Count == 0) throw new FormatException("Every key of a JWK set needs a kid.");
    }

    public override KeyLookup TryGetWithoutFetch(string keyId)
    {
        if (single != null) return single;
        return keys.TryGetValue(keyId, out var lookup) ? lookup : KeyLookup.Unknown($"no key with kid '{keyId}' in the given JWK");
    }

    public override Task<KeyLookup> GetAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult(TryGetWithoutFetch(keyId));
}

internal sealed class FetchingSigningKeyProvider : SigningKeyProvider
{
    private readonly string region;
    private readonly Func<string, CancellationToken, Task<Jwk>> fetch;
    private readonly SigningKeyCache cache;

    public FetchingSigningKeyProvider(string region, Func<string, CancellationToken, Task<Jwk>> fetch, SigningKeyCache cache)
    {
        this.region = region ?? "";
        this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        this.cache = cache;
    }

    public override KeyLookup TryGetWithoutFetch(string keyId) => cache.TryGet(region, keyId);

    public override Task<KeyLookup> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        var cached = cache.TryGet(region, keyId);
        return cached != null ? Task.FromResult(cached) : cache.FetchAsync(region, keyId, fetch, cancellationToken);
    }

    public override Task<RsaVerificationKey> RefreshAfterFailureAsync(string keyId, RsaVerificationKey used, CancellationToken cancellationToken) =>
        cache.RefreshAfterFailureAsync(region, keyId, used, fetch, cancellationToken);
}
