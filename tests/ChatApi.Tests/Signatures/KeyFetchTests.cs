using ChatApi.Engine.Signatures;
using static ChatApi.Tests.Signatures.TestSigner;

namespace ChatApi.Tests.Signatures;

public class KeyFetchTests
{
    private sealed class Region
    {
        public readonly Dictionary<string, ChatApi.Jwk> Keys = new();
        public int Fetches;
        public TimeSpan Delay = TimeSpan.Zero;

        public async Task<ChatApi.Jwk> Fetch(string kid, CancellationToken ct)
        {
            Interlocked.Increment(ref Fetches);
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
            lock (Keys) return Keys.TryGetValue(kid, out var k) ? k : null;
        }
    }

    private static (WebhookSignatureVerifier, Region, SigningKeyCache) Setup(Func<DateTimeOffset> clock = null)
    {
        var region = new Region();
        region.Keys[KidA] = JwkModel(KeyA, KidA);
        var cache = new SigningKeyCache(clock);
        var verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", region.Fetch, cache),
            new WebhookSignatureOptions { MaxAge = TimeSpan.Zero, ReplayCache = new ReplayCache() });
        return (verifier, region, cache);
    }

    private static SignatureCheckResult Check(WebhookSignatureVerifier v, TestSigner.Event e) => v.Verify(e.Body, WebhookHeaders.From(e.Headers));

    [Fact]
    public void TenThousandEventsFetchTheKeyOnce()
    {
        var (verifier, region, _) = Setup();
        var e = SignWithJose();
        for (int i = 0; i < 10_000; i++) Assert.True(Check(verifier, e).IsValid);
        Assert.Equal(1, region.Fetches);
    }

    [Fact]
    public async Task ConcurrentFirstLookupsShareOneFetch()
    {
        var (verifier, region, _) = Setup();
        region.Delay = TimeSpan.FromMilliseconds(100);
        var events = Enumerable.Range(0, 64).Select(_ => SignWithJose()).ToArray();
        var results = await Task.WhenAll(events.Select(e => Task.Run(() => verifier.VerifyAsync(e.Body, WebhookHeaders.From(e.Headers)))));
        Assert.All(results, r => Assert.True(r.IsValid, r.Reason));
        Assert.Equal(1, region.Fetches);
    }

    [Fact]
    public void CacheIsPerRegion()
    {
        var region = new Region();
        region.Keys[KidA] = JwkModel(KeyA, KidA);
        var cache = new SigningKeyCache();
        var e = SignWithJose();
        foreach (var name in new[] { "us", "eu", "us", "eu" })
        {
            var v = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch(name, region.Fetch, cache), new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
            Assert.True(Check(v, e).IsValid);
        }
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void RotatedKeyIsFetchedOnceWhenItsKidFirstAppears()
    {
        var (verifier, region, _) = Setup();
        Assert.True(Check(verifier, SignWithJose()).IsValid);
        Assert.Equal(1, region.Fetches);
        lock (region.Keys) region.Keys[KidB] = JwkModel(KeyB, KidB); // 8x8 rotates to key B
        for (int i = 0; i < 50; i++) Assert.True(Check(verifier, SignWithJose(key: KeyB, kid: KidB)).IsValid);
        Assert.Equal(2, region.Fetches);
        Assert.True(Check(verifier, SignWithJose()).IsValid); // the old key still works from the cache
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void UnknownKidIsFetchedOnceThenRememberedAsUnknown()
    {
        var now = DateTimeOffset.UtcNow;
        var (verifier, region, cache) = Setup(() => now);
        for (int i = 0; i < 20; i++)
        {
            var r = Check(verifier, SignWithJose(key: KeyB, kid: "nope"));
            Assert.False(r.IsValid);
            Assert.Equal(SignatureCheckReason.UnknownKey, r.ReasonCode);
        }
        Assert.Equal(1, region.Fetches);
        // after the negative lifetime it is asked once more (it may have appeared meanwhile)
        lock (region.Keys) region.Keys["nope"] = JwkModel(KeyB, "nope");
        now += cache.NegativeLifetime + TimeSpan.FromSeconds(1);
        Assert.True(Check(verifier, SignWithJose(key: KeyB, kid: "nope")).IsValid);
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void BadSignaturesWithACachedKeyDoNotRefetchEachTime()
    {
        var now = DateTimeOffset.UtcNow;
        var (verifier, region, cache) = Setup(() => now);
        Assert.True(Check(verifier, SignWithJose()).IsValid);
        for (int i = 0; i < 100; i++)
            Assert.Equal(SignatureCheckReason.BadSignature, Check(verifier, SignWithJose(key: KeyB, kid: KidA)).ReasonCode);
        Assert.Equal(1, region.Fetches);
        // long after, a failure may ask once more (the key behind a kid could have been replaced) ...
        now += cache.RefreshInterval + TimeSpan.FromSeconds(1);
        for (int i = 0; i < 100; i++)
            Assert.Equal(SignatureCheckReason.BadSignature, Check(verifier, SignWithJose(key: KeyB, kid: KidA)).ReasonCode);
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void ReplacedKeyBehindTheSameKidIsPickedUpByTheRareRefresh()
    {
        var now = DateTimeOffset.UtcNow;
        var (verifier, region, cache) = Setup(() => now);
        Assert.True(Check(verifier, SignWithJose()).IsValid);
        lock (region.Keys) region.Keys[KidA] = JwkModel(KeyB, KidA);
        now += cache.RefreshInterval + TimeSpan.FromSeconds(1);
        Assert.True(Check(verifier, SignWithJose(key: KeyB, kid: KidA)).IsValid);
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void KeysExpireAfterTheirLifetime()
    {
        var now = DateTimeOffset.UtcNow;
        var (verifier, region, cache) = Setup(() => now);
        var e = SignWithJose();
        Assert.True(Check(verifier, e).IsValid);
        now += cache.KeyLifetime - TimeSpan.FromSeconds(1);
        Assert.True(Check(verifier, e).IsValid);
        Assert.Equal(1, region.Fetches);
        now += TimeSpan.FromSeconds(2);
        Assert.True(Check(verifier, e).IsValid);
        Assert.Equal(2, region.Fetches);
    }

    [Fact]
    public void CacheHoldsABoundedNumberOfKids()
    {
        var region = new Region();
        var cache = new SigningKeyCache { Capacity = 8, FetchBudget = int.MaxValue }; // eviction alone, without the fetch budget
        var v = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", region.Fetch, cache), new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        for (int i = 0; i < 100; i++) Check(v, SignWithJose(kid: "k" + i));
        Assert.Equal(100, region.Fetches);
        Check(v, SignWithJose(kid: "k99"));
        Assert.Equal(100, region.Fetches); // recent ones stay
        Check(v, SignWithJose(kid: "k0"));
        Assert.Equal(101, region.Fetches); // old ones were evicted
    }

    [Fact]
    public void FetchFailureIsKeyUnavailableAndNotRetriedAtOnce()
    {
        int calls = 0;
        var cache = new SigningKeyCache();
        var v = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", (k, ct) => { calls++; throw new InvalidOperationException("network down"); }, cache),
            new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        for (int i = 0; i < 10; i++)
        {
            var r = Check(v, SignWithJose());
            Assert.Equal(SignatureCheckReason.KeyUnavailable, r.ReasonCode);
            Assert.Contains("network down", r.Reason);
        }
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ClientNotFoundErrorMeansUnknownKey()
    {
        var cache = new SigningKeyCache();
        var v = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us",
            (k, ct) => throw new ChatApi.Engine.ChatApiException(ChatApi.Engine.ChatErrorKind.NotFound, "Resource of type Jwk with id x was not found.", 404), cache),
            new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        Assert.Equal(SignatureCheckReason.UnknownKey, Check(v, SignWithJose()).ReasonCode);
    }

    [Fact]
    public void KeyAnsweredUnderAnotherKidIsNotUsed()
    {
        var cache = new SigningKeyCache();
        var v = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", (k, ct) => Task.FromResult(JwkModel(KeyA, "other")), cache),
            new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        Assert.Equal(SignatureCheckReason.KeyUnavailable, Check(v, SignWithJose()).ReasonCode);
    }
}

public class VerifyWithoutFetchTests
{
    [Fact]
    public async Task AnswersWhenTheKeyIsAtHandAndStepsAsideWhenAFetchIsNeeded()
    {
        int fetches = 0;
        var cache = new SigningKeyCache();
        var provider = SigningKeyProvider.FromFetch("us", (kid, ct) => { fetches++; return Task.FromResult(JwkModel(KeyA, kid)); }, cache);
        var verifier = new WebhookSignatureVerifier(provider, new WebhookSignatureOptions { ReplayCache = new ReplayCache(), RejectReplay = true });
        var e = SignWithJose();
        var headers = WebhookHeaders.From(e.Headers);

        Assert.False(verifier.TryVerifyWithoutFetch(e.Body, headers, out var none));
        Assert.Null(none);
        Assert.Equal(0, fetches);
        Assert.True((await verifier.VerifyAsync(e.Body, headers)).IsValid); // nothing was recorded by the first try
        Assert.Equal(1, fetches);

        var second = SignWithJose();
        Assert.True(verifier.TryVerifyWithoutFetch(second.Body, WebhookHeaders.From(second.Headers), out var cached));
        Assert.True(cached.IsValid, cached.Reason);
        // a malformed event is answered at once, whatever the keys
        Assert.True(verifier.TryVerifyWithoutFetch(e.Body, WebhookHeaders.Empty, out var missing));
        Assert.Equal(SignatureCheckReason.MissingHeader, missing.ReasonCode);
    }
}
