using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Hosting;
using ChatApi.Emulator.Options;
using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Tests.Signatures;

/// <summary>The emulator signs its deliveries on its own (its EventSigner); the engine must accept them.</summary>
public sealed class EmulatorInteropTests : IAsyncLifetime
{
    private InProcessEmulator emu;
    private HttpClient http;
    private string tenantPath;

    public async Task InitializeAsync()
    {
        emu = await InProcessEmulator.StartAsync(connect: false);
        http = new HttpClient { BaseAddress = emu.BaseUri, Timeout = TimeSpan.FromSeconds(60) };   // a deadline for a loaded machine, not a bound
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/oauth/v2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{InProcessEmulator.DemoKey}:{InProcessEmulator.DemoSecret}")));
        using var tokenAnswer = await http.SendAsync(tokenRequest);
        tokenAnswer.EnsureSuccessStatusCode();
        var token = (await tokenAnswer.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        tenantPath = "/vcc/us/chat/v2/tenant/acme";
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (emu != null) await emu.DisposeAsync();
    }

    private int fetches;

    /// <summary>The key fetch the cmdlet layer would do through the client: GET jwk/{kid}/public.</summary>
    private async Task<ChatApi.Jwk> FetchJwk(string kid, CancellationToken ct)
    {
        Interlocked.Increment(ref fetches);
        using var answer = await http.GetAsync($"/vcc/us/chat/v2/jwk/{kid}/public", ct);
        if (answer.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        answer.EnsureSuccessStatusCode();
        return JwkJson.Parse(await answer.Content.ReadAsStringAsync(ct)).Single();
    }

    private async Task VerifyWebhook(string uri)
    {
        using var answer = await http.PostAsJsonAsync(tenantPath + "/web-hooks/verify", new { version = "v2.0", uri });
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonArray> Received(string name) => (await http.GetFromJsonAsync<JsonArray>($"/_receiver/{name}"))!;

    private static (byte[] Body, WebhookHeaders Headers) AsEvent(JsonNode received)
    {
        var headers = new WebhookHeaders();
        foreach (var pair in received!["headers"]!.AsObject()) headers.Add(pair.Key, pair.Value!.GetValue<string>());
        return (Encoding.UTF8.GetBytes(received["body"]!.GetValue<string>()), headers);
    }

    [Fact]
    public async Task EmulatorSignedDeliveryVerifiesWithItsJwkAndTamperingIsCaught()
    {
        await VerifyWebhook(http.BaseAddress + "_receiver/sig-interop");
        var got = await Received("sig-interop");
        var (body, headers) = AsEvent(got.Single());

        var cache = new SigningKeyCache();
        var verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", FetchJwk, cache), new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        var result = await verifier.VerifyAsync(body, headers);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("acme", result.TenantId);
        Assert.False(string.IsNullOrEmpty(result.KeyId));
        Assert.InRange(result.Age!.Value.TotalSeconds, -5, 60);

        var parsed = Assert.IsType<WebhookVerifyEvent>(WebhookEventParser.Parse(body, headers));
        Assert.Equal("v2.0", parsed.NotificationVersion);
        Assert.Equal(result.EventId, parsed.EventId);

        var tampered = (byte[])body.Clone();
        tampered[^2] ^= 0x20;
        Assert.Equal(SignatureCheckReason.BadSignature, (await verifier.VerifyAsync(tampered, headers)).ReasonCode);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task JoseJwtAcceptsTheEmulatorsSignatureToo()
    {
        await VerifyWebhook(http.BaseAddress + "_receiver/sig-jose");
        var (body, headers) = AsEvent((await Received("sig-jose")).Single());
        var kid = (string)Jose.JWT.Headers(headers.Get(WebhookHeaders.Signature))["kid"];
        var jwk = await FetchJwk(kid, default);
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportParameters(new System.Security.Cryptography.RSAParameters { Modulus = FromB64(jwk.N), Exponent = FromB64(jwk.E) });
        var payload = SignedPayload.Build(TestSigner.Crc(body), headers.Get(WebhookHeaders.CustomerId), headers.Get(WebhookHeaders.EventId),
            int.Parse(headers.Get(WebhookHeaders.Retry)), headers.Get(WebhookHeaders.TenantId), long.Parse(headers.Get(WebhookHeaders.TransmissionTime)));
        Assert.Equal(payload, Jose.JWT.Verify(headers.Get(WebhookHeaders.Signature), rsa, Jose.JwsAlgorithm.RS256, payload: payload));
    }

    [Fact]
    public async Task RotatedKeyIsFetchedOnceAndOldEventsStillVerify()
    {
        var cache = new SigningKeyCache();
        var verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", FetchJwk, cache), new WebhookSignatureOptions { ReplayCache = new ReplayCache() });
        await VerifyWebhook(http.BaseAddress + "_receiver/sig-rotate");
        using (var rotate = await http.PostAsync("/_emulator/rotate-key", null)) rotate.EnsureSuccessStatusCode();
        await VerifyWebhook(http.BaseAddress + "_receiver/sig-rotate");
        await VerifyWebhook(http.BaseAddress + "_receiver/sig-rotate");
        var got = await Received("sig-rotate");
        Assert.Equal(3, got.Count);
        var kids = new HashSet<string>();
        foreach (var item in got)
        {
            var (body, headers) = AsEvent(item);
            var r = await verifier.VerifyAsync(body, headers);
            Assert.True(r.IsValid, r.Reason);
            kids.Add(r.KeyId);
        }
        Assert.Equal(2, kids.Count);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task EmulatorDeliversToTheEngineReceiver()
    {
        var verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromFetch("us", FetchJwk, new SigningKeyCache()),
            new WebhookSignatureOptions { ReplayCache = new ReplayCache(), RejectReplay = true });
        using var receiver = new WebhookReceiver(new WebhookReceiverOptions { Port = 0, Path = "/hook", Verifier = verifier });
        receiver.Start();
        var got = new List<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Add, 1, TimeSpan.FromSeconds(20), CancellationToken.None);
        await VerifyWebhook(receiver.Url); // 204 only because our receiver answered 2xx
        Assert.Equal(1, await run);
        Assert.Equal(200, got[0].StatusCode);
        Assert.True(got[0].Signature.IsValid, got[0].Signature.Reason);
        Assert.IsType<WebhookVerifyEvent>(got[0].Event);
    }

    /// <summary>A clock the test moves; read from the receiver's threads.</summary>
    private sealed class MovableClock(DateTimeOffset start)
    {
        private long ticks = start.UtcTicks;
        public DateTimeOffset Now() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }

    private static async Task<HttpResponseMessage> PostEvent(string url, TestSigner.Event e)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(e.Body) };
        foreach (var h in e.Headers) request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AfterAFloodOfRandomKidsAGenuineDeliveryIsAnswered503ThenAcceptedWithinTheFetchWindow()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var cache = new SigningKeyCache(clock.Now);
        var keys = SigningKeyProvider.FromEndpoint(new KeyEndpointClient(emu.BaseUri, "us"), cache);
        var verifier = new WebhookSignatureVerifier(keys, new WebhookSignatureOptions { ReplayCache = new ReplayCache(), RejectReplay = true });
        using var receiver = new WebhookReceiver(new WebhookReceiverOptions { Port = 0, Path = "/hook", Verifier = verifier, IncludeRefused = true });
        receiver.Start();
        var got = new System.Collections.Concurrent.ConcurrentQueue<ReceivedWebhookEvent>();
        var run = receiver.RunAsync(got.Enqueue, 1, TimeSpan.FromSeconds(120), CancellationToken.None);

        var statuses = new List<System.Net.HttpStatusCode>();
        for (int i = 0; i < 300; i++)
        {
            using var answer = await PostEvent(receiver.Url, TestSigner.SignWithJose(key: TestSigner.KeyB, kid: "random-" + Guid.NewGuid().ToString("N")));
            statuses.Add(answer.StatusCode);
        }
        // The kids the source was asked about are proven unknown (401); the rest could not be checked (503).
        Assert.Equal(cache.FetchBudget, cache.FetchCount);
        Assert.Equal(cache.FetchBudget, statuses.Count(s => s == System.Net.HttpStatusCode.Unauthorized));
        Assert.Equal(300 - cache.FetchBudget, statuses.Count(s => s == System.Net.HttpStatusCode.ServiceUnavailable));

        using (var probe = await PostEvent(receiver.Url, TestSigner.SignWithJose(key: TestSigner.KeyB, kid: "random-probe")))
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, probe.StatusCode);
            var retryAfter = probe.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), cache.FetchBudgetWindow);
        }

        // The genuine delivery right after the flood: not checked yet, so 503 (8x8 delivers it again), never 401.
        using (var first = await http.PostAsJsonAsync(tenantPath + "/web-hooks/verify", new { version = "v2.0", uri = receiver.Url }))
        {
            var text = await first.Content.ReadAsStringAsync();
            Assert.False(first.IsSuccessStatusCode, text);
            Assert.Contains("answered 503", text);
        }
        Assert.False(run.IsCompleted);
        var notChecked = Assert.Single(got, e => e.Event is WebhookVerifyEvent);
        Assert.Equal(503, notChecked.StatusCode);
        Assert.True(notChecked.Refused);
        Assert.Equal(SignatureCheckReason.KeyUnavailable, notChecked.Signature.ReasonCode);

        // Once the fetch window has passed, the key is fetched and the delivery is accepted.
        clock.Advance(cache.FetchBudgetWindow);
        await VerifyWebhook(receiver.Url);
        Assert.Equal(1, await run);
        var accepted = Assert.Single(got, e => !e.Refused);
        Assert.Equal(200, accepted.StatusCode);
        Assert.True(accepted.Signature.IsValid, accepted.Signature.Reason);
        Assert.IsType<WebhookVerifyEvent>(accepted.Event);
    }

    private static byte[] FromB64(string s)
    {
        Assert.True(Base64Url.TryDecode(s, out var bytes));
        return bytes;
    }
}
