using System.Diagnostics;
using ChatApi.Engine.Signatures;
using ChatApi.Tests.Client;
using static ChatApi.Tests.Signatures.TestSigner;

namespace ChatApi.Tests.Signatures;

/// <summary>Events made up to make the verifier call 8x8: random kids, stale events, slow or hostile key endpoints.</summary>
public class KeyAbuseTests
{
    private sealed class Region
    {
        public int Fetches;
        public Task<ChatApi.Jwk> Fetch(string kid, CancellationToken ct)
        {
            Interlocked.Increment(ref Fetches);
            return Task.FromResult(kid == KidA ? JwkModel(KeyA, KidA) : null);
        }
    }

    private static WebhookSignatureVerifier Verifier(SigningKeyProvider keys, Func<DateTimeOffset> clock = null, TimeSpan? maxAge = null) =>
        new(keys, new WebhookSignatureOptions { MaxAge = maxAge ?? WebhookSignatureOptions.DefaultMaxAge, Clock = clock, ReplayCache = new ReplayCache() });

    [Fact]
    public void ThreeHundredRandomKidsCostAtMostTheBudgetAndTheGenuineKeyStillWorks()
    {
        var now = DateTimeOffset.UtcNow;
        var region = new Region();
        var cache = new SigningKeyCache(() => now);
        var verifier = Verifier(SigningKeyProvider.FromFetch("random-kids", region.Fetch, cache), () => now);
        var genuine = SignWithJose(tt: now.ToUnixTimeMilliseconds());
        Assert.True(verifier.Verify(genuine.Body, WebhookHeaders.From(genuine.Headers)).IsValid);
        int before = region.Fetches;
        for (int i = 0; i < 300; i++)
        {
            var e = SignWithJose(key: KeyB, kid: "random-" + Guid.NewGuid().ToString("N"), tt: now.ToUnixTimeMilliseconds());
            Assert.False(verifier.Verify(e.Body, WebhookHeaders.From(e.Headers)).IsValid);
        }
        Assert.InRange(region.Fetches - before, 0, cache.FetchBudget);
        var again = SignWithJose(tt: now.ToUnixTimeMilliseconds());
        Assert.True(verifier.Verify(again.Body, WebhookHeaders.From(again.Headers)).IsValid); // cached: no budget needed
        // the budget comes back after its window
        now += cache.FetchBudgetWindow;
        var later = SignWithJose(key: KeyB, kid: "random-later", tt: now.ToUnixTimeMilliseconds());
        Assert.Equal(SignatureCheckReason.UnknownKey, verifier.Verify(later.Body, WebhookHeaders.From(later.Headers)).ReasonCode);
    }

    [Fact]
    public void TheBudgetIsPerKeySource()
    {
        var region = new Region();
        var cache = new SigningKeyCache();
        var a = Verifier(SigningKeyProvider.FromFetch("source-a", region.Fetch, cache));
        var b = Verifier(SigningKeyProvider.FromFetch("source-b", region.Fetch, cache));
        for (int i = 0; i < 50; i++)
        {
            var e = SignWithJose(key: KeyB, kid: "junk-" + i);
            a.Verify(e.Body, WebhookHeaders.From(e.Headers));
        }
        var genuine = SignWithJose();
        Assert.True(b.Verify(genuine.Body, WebhookHeaders.From(genuine.Headers)).IsValid);
    }

    [Fact]
    public void AStaleOrFutureEventIsRefusedBeforeAnyFetch()
    {
        var region = new Region();
        var verifier = Verifier(SigningKeyProvider.FromFetch("stale", region.Fetch, new SigningKeyCache()));
        var old = SignWithJose(kid: "never-fetched", tt: NowMs() - 3_600_000);
        Assert.Equal(SignatureCheckReason.TooOld, verifier.Verify(old.Body, WebhookHeaders.From(old.Headers)).ReasonCode);
        var future = SignWithJose(kid: "never-fetched-2", tt: NowMs() + 3_600_000);
        Assert.Equal(SignatureCheckReason.TooNew, verifier.Verify(future.Body, WebhookHeaders.From(future.Headers)).ReasonCode);
        Assert.Equal(0, region.Fetches);
    }

