#nullable enable
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>Signed and unsigned deliveries, retries, verify, JWK — checked as a receiver would check them.</summary>
public class EventDeliveryTests
{
    private static async Task<(TestEmulator Emu, JsonNode Received)> DeliverOneAsync(string version = "v2.0")
    {
        var emu = await TestEmulator.StartAsync(o => o.LegacyMode = true);
        var hook = (await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/signed").ToString(), version: version)).Str("id");
        var channel = (await emu.CreateChannelAsync(hook)).Str("id");
        await emu.CreateConversationAsync(channel);
        // The webhook's own WEB_HOOK_VERIFY (sent on create) and the conversation's QUEUED, in either order.
        var received = await emu.WaitForArrayAsync("/_receiver/signed", 2);
        return (emu, received.Single(r => JsonNode.Parse(r!.Str("body"))!.Str("eventType") == "QUEUED")!);
    }

    private static string Header(JsonNode received, string name) => received["headers"]![name]!.GetValue<string>();

    private static async Task<RSA> FetchKeyAsync(TestEmulator emu, string kid)
    {
        using var response = await emu.GetAsync($"/vcc/us/chat/v2/jwk/{kid}/public");
        Assert.Equal(200, (int)response.StatusCode);
        var jwk = await Json.ObjectAsync(response);
        Assert.Equal("RSA", jwk.Str("kty"));
        Assert.Equal(kid, jwk.Str("kid"));
        Assert.Equal("RS256", jwk.Str("alg"));
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Jose.Base64Url.Decode(jwk.Str("n")), Exponent = Jose.Base64Url.Decode(jwk.Str("e")) });
        Assert.Equal(2048, rsa.KeySize);
        return rsa;
    }

    /// <summary>The payload a receiver rebuilds from the body and the headers.</summary>
    private static string RebuildPayload(JsonNode received)
    {
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(Crc32.Hash(Encoding.UTF8.GetBytes(received.Str("body"))));
        return $"{{\"checksum\":{checksum},\"cid\":\"{Header(received, "x-8x8-customer-id")}\",\"eid\":\"{Header(received, "x-8x8-event-id")}\"," +
               $"\"retry\":{Header(received, "x-8x8-retry")},\"tid\":\"{Header(received, "x-8x8-tenant-id")}\",\"tt\":{Header(received, "x-8x8-transmission-time")}}}";
    }

    [Fact]
    public async Task AV2DeliveryVerifiesWithJoseJwtAndWithPlainRsa()
    {
        var (emu, received) = await DeliverOneAsync();
        await using var _ = emu;
        Assert.Equal("acme", Header(received, "x-8x8-tenant-id"));
        Assert.Equal("cust-acme", Header(received, "x-8x8-customer-id"));
        Assert.True(Guid.TryParse(Header(received, "x-8x8-event-id"), out var _eid));
        Assert.Equal("0", Header(received, "x-8x8-retry"));
        Assert.InRange(long.Parse(Header(received, "x-8x8-transmission-time")), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var signature = Header(received, "x-8x8-signature");
        var parts = signature.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("", parts[1]);
        var protectedHeader = Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[0]));
        var kid = JsonNode.Parse(protectedHeader)!.Str("kid");
        Assert.Equal($"{{\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"{kid}\",\"alg\":\"RS256\"}}", protectedHeader);
        Assert.Matches("^emu-[0-9a-f]{16}$", kid);

        using var rsa = await FetchKeyAsync(emu, kid);
        var payload = RebuildPayload(received);

        // An independent JOSE implementation, RFC 7797 detached unencoded payload.
        Assert.Equal(payload, Jose.JWT.Decode(signature, rsa, Jose.JwsAlgorithm.RS256, payload: payload));
        Assert.ThrowsAny<Exception>(() => Jose.JWT.Decode(signature, rsa, Jose.JwsAlgorithm.RS256, payload: payload.Replace("\"retry\":0", "\"retry\":1")));

        // And by hand: ASCII(base64url(header)) + "." + payload, RSASSA-PKCS1-v1_5 SHA-256.
        var input = Encoding.ASCII.GetBytes(parts[0] + "." + payload);
        Assert.True(rsa.VerifyData(input, Jose.Base64Url.Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var tampered = Encoding.UTF8.GetBytes(received.Str("body").Replace("QUEUED", "QUEUEd"));
        var badChecksum = BinaryPrimitives.ReadUInt32LittleEndian(Crc32.Hash(tampered));
        var badInput = Encoding.ASCII.GetBytes(parts[0] + "." + payload.Replace(payload.Split(',')[0], $"{{\"checksum\":{badChecksum}"));
        Assert.False(rsa.VerifyData(badInput, Jose.Base64Url.Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task AV1DeliveryHasTheSameBodyAndNoSignatureHeaders()
    {
        var (emu, received) = await DeliverOneAsync("v1.0");
        await using var _ = emu;
        Assert.Equal("QUEUED", JsonNode.Parse(received.Str("body"))!.Str("eventType"));
        var headers = received["headers"]!.AsObject().Select(h => h.Key).ToList();
        Assert.DoesNotContain(headers, h => h.StartsWith("x-8x8-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RotatingTheKeySignsWithTheNewKidAndKeepsServingTheOld()
    {
        var (emu, first) = await DeliverOneAsync();
        await using var _ = emu;
        var oldKid = JsonNode.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(Header(first, "x-8x8-signature").Split('.')[0])))!.Str("kid");
        var rotated = (JsonNode.Parse(await (await emu.Http.PostAsync("/_emulator/rotate-key", null)).Content.ReadAsStringAsync()))!.Str("kid");
        Assert.NotEqual(oldKid, rotated);

        var channel = (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels")))["data"]![0]!.Str("id");
        await emu.CreateConversationAsync(channel);
        var second = (await emu.WaitForArrayAsync("/_receiver/signed", 3)).Where(r => JsonNode.Parse(r!.Str("body"))!.Str("eventType") == "QUEUED").Last()!;
        var signature = Header(second, "x-8x8-signature");
        using var rsa = await FetchKeyAsync(emu, rotated);
        var payload = RebuildPayload(second);
        Assert.Equal(payload, Jose.JWT.Decode(signature, rsa, Jose.JwsAlgorithm.RS256, payload: payload));
        (await FetchKeyAsync(emu, oldKid)).Dispose();
        var keys = JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/keys"))!;
        Assert.Equal(rotated, keys.Str("current"));
    }

    [Fact]
    public async Task AnUnknownKidIsTheRfc7807NotFoundOfTheDescription()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var response = await emu.Http.GetAsync("/vcc/us/chat/v2/jwk/nope/public");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Json.ObjectAsync(response);
        Assert.Equal(["type", "title", "status", "detail", "resourceType", "resourceId", "instance"], body.Select(p => p.Key));
        Assert.Equal("ClientError", body.Str("type"));
        Assert.Equal(404, body["status"]!.GetValue<int>());
        Assert.Equal("JWKPublic", body.Str("resourceType"));
        Assert.Equal("nope", body.Str("resourceId"));
        Assert.Equal("ResourceNotFound", body.Str("instance"));
    }

    [Fact]
    public async Task KeysAreServedWithoutAnyHeader()
    {
        await using var emu = await TestEmulator.StartAsync();
        var kid = JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/keys"))!.Str("current");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/vcc/eu/chat/v2/jwk/{kid}/public");
        Assert.Null(request.Headers.Authorization);
        using var response = await emu.Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(kid, (await Json.ObjectAsync(response)).Str("kid"));
        // A bad token does not matter either: the operation has no security requirement.
        using var withBadToken = await emu.SendAsync(HttpMethod.Get, $"/vcc/us/chat/v2/jwk/{kid}/public", token: "not-a-token");
        Assert.Equal(200, (int)withBadToken.StatusCode);
        // the rest of /vcc still needs a token
        Assert.Equal(401, (int)(await emu.Http.GetAsync("/vcc/us/chat/v2/tenant/t/webhooks")).StatusCode);
    }

    [Fact]
    public async Task AFailingUriIsRetriedWithRetryCountingUpAndNewTransmissionTimes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = (await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_broken/x").ToString())).Str("id");
        var conversation = await emu.CreateConversationAsync((await emu.CreateChannelAsync(hook)).Str("id"));
        var log = await emu.WaitForArrayAsync($"/_emulator/deliveries?conversationId={conversation}", 4);
        Assert.Equal(4, log.Count);
        Assert.Equal([0, 1, 2, 3], log.Select(r => r!["attempt"]!.GetValue<int>()));
        Assert.All(log, r => Assert.Equal(500, r!["status"]!.GetValue<int>()));
        Assert.Equal(["0", "1", "2", "3"], log.Select(r => r!["headers"]!.Str("x-8x8-retry")));
        Assert.Single(log.Select(r => r!.Str("eventId")).Distinct());
        var times = log.Select(r => long.Parse(r!["headers"]!.Str("x-8x8-transmission-time"))).ToList();
        Assert.Equal(times.Distinct().Count(), times.Count);
        Assert.Equal(times.Order(), times);
        Assert.Equal(hook, log[0]!.Str("webhookId"));
        Assert.Equal("QUEUED", log[0]!.Str("eventType"));
        // A later event of the same conversation and webhook is sent only once the earlier one gave up:
        // when its first attempt is logged, the QUEUED event has made every attempt it will make.
        using (var joined = await emu.PostAsync($"/_emulator/conversations/{conversation}/agent-joined", new { agentId = "ag-1", agentName = "One" }))
            Assert.Equal(202, (int)joined.StatusCode);
        await emu.WaitForArrayAsync($"/_emulator/deliveries?conversationId={conversation}&eventType=AGENT_JOINED", 1);
        Assert.Equal(4, (await emu.GetArrayAsync($"/_emulator/deliveries?conversationId={conversation}&eventType=QUEUED")).Count);
    }

    [Fact]
    public async Task AnUnreachableUriIsLoggedAsStatusZero()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.RetryDelays = []);
        var hook = (await emu.CreateWebhookAsync(uri: "http://127.0.0.1:1/nothing")).Str("id");
        var conversation = await emu.CreateConversationAsync((await emu.CreateChannelAsync(hook)).Str("id"));
        var row = (await emu.WaitForArrayAsync($"/_emulator/deliveries?conversationId={conversation}", 1)).Single()!;
        Assert.Equal(0, row["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task VerifyIs204WhenTheUriAnswers2xx()
    {
        await using var emu = await TestEmulator.StartAsync();
        var uri = new Uri(emu.BaseUri, "/_receiver/verify").ToString();
        Assert.Equal(204, (int)(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify", new { version = "v2.0", uri })).StatusCode);
        Assert.Equal(204, (int)(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify", new { version = "v1.0", notificationVersion = "v1.0", uri })).StatusCode);
        var received = await emu.GetArrayAsync("/_receiver/verify");
        Assert.Equal(2, received.Count);
        var evt = JsonNode.Parse(received[0]!.Str("body"))!;
        Assert.Equal("WEB_HOOK_VERIFY", evt.Str("eventType"));
        Assert.Equal("v2.0", evt.Str("notificationVersion"));
        Assert.NotNull(received[0]!["headers"]!["x-8x8-signature"]);
        Assert.Null(received[1]!["headers"]!["x-8x8-signature"]);
    }

    [Fact]
    public async Task VerifyIs400WhenTheUriFailsOrIsUnreachable()
    {
        await using var emu = await TestEmulator.StartAsync();
        var broken = await Json.ProblemAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify",
            new { version = "v2.0", uri = new Uri(emu.BaseUri, "/_broken/v").ToString() }), 400);
        Assert.Contains("500", broken.Str("message"));
        var unreachable = await Json.ProblemAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify",
            new { version = "v2.0", uri = "http://127.0.0.1:1/x" }), 400);
        Assert.Contains("could not be reached", unreachable.Str("message"));
        Assert.Equal(["uri"], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify", new { version = "v2.0", uri = "nope" })));
        Assert.Equal(["version"], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify", new { uri = "http://127.0.0.1:9" })));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task WebhookUrisOffThisMachineAreListedSoTheSuitesCanRefuseThem()
    {
        // Verify-on-create is off, so the off-machine URI is held but never delivered to: this test sends nothing out.
        await using var emu = await TestEmulator.StartAsync(o => o.VerifyOnCreate = false);
        await emu.CreateWebhookAsync("here", "http://127.0.0.1:9/here");
        await emu.CreateWebhookAsync("local", "http://localhost:9/local");
        var away = (await emu.CreateWebhookAsync("away", "https://hooks.example/away")).Str("id");

        Assert.Equal(["https://hooks.example/away"], (await emu.GetArrayAsync("/_emulator/off-machine")).Select(u => u!.GetValue<string>()));

        Assert.Equal(204, (int)(await emu.DeleteAsync($"{emu.TenantPath}/web-hooks/{away}")).StatusCode);
        Assert.Empty(await emu.GetArrayAsync("/_emulator/off-machine"));
    }
}
