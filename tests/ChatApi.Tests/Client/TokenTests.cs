using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Engine;
using ChatApi.Engine.Http;
using ChatApi.Engine.Session;

namespace ChatApi.Tests.Client;

/// <summary>Token refresh before expiry (once for all callers), after a 401, and token errors.</summary>
public sealed class TokenTests
{
    private sealed class FakeTokenEndpoint
    {
        public int Calls;
        public TimeSpan Delay = TimeSpan.FromMilliseconds(50);
        public int Lifetime = 100;

        public async Task<ApiResponse> Send(ApiRequest request, CallContext ctx)
        {
            int n = Interlocked.Increment(ref Calls);
            await Task.Delay(Delay, ctx.Cancellation);
            return new ApiResponse(200, $"{{\"access_token\":\"tok{n}\",\"expires_in\":\"{Lifetime}\"}}", null) { Attempts = 1 };
        }
    }

    [Fact]
    public async Task ManyConcurrentCallersFetchOneTokenAndOneRefreshBeforeExpiry()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var endpoint = new FakeTokenEndpoint { Lifetime = 100 };
        var provider = new TokenProvider("key", ScriptedServer.Secure("secret"), endpoint.Send, () => now);

        var first = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => provider.GetTokenAsync(CallContext.None))));
        Assert.Equal(1, endpoint.Calls);
        Assert.All(first, t => Assert.Equal("tok1", t));
        Assert.Equal(now.AddSeconds(100), provider.ExpiresAt);

        // Still valid, but inside the last tenth of its life: refreshed before it expires, once.
        now = now.AddSeconds(95);
        var second = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => provider.GetTokenAsync(CallContext.None))));
        Assert.Equal(2, endpoint.Calls);
        Assert.All(second, t => Assert.Equal("tok2", t));
        Assert.True(provider.ExpiresAt > now.AddSeconds(90));
    }

    [Fact]
    public async Task TokenIsKeptWhileFresh()
    {
        var now = DateTimeOffset.UtcNow;
        var endpoint = new FakeTokenEndpoint { Lifetime = 3600 };
        var provider = new TokenProvider("key", ScriptedServer.Secure("secret"), endpoint.Send, () => now);
        await provider.GetTokenAsync(CallContext.None);
        now = now.AddMinutes(30);
        Assert.Equal("tok1", await provider.GetTokenAsync(CallContext.None));
        Assert.Equal(1, endpoint.Calls);
    }

    [Fact]
    public async Task A401MakesConcurrentCallersFetchOneNewTokenAndRetryOnce()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (seen, _, ctx) => seen.Header("Authorization") == "Bearer t1"
            ? ScriptedServer.Json(ctx, 401, "{\"fault\":{\"faultstring\":\"Invalid Access Token\",\"detail\":{\"errorcode\":\"keymanagement.service.invalid_access_token\"}}}")
            : ScriptedServer.Json(ctx, 200, ScriptedServer.WebhookJson);
        using var client = await server.ConnectAsync();

        var webhooks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetWebhookAsync("7", CallContext.None))));

        Assert.All(webhooks, w => Assert.Equal("7", w.Id));
        Assert.Equal(2, server.TokenRequests.Count);
        Assert.Equal(20, server.ApiRequests.Count(r => r.Header("Authorization") == "Bearer t2"));
        Assert.Equal(2, client.TokenFetches);
    }

    [Fact]
    public async Task A401OnTheFreshTokenTooIsReportedAsUnauthorized()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 401,
            "{\"fault\":{\"faultstring\":\"Invalid Access Token\",\"detail\":{\"errorcode\":\"keymanagement.service.invalid_access_token\"}}}");
        using var client = await server.ConnectAsync();

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetWebhookAsync("7", CallContext.None));

        Assert.Equal(ChatErrorKind.Unauthorized, e.Kind);
        Assert.Equal("Invalid Access Token", e.ServerMessage);
        Assert.Contains("keymanagement.service.invalid_access_token", e.Errors);
        Assert.Equal(2, server.ApiRequests.Count);
        Assert.Equal(2, server.TokenRequests.Count);
    }

    [Fact]
    public async Task WrongSecretFailsAtConnectWithTheServersMessage()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Token = (_, ctx) => ScriptedServer.Json(ctx, 401, "{\"ErrorCode\":\"invalid_client\",\"Error\":\"ClientId is Invalid\"}");

        var e = await Assert.ThrowsAsync<ChatApiException>(() => server.ConnectAsync());

        Assert.Equal(ChatErrorKind.Unauthorized, e.Kind);
        Assert.Contains("ClientId is Invalid", e.Message);
        Assert.Contains("key-1", e.Message);
        Assert.DoesNotContain("s3cr3t-value", e.ToString());
        Assert.Single(server.TokenRequests);
        var basic = server.TokenRequests[0].Header("Authorization");
        Assert.StartsWith("Basic ", basic);
        Assert.Equal("key-1:s3cr3t-value", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])));
        Assert.Equal("grant_type=client_credentials", server.TokenRequests[0].Body);
    }

    [Fact]
    public async Task TokenEndpointWithoutATokenIsAnInvalidResponse()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Token = (_, ctx) => ScriptedServer.Json(ctx, 200, "{\"status\":\"approved\"}");
        var e = await Assert.ThrowsAsync<ChatApiException>(() => server.ConnectAsync());
        Assert.Equal(ChatErrorKind.InvalidResponse, e.Kind);
    }

    [Fact]
    public async Task ShortLivedTokensAgainstTheEmulatorNeverFailACall()
    {
        await using var emu = await InProcessEmulator.StartAsync(o => o.TokenLifetimeSeconds = 2);
        var client = emu.Client;
        // Calls go on until three tokens have expired under them (a condition, not a time, so a loaded
        // machine only makes it slower); every call must succeed, and tokens are not fetched per call.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int calls = 0;
        while ((client.TokenFetches < 4 || calls < 24) && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.ListWebhooksAsync(null, null, 0, _ => { }, CallContext.None)));
            calls += 4;
            await Task.Delay(100);
        }
        Assert.True(client.TokenFetches >= 4, $"{client.TokenFetches} token fetches in {clock.Elapsed.TotalSeconds:0.0} s");
        // A 2 s token is fetched about once a second at most (renewed ahead of expiry), never once per call.
        Assert.InRange(client.TokenFetches, 4, Math.Max(4, (int)clock.Elapsed.TotalSeconds + 3));
        Assert.True(client.TokenFetches < calls / 2, $"{client.TokenFetches} token fetches for {calls} calls");
    }

    [Fact]
    public async Task WrongSecretAgainstTheEmulatorFailsAtConnect()
    {
        await using var emu = await InProcessEmulator.StartAsync(connect: false);
        var e = await Assert.ThrowsAsync<ChatApiException>(() => emu.ConnectAsync("not-the-secret"));
        Assert.Equal(ChatErrorKind.Unauthorized, e.Kind);
        Assert.Equal(401, e.StatusCode);
        Assert.DoesNotContain("not-the-secret", e.ToString());
    }
}
