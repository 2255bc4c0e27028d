using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Tests.Signatures;

/// <summary>
/// 8x8's one published signed event (tests/Fixtures/SampleEvent): our parsers read 8x8's own headers and
/// body, its signed payload carries the checksum 8x8 shows, and without its key (published nowhere) the
/// verdict is about the key, never a tampered body.
/// </summary>
public class SampleEventTests
{
    /// <summary>The CRC-32 8x8's V2 page shows in the signed payload of its sample.</summary>
    private const uint ChecksumOn8x8sPage = 1564621066;

    private static readonly (byte[] Body, Dictionary<string, string> Headers) Sample = Load();

    private static (byte[], Dictionary<string, string>) Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "8x8-sample-event.json")));
        var headers = doc.RootElement.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        return (Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("body").GetString()!), headers);
    }

    private static WebhookHeaders Headers => WebhookHeaders.From(Sample.Headers);

    /// <summary>A verifier of the sample (sent in 2021: no age limit) with keys from <paramref name="source"/>.</summary>
    private static WebhookSignatureVerifier Verifier(Uri source) =>
        new(SigningKeyProvider.FromEndpoint(new KeyEndpointClient(source, "us", timeout: TimeSpan.FromSeconds(5)), new SigningKeyCache()),
            new WebhookSignatureOptions { MaxAge = TimeSpan.Zero, ReplayCache = new ReplayCache() });

    /// <summary>127.0.0.1:9: nothing listens, the key source cannot be reached.</summary>
    private static readonly Uri Unreachable = new("http://127.0.0.1:9/");

    [Fact]
    public void TheSignedPayloadCarries8x8sChecksumAndTheHeaderNamesKey1()
    {
        Assert.Equal(ChecksumOn8x8sPage, SignedPayload.Checksum(Sample.Body));
        Assert.True(JwsSignatureHeader.TryParse(Sample.Headers["x-8x8-signature"], out var jws, out var reason, out var detail), $"{reason}: {detail}");
        Assert.Equal("key1", jws.KeyId);
        Assert.Equal("{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"key1\",\"alg\":\"RS256\"}",
            Encoding.UTF8.GetString(Base64UrlDecode(jws.ProtectedHeader)));
        Assert.Equal(256, jws.Signature.Length);
        var h = Sample.Headers;
        var payload = SignedPayload.Build(SignedPayload.Checksum(Sample.Body), h["x-8x8-customer-id"], h["x-8x8-event-id"],
            int.Parse(h["x-8x8-retry"]), h["x-8x8-tenant-id"], long.Parse(h["x-8x8-transmission-time"]));
        Assert.StartsWith($"{{\"checksum\":{ChecksumOn8x8sPage},", payload);
    }

    [Fact]
    public void TheParserReadsItAsAgentJoinedWithItsAgent()
    {
        var e = Assert.IsType<AgentJoinedEvent>(WebhookEventParser.Parse(Sample.Body, Headers));
        Assert.Equal("AGENT_JOINED", e.EventType);
        Assert.Equal("cmalutan", e.AgentId);
        Assert.Equal("Cosmin,Malutan", e.AgentName);
        Assert.Equal("Aka5NMHU8MtIG7lUQOxI0DTOvM4", e.ConversationId);
        Assert.Equal("g4nqGuj8TpCa6tiZ3DeeNw", e.EventId);
        Assert.Equal("v2.0", e.NotificationVersion);
    }

    [Fact]
    public async Task WithNoReachableKeyTheVerdictIsKeyUnavailableNeverATamperedBody()
    {
        var r = await Verifier(Unreachable).VerifyAsync(Sample.Body, Headers);
        Assert.False(r.IsValid);
        Assert.Equal(SignatureCheckReason.KeyUnavailable, r.ReasonCode);
        Assert.Equal("key1", r.KeyId);
        Assert.NotNull(r.RetryAfter);
    }

    [Fact]
    public async Task ASourceThatHasNoKey1MakesItUnknownNotTampered()
    {
        await using var emu = await InProcessEmulator.StartAsync(connect: false);
        var r = await Verifier(emu.BaseUri).VerifyAsync(Sample.Body, Headers);
        Assert.Equal(SignatureCheckReason.UnknownKey, r.ReasonCode);
    }

    [Fact]
    public async Task TheReceiverAnswersIt503WithoutAReachableKeyAnd401WhenStale()
    {
        using var receiver = new WebhookReceiver(new WebhookReceiverOptions { Port = 0, Verifier = Verifier(Unreachable), IncludeRefused = true });
        receiver.Start();
        var got = new List<ReceivedWebhookEvent>();
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(got.Add, 1, null, stop.Token);
        using (var answer = await Post(receiver.Url))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.NotNull(answer.Headers.RetryAfter?.Delta);
        }
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var seen = Assert.Single(got);
        Assert.True(seen.Refused);
        Assert.Equal(503, seen.StatusCode);
        Assert.IsType<AgentJoinedEvent>(seen.Event);

        // With the usual five-minute window the 2021 sample is proven stale before any key is looked up: 401.
        using var strict = new WebhookReceiver(new WebhookReceiverOptions
        {
            Port = 0,
            Verifier = new WebhookSignatureVerifier(SigningKeyProvider.FromEndpoint(new KeyEndpointClient(Unreachable, "us"), new SigningKeyCache()),
                new WebhookSignatureOptions { ReplayCache = new ReplayCache() }),
        });
        strict.Start();
        using var stopStrict = new CancellationTokenSource();
        var strictRun = strict.RunAsync(_ => { }, 1, null, stopStrict.Token);
        using (var answer = await Post(strict.Url)) Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        stopStrict.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => strictRun);
    }

    private static async Task<HttpResponseMessage> Post(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Sample.Body) };
        foreach (var h in Sample.Headers)
            if (!request.Headers.TryAddWithoutValidation(h.Key, h.Value)) request.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return await client.SendAsync(request);
    }

    private static byte[] Base64UrlDecode(string text)
    {
        Assert.True(Base64Url.TryDecode(text, out var bytes));
        return bytes;
    }
}
