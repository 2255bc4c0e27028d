#nullable enable
using System.Text;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>The Chat Gateway's webhooks, channels, keys and events, over one tenant configuration shared with the V2 paths.</summary>
public class GatewayTests
{
    private const string GatewayVersion = TestEmulator.GatewayVersion;
    private static readonly HttpMethod Get = HttpMethod.Get, Post = HttpMethod.Post, Put = HttpMethod.Put, Delete = HttpMethod.Delete;

    private static object Hook(string name, string uri, string version = GatewayVersion) => new { name, uri, version, notificationVersion = version };

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response, int status = 200)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>A Gateway 400: errors and validations are the same strings; returns the fields they name.</summary>
    private static async Task<List<string>> GatewayViolationsAsync(HttpResponseMessage response)
    {
        var body = await Json.ProblemAsync(response, 400);
        var errors = body["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(errors, body["validations"]!.AsArray().Select(e => e!.GetValue<string>()));
        return errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToList();
    }

    [Fact]
    public async Task AMissingOrWrongKeyIs401InTheGatewayShape()
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (var key in new[] { "", "wrong-key" })
        {
            using var response = await emu.GatewayAsync(Get, "webhooks", key: key);
            Assert.Equal(401, (int)response.StatusCode);
            var body = await Json.ObjectAsync(response);
            Assert.Equal("Access Denied", body.Str("message"));
            Assert.Equal("access_denied", body["errors"]![0]!.Str("code"));
            Assert.Equal("Access Denied", body["errors"]![0]!.Str("message"));
            Assert.False(string.IsNullOrEmpty(body.Str("referenceId")));
        }
        Assert.Equal(200, (int)(await emu.GatewayAsync(Get, "webhooks")).StatusCode);
        // A V2 bearer token is no Gateway key.
        Assert.Equal(401, (int)(await emu.GatewayAsync(Get, "webhooks", key: "", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + await emu.TokenAsync() })).StatusCode);
    }

    [Fact]
    public async Task KeysAreBoundToTenantsAndTheTenantHeaderPicksOne()
    {
        await using var emu = await TestEmulator.StartAsync(o =>
        {
            o.Tenants = [new("us", "acme"), new("eu", "globex")];
            o.GatewayKeys = [new("both"), new("only-globex", ["globex"])];
        });
        await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("in-globex", "https://127.0.0.1:9/g"), key: "only-globex"));
        var names = async (string key, string? tenant) =>
            (await OkAsync(await emu.GatewayAsync(Get, "webhooks", key: key, tenant: tenant)))["_embedded"]!["webhooks"]!.AsArray().Select(w => w!.Str("name")).ToList();
        Assert.Equal(["in-globex"], await names("both", "globex"));
        Assert.Empty(await names("both", "acme"));
        var unnamed = await Json.ProblemAsync(await emu.GatewayAsync(Get, "webhooks", key: "both"), 403);
        Assert.Contains("X-8x8-Tenant", unnamed["errors"]![0]!.GetValue<string>());
        await Json.ProblemAsync(await emu.GatewayAsync(Get, "webhooks", key: "only-globex", tenant: "acme"), 403);
        await Json.ProblemAsync(await emu.GatewayAsync(Get, "webhooks", key: "both", tenant: "nosuch"), 403);
    }

    [Fact]
    public async Task ListsAreHalWithAPageBlockAndSeeTheV2ConfigurationWhenShared()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.SharedConfiguration = true);
        for (var i = 1; i <= 3; i++) await emu.CreateWebhookAsync($"v2-{i}");
        await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("gw-1", "https://127.0.0.1:9/gw")));
        using var response = await emu.GatewayAsync(Get, "webhooks?size=2&page=1");
        Assert.Equal("application/hal+json", response.Content.Headers.ContentType?.MediaType);
        var page = await OkAsync(response);
        Assert.Equal(["v2-3", "gw-1"], page["_embedded"]!["webhooks"]!.AsArray().Select(w => w!.Str("name")));
        Assert.Equal([GatewayVersion], page["_embedded"]!["webhooks"]!.AsArray().Skip(1).Select(w => w!.Str("version")));
        Assert.Equal(2, page["page"]!["size"]!.GetValue<int>());
        Assert.Equal(1, page["page"]!["number"]!.GetValue<int>());
        Assert.Equal(4, page["page"]!["totalElements"]!.GetValue<int>());
        Assert.Equal(2, page["page"]!["totalPages"]!.GetValue<int>());
        Assert.Equal("/chat-gateway/v1/webhooks?size=2&page=1", page["_links"]!["self"]!.Str("href"));
        var filtered = await OkAsync(await emu.GatewayAsync(Get, "webhooks?" + "filter=" + Uri.EscapeDataString("version==v2.0;name!=v2-2") + "&sort=id:desc"));
        Assert.Equal(["v2-3", "v2-1"], filtered["_embedded"]!["webhooks"]!.AsArray().Select(w => w!.Str("name")));
        Assert.Equal(["filter"], await GatewayViolationsAsync(await emu.GatewayAsync(Get, "webhooks?filter=name%3D")));
        Assert.Equal(["size"], await GatewayViolationsAsync(await emu.GatewayAsync(Get, "channels?size=0")));
        Assert.Equal(["pageSize"], await GatewayViolationsAsync(await emu.GatewayAsync(Get, "channels?pageSize=5")));
        // V2 lists the Gateway's webhook too, under its version.
        var v2 = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks"));
        Assert.Equal(GatewayVersion, v2["data"]![3]!.Str("version"));
    }

    [Fact]
    public async Task EachApiCreatesAndChangesOnlyItsOwnVersionsWhenShared()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.SharedConfiguration = true);
        var v2 = (await emu.CreateWebhookAsync("v2")).Str("id");
        var gw = (await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("gw", "https://127.0.0.1:9/gw")))).Str("id");
        Assert.Equal(GatewayVersion, (await OkAsync(await emu.GatewayAsync(Get, $"webhooks/{gw}"))).Str("notificationVersion"));

        Assert.Equal(["version"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "webhooks", Hook("n", "https://127.0.0.1:9", "v2.0"))));
        Assert.Equal(["version"], await GatewayViolationsAsync(await emu.GatewayAsync(Put, $"webhooks/{v2}", Hook("n", "https://127.0.0.1:9"))));
        Assert.Equal(["version"], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks", Hook("n", "https://127.0.0.1:9"))));
        Assert.Equal(["version"], await Json.ViolationFieldsAsync(await emu.PutAsync($"{emu.TenantPath}/web-hooks/{gw}", Hook("n", "https://127.0.0.1:9", "v2.0"))));

        var replaced = await OkAsync(await emu.GatewayAsync(Put, $"webhooks/{gw}", Hook("gw-2", "https://127.0.0.1:9/gw2")));
        Assert.Equal(("gw-2", GatewayVersion), (replaced.Str("name"), replaced.Str("version")));
        Assert.Equal("v2.0", (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks/{v2}"))).Str("version"));
        Assert.Equal(204, (int)(await emu.GatewayAsync(Delete, $"webhooks/{gw}")).StatusCode);
        Assert.Equal("Resource of type WebHook with id " + gw + " was not found.",
            (await Json.ProblemAsync(await emu.GatewayAsync(Get, $"webhooks/{gw}"), 404)).Str("message"));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ByDefaultEachApiSeesOnlyItsContractsVersionsAndChannelsMayKeepAnOlderWebhook()
    {
        await using var emu = await TestEmulator.StartAsync();
        var v2 = (await emu.CreateWebhookAsync("v2")).Str("id");
        var gw = (await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("gw", "https://127.0.0.1:9/gw")))).Str("id");
        var channel = (await emu.CreateChannelAsync(v2, "on-v2")).Str("id");

        var listed = await OkAsync(await emu.GatewayAsync(Get, "webhooks"));
        Assert.Equal(["gw"], listed["_embedded"]!["webhooks"]!.AsArray().Select(w => w!.Str("name")));
        Assert.Equal(["v2"], (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks")))["data"]!.AsArray().Select(w => w!.Str("name")));
        await Json.ProblemAsync(await emu.GatewayAsync(Get, $"webhooks/{v2}"), 404);
        await Json.ProblemAsync(await emu.GatewayAsync(Put, $"webhooks/{v2}", Hook("n", "https://127.0.0.1:9")), 404);
        await Json.ProblemAsync(await emu.GatewayAsync(Delete, $"webhooks/{v2}"), 404);
        await Json.ProblemAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks/{gw}"), 404);

        // The Gateway lists the channel with the webhook id it does not list; the channel may keep it, not go back to it.
        var seen = await OkAsync(await emu.GatewayAsync(Get, $"channels/{channel}"));
        Assert.Equal(v2, seen.Str("webHookId"));
        var renamed = await OkAsync(await emu.GatewayAsync(Put, $"channels/{channel}", new { name = "renamed", webHookId = v2, routingOptions = new { type = "queue", id = "101" } }));
        Assert.Equal(("renamed", v2), (renamed.Str("name"), renamed.Str("webHookId")));
        await OkAsync(await emu.GatewayAsync(Put, $"channels/{channel}", new { name = "renamed", webHookId = gw, routingOptions = new { type = "queue", id = "101" } }));
        Assert.Equal(["webHookId"], await GatewayViolationsAsync(await emu.GatewayAsync(Put, $"channels/{channel}", new { name = "renamed", webHookId = v2, routingOptions = new { type = "queue", id = "101" } })));
        Assert.Equal(["webHookId"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "channels", new { name = "x", webHookId = v2, routingOptions = new { type = "queue", id = "7" } })));
        // V2 puts it back on its own webhook.
        var current = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels/{channel}"));
        Assert.Equal(gw, current.Str("webHookId"));
        Assert.Equal(200, (int)(await emu.PutAsync($"{emu.TenantPath}/channels/{channel}", new { name = "renamed", webHookId = v2, routingOptions = new { type = "queue", id = "101" } })).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"n","uri":"https://127.0.0.1:9","version":"Chat Gateway v1.0","colour":"red"}""", "colour")]
    [InlineData("""{"uri":"https://127.0.0.1:9","version":"Chat Gateway v1.0"}""", "name")]
    [InlineData("""{"name":"n","version":"Chat Gateway v1.0"}""", "uri")]
    [InlineData("""{"name":"n","uri":"https://127.0.0.1:9"}""", "version")]
    [InlineData("""{"name":"n","uri":"https://127.0.0.1:9","version":"Chat Gateway v1.0","notificationVersion":"v2.0"}""", "notificationVersion")]
    [InlineData("""{"name":"n","uri":"https://127.0.0.1:9","notificationVersion":"Chat Gateway v1.0","id":"5"}""", "id")]
    public async Task WebhookRequestsAreCheckedStrictly(string body, string field)
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal([field], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "webhooks", body)));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task TheVersionUnderEitherNameIsEnough()
    {
        await using var emu = await TestEmulator.StartAsync();
        await OkAsync(await emu.GatewayAsync(Post, "webhooks", new { name = "a", uri = "https://127.0.0.1:9", notificationVersion = GatewayVersion }));
        await OkAsync(await emu.GatewayAsync(Post, "webhooks", new { name = "b", uri = "https://127.0.0.1:9", version = GatewayVersion }));
    }

    [Fact]
    public async Task ChannelsCarryTheirTypeOnlyChatApiCanBeCreatedAndV2SeesThem()
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = (await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("gw", "https://127.0.0.1:9/gw")))).Str("id");
        var created = await OkAsync(await emu.GatewayAsync(Post, "channels", new { name = "web", type = "ChatAPI", webHookId = hook, routingOptions = new { type = "queue", id = "7" } }));
        Assert.Equal("ChatAPI", created.Str("type"));
        var untyped = await OkAsync(await emu.GatewayAsync(Post, "channels", new { name = "web2", webHookId = hook, routingOptions = new { type = "queue", id = "8" } }));
        Assert.Equal("ChatAPI", untyped.Str("type"));
        Assert.Equal(["type"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "channels", new { name = "sms", type = "SMS", webHookId = hook, routingOptions = new { type = "queue", id = "7" } })));
        Assert.Equal(["routingOptions.priority"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "channels", new { name = "x", webHookId = hook, routingOptions = new { type = "queue", id = "7", priority = 1 } })));
        Assert.Equal(["routingOptions"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "channels", new { name = "x", webHookId = hook })));
        Assert.Equal(["webHookId"], await GatewayViolationsAsync(await emu.GatewayAsync(Post, "channels", new { name = "x", webHookId = "999", routingOptions = new { type = "queue", id = "7" } })));

        var v2 = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels/{created.Str("id")}"));
        Assert.Equal("web", v2.Str("name"));
        Assert.Null(v2["type"]);
        var list = await OkAsync(await emu.GatewayAsync(Get, "channels?filter=" + Uri.EscapeDataString("routingOptions.id==8")));
        Assert.Equal(["web2"], list["_embedded"]!["channels"]!.AsArray().Select(c => c!.Str("name")));
        var replaced = await OkAsync(await emu.GatewayAsync(Put, $"channels/{created.Str("id")}", new { name = "web-1", webHookId = hook, routingOptions = new { type = "queue", id = "9" } }));
        Assert.Equal("9", replaced["routingOptions"]!.Str("id"));
        Assert.Equal(204, (int)(await emu.GatewayAsync(Delete, $"channels/{created.Str("id")}")).StatusCode);
        await Json.ProblemAsync(await emu.GetAsync($"{emu.TenantPath}/channels/{created.Str("id")}"), 404);
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task KeysNeedNoAuthenticationAndAnUnknownOneIsTheGatewaysNotFound()
    {
        await using var emu = await TestEmulator.StartAsync();
        var kid = JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/keys"))!.Str("current");
        var jwk = await OkAsync(await emu.Http.GetAsync($"/chat-gateway/v1/jwk/{kid}/public"));
        Assert.Equal(("RSA", kid), (jwk.Str("kty"), jwk.Str("kid")));
        var missing = await Json.ProblemAsync(await emu.Http.GetAsync("/chat-gateway/v1/jwk/nope/public"), 404);
        Assert.Equal("Resource of type JWKPublic with id nope was not found.", missing.Str("message"));
    }

    [Fact]
    public async Task VerifyAndCreateSendTheGatewaysVerifyEventSigned()
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal(204, (int)(await emu.GatewayAsync(Post, "webhooks/verify", new { version = GatewayVersion, uri = new Uri(emu.BaseUri, "/_receiver/gw-verify").ToString() })).StatusCode);
        var verify = (await emu.GetArrayAsync("/_receiver/gw-verify")).Single()!;
        Assert.Equal("""{"notificationVersion":"Chat Gateway v1.0","eventType":"WEB_HOOK_VERIFY"}""", verify.Str("body"));
        using (var rsa = await GatewaySignatures.KeyAsync(emu, verify)) GatewaySignatures.AssertSigned(verify, rsa);

        await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("new", new Uri(emu.BaseUri, "/_receiver/gw-new").ToString())));
        Assert.Equal("""{"notificationVersion":"Chat Gateway v1.0","eventType":"WEB_HOOK_VERIFY"}""", (await emu.WaitForArrayAsync("/_receiver/gw-new", 1)).Single()!.Str("body"));

        Assert.Equal(400, (int)(await emu.GatewayAsync(Post, "webhooks/verify", new { version = GatewayVersion, uri = new Uri(emu.BaseUri, "/_broken/gw").ToString() })).StatusCode);
        Assert.Contains("uri", await GatewayViolationsAsync(await emu.GatewayAsync(Post, "webhooks/verify", new { version = GatewayVersion, colour = "red" })));   // the contract check answers first
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task AChannelMovedToAGatewayWebhookDeliversGatewayEventsSigned()
    {
        await using var emu = await TestEmulator.StartAsync();
        var v2Hook = (await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/old").ToString())).Str("id");
        var channel = (await emu.CreateChannelAsync(v2Hook, "moving", "42")).Str("id");
        var gwHook = (await OkAsync(await emu.GatewayAsync(Post, "webhooks", Hook("gw", new Uri(emu.BaseUri, "/_receiver/gw-events").ToString())))).Str("id");
        await OkAsync(await emu.GatewayAsync(Put, $"channels/{channel}", new { name = "moving", webHookId = gwHook, routingOptions = new { type = "queue", id = "42" } }));

        var id = await emu.CreateConversationAsync(channel);
        foreach (var (step, json) in new[] { ("agent-joined", """{"agentId":"ag-1"}"""), ("text", """{"message":"Hi"}"""), ("transfer", """{"nextAgentId":"ag-2"}""") })
            await emu.Http.PostAsync($"/_emulator/conversations/{id}/{step}", new StringContent(json, Encoding.UTF8, "application/json"));
        var received = await emu.WaitForEventsAsync("/_receiver/gw-events", 8);
        var all = received.Select(r => JsonNode.Parse(r!.Str("body"))!).ToList();
        Assert.Equal(["CONVERSATION_UPDATE", "QUEUED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "MESSAGE", "MEMBERS_CHANGED", "TRANSFER", "MEMBERS_CHANGED"],
            all.Select(b => b.Str("eventType")));
        Assert.Equal(("created", "queue", "42"), (all[0]["data"]!.Str("state"), all[0]["data"]!["assignment"]!.Str("type"), all[0]["data"]!["assignment"]!.Str("id")));
        Assert.Equal("Jo", all[0]["data"]!["user"]!.Str("name"));
        Assert.Equal(channel, all[0]["data"]!.Str("channel"));
        Assert.Equal(("active", "agent", "ag-1", "42"), (all[3]["data"]!.Str("state"), all[3]["data"]!["assignment"]!.Str("type"),
            all[3]["data"]!["assignment"]!.Str("id"), all[3]["data"]!["assignment"]!.Str("resourceId")));
        var bodies = all.Where(b => b.Str("eventType") != "CONVERSATION_UPDATE").ToList();
        Assert.All(bodies, b => Assert.Equal(id, b.Str("conversationId")));
        Assert.All(bodies, b => Assert.Null(b["messageType"]));
        Assert.Equal(["eventType", "conversationId", "timestamp", "data"], bodies[0].AsObject().Select(p => p.Key));
        Assert.Equal(("42", "Queue 42"), (bodies[0]["data"]!.Str("queueId"), bodies[0]["data"]!.Str("queueName")));
        Assert.Equal(("agent", "joined", "ag-1"), (bodies[1]["data"]!.Str("memberType"), bodies[1]["data"]!.Str("change"), bodies[1]["data"]!.Str("id")));
        Assert.Equal(("Hi", "ag-1", "agent"), (bodies[2]["data"]!.Str("text"), bodies[2]["data"]!["sender"]!.Str("id"), bodies[2]["data"]!["sender"]!.Str("type")));
        Assert.False(bodies[2]["data"]!["isEcho"]!.GetValue<bool>());
        Assert.Equal(("left", "ag-1"), (bodies[3]["data"]!.Str("change"), bodies[3]["data"]!.Str("id")));
        Assert.Equal(["eventType", "conversationId", "timestamp"], bodies[4].AsObject().Select(p => p.Key));
        Assert.Equal(("joined", "ag-2"), (bodies[5]["data"]!.Str("change"), bodies[5]["data"]!.Str("id")));
        using var rsa = await GatewaySignatures.KeyAsync(emu, received[0]!);
        foreach (var r in received) GatewaySignatures.AssertSigned(r!, rsa);
        Assert.Single(await emu.GetArrayAsync("/_receiver/old"));   // only its own WEB_HOOK_VERIFY
        Assert.Equal(8, (await emu.GetArrayAsync($"/_emulator/deliveries?webhookId={gwHook}&conversationId={id}")).Count);
        Assert.Equal(3, (await emu.GetArrayAsync($"/_emulator/deliveries?webhookId={gwHook}&eventType=MEMBERS_CHANGED")).Count);
    }

    [Fact]
    public async Task RateLimitFaultsLatencyAndIdempotencyApplyToTheGateway()
    {
        // The bucket refills only when the clock is moved: the second call meets an empty one however slow the machine.
        await using (var limited = await TestEmulator.StartAsync(o => o.RateLimit = 1, new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z"))))
        {
            Assert.Equal(200, (int)(await limited.GatewayAsync(Get, "webhooks")).StatusCode);
            using var second = await limited.GatewayAsync(Get, "webhooks");
            Assert.Equal(429, (int)second.StatusCode);
            Assert.NotNull(second.Headers.RetryAfter);
        }
        await using (var failing = await TestEmulator.StartAsync(o => o.FailRate = 1))
            Assert.Equal(503, (int)(await failing.GatewayAsync(Get, "channels")).StatusCode);
        await using (var slow = await TestEmulator.StartAsync(o => o.LatencyMs = 300))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await slow.GatewayAsync(Get, "channels");
            Assert.True(watch.ElapsedMilliseconds >= 290, $"{watch.ElapsedMilliseconds} ms");
        }
        foreach (var mode in new[] { IdempotencyMode.Ignore, IdempotencyMode.Honour })
        {
            await using var emu = await TestEmulator.StartAsync(o => o.Idempotency = mode);
            var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
            await emu.GatewayAsync(Post, "webhooks", Hook("once", "https://127.0.0.1:9"), headers: key);
            await emu.GatewayAsync(Post, "webhooks", Hook("once", "https://127.0.0.1:9"), headers: key);
            var count = (await OkAsync(await emu.GatewayAsync(Get, "webhooks")))["page"]!["totalElements"]!.GetValue<int>();
            Assert.Equal(mode == IdempotencyMode.Honour ? 1 : 2, count);
        }
    }

    [Fact]
    public void GatewayKeysAreParsed()
    {
        Assert.Equal([new GatewayKeyOption("demo-gateway-key")], EmulatorOptionsParser.Parse([])!.GatewayKeys);
        var keys = EmulatorOptionsParser.Parse(["--tenant", "us:acme", "--tenant", "eu:globex", "--gateway-key", "k1", "--gateway-key", "k2:globex"])!.GatewayKeys;
        Assert.Null(keys[0].Tenants);
        Assert.Equal(["globex"], keys[1].Tenants);
        Assert.Contains("nosuch", Assert.Throws<OptionsException>(() => EmulatorOptionsParser.Parse(["--gateway-key", "k:nosuch"])).Message);
    }

    [Fact]
    public async Task OtherChannelTypesAreListedAndShownButNotChanged()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.SeedOtherChannels = 6);
        var list = await OkAsync(await emu.GatewayAsync(Get, "channels?size=10"));
        var channels = list["_embedded"]!["channels"]!.AsArray();
        Assert.Equal(["SMS", "Facebook", "Twitter", "WhatsApp", "WebChat", "SMS"], channels.Select(c => c!.Str("type")));
        var sms = channels[0]!;
        Assert.Equal("sms-1", (await OkAsync(await emu.GatewayAsync(Get, $"channels/{sms.Str("id")}"))).Str("name"));
        Assert.Equal(GatewayVersion, (await OkAsync(await emu.GatewayAsync(Get, $"webhooks/{sms.Str("webHookId")}"))).Str("version"));
        Assert.Equal(["type"], await GatewayViolationsAsync(await emu.GatewayAsync(Put, $"channels/{sms.Str("id")}",
            new { name = "x", webHookId = sms.Str("webHookId"), routingOptions = new { type = "queue", id = "1" } })));
        Assert.Equal(2, (await OkAsync(await emu.GatewayAsync(Get, "channels?filter=type==SMS")))["page"]!["totalElements"]!.GetValue<int>());
        // The Chat API V2 sees ChatAPI channels only.
        Assert.Equal(0, (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels")))["page"]!["elementCount"]!.GetValue<int>());
        await Json.ProblemAsync(await emu.GetAsync($"{emu.TenantPath}/channels/{sms.Str("id")}"), 404);
    }
}