    [Fact]
    public void MaxAgeOfTimeSpanMaxValueWithReplayDefenceAnswersCleanly()
    {
        var verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromJwkJson(Jwk(KeyA, KidA)),
            new WebhookSignatureOptions { MaxAge = TimeSpan.MaxValue, RejectReplay = true, ReplayCache = new ReplayCache() });
        var e = SignWithJose(eid: "max-age");
        Assert.True(verifier.Verify(e.Body, WebhookHeaders.From(e.Headers)).IsValid);
        Assert.Equal(SignatureCheckReason.Replayed, verifier.Verify(e.Body, WebhookHeaders.From(e.Headers)).ReasonCode);
        var ancient = SignWithJose(eid: "ancient", tt: 0);
        Assert.True(verifier.Verify(ancient.Body, WebhookHeaders.From(ancient.Headers)).IsValid);
        var farFuture = SignWithJose(eid: "far", tt: 253402300799999L);
        Assert.True(verifier.Verify(farFuture.Body, WebhookHeaders.From(farFuture.Headers)).IsValid);
        Assert.Equal(SignatureCheckReason.Replayed, verifier.Verify(farFuture.Body, WebhookHeaders.From(farFuture.Headers)).ReasonCode);
    }

    [Fact]
    public async Task TheKeyEndpointIsAskedWithoutCredentialsAndAKeyFound()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (seen, _, ctx) => seen.Path == $"/vcc/eu/chat/v2/jwk/{KidA}/public"
            ? ScriptedServer.Json(ctx, 200, Jwk(KeyA, KidA))
            : ScriptedServer.Json(ctx, 404, "\"not found\"");
        var source = new KeyEndpointClient(server.BaseUri, "eu");
        var verifier = Verifier(SigningKeyProvider.FromEndpoint(source, new SigningKeyCache()));
        var e = SignWithJose();
        var r = await verifier.VerifyAsync(e.Body, WebhookHeaders.From(e.Headers));
        Assert.True(r.IsValid, r.Reason);
        var seen = Assert.Single(server.ApiRequests);
        Assert.Null(seen.Header("Authorization"));
        Assert.Empty(server.TokenRequests);
        var unknown = SignWithJose(kid: "nope");
        Assert.Equal(SignatureCheckReason.UnknownKey, (await verifier.VerifyAsync(unknown.Body, WebhookHeaders.From(unknown.Headers))).ReasonCode);
    }

    [Fact]
    public async Task AFailingKeyEndpointIsAskedOnceNotSevenTimes()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 503, "\"busy\"");
        var verifier = Verifier(SigningKeyProvider.FromEndpoint(new KeyEndpointClient(server.BaseUri, "us"), new SigningKeyCache()));
        var e = SignWithJose();
        var r = await verifier.VerifyAsync(e.Body, WebhookHeaders.From(e.Headers));
        Assert.Equal(SignatureCheckReason.KeyUnavailable, r.ReasonCode);
        Assert.Contains("503", r.Reason);
        Assert.Single(server.ApiRequests);
    }

    [Fact]
    public async Task ASilentKeyEndpointTimesOutOnItsOwnShortTimeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = async (_, _, ctx) => await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted);
        var verifier = Verifier(SigningKeyProvider.FromEndpoint(new KeyEndpointClient(server.BaseUri, "us", timeout: TimeSpan.FromMilliseconds(500)), new SigningKeyCache()));
        var e = SignWithJose();
        // The server never answers: only the endpoint's own timeout ends the check.
        var r = await verifier.VerifyAsync(e.Body, WebhookHeaders.From(e.Headers)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(SignatureCheckReason.KeyUnavailable, r.ReasonCode);
        // Asked once at most: on a busy machine the request may be given up before the server saw it.
        Assert.True(server.ApiRequests.Count <= 1, $"{server.ApiRequests.Count} requests");
    }

    [Fact]
    public async Task AHugeOrRedirectingKeyAnswerIsNotAKey()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (seen, _, ctx) =>
        {
            if (seen.Path.Contains("huge")) return ScriptedServer.Json(ctx, 200, "{\"kty\":\"RSA\",\"x\":\"" + new string('a', 200_000) + "\"}");
            ctx.Response.Headers.Location = "http://127.0.0.1:1/elsewhere";
            return ScriptedServer.Json(ctx, 302, null);
        };
        var verifier = Verifier(SigningKeyProvider.FromEndpoint(new KeyEndpointClient(server.BaseUri, "us"), new SigningKeyCache()));
        var huge = SignWithJose(kid: "huge");
        var r = await verifier.VerifyAsync(huge.Body, WebhookHeaders.From(huge.Headers));
        Assert.Equal(SignatureCheckReason.KeyUnavailable, r.ReasonCode);
        Assert.Contains("larger than", r.Reason);
        var moved = SignWithJose(kid: "moved");
        Assert.Equal(SignatureCheckReason.KeyUnavailable, (await verifier.VerifyAsync(moved.Body, WebhookHeaders.From(moved.Headers))).ReasonCode);
        Assert.Equal(2, server.ApiRequests.Count);
    }

    [Fact]
    public void TheGatewayKeyPathIsOneMoreEndpoint()
    {
        var baseUri = new Uri("https://api.8x8.com");
        Assert.Equal("https://api.8x8.com/vcc/eu/chat/v2/jwk/k-1/public", KeyEndpoint.ChatV2.KeyUri(baseUri, "eu", "k-1").AbsoluteUri);
        Assert.Equal("https://api.8x8.com/chat-gateway/v1/jwk/k-1/public", KeyEndpoint.Gateway.KeyUri(baseUri, "eu", "k-1").AbsoluteUri);
        Assert.NotEqual(new KeyEndpointClient(baseUri, "eu", KeyEndpoint.ChatV2).SourceName, new KeyEndpointClient(baseUri, "eu", KeyEndpoint.Gateway).SourceName);
    }
}
