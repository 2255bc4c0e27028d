#nullable enable
using System.Text.Json.Nodes;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>
/// The emulator's defaults against API-NOTES.md (8x8's documents), one test per point of issue 12;
/// the kinder behaviours are checked only where the option that turns them on is given.
/// </summary>
public class ApiNotesTests
{
    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    private static async Task<string> AgentAsync(TestEmulator emu, string conversation, string step, string? json = null) =>
        (await (await emu.Http.PostAsync($"/_emulator/conversations/{conversation}/{step}",
            json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());

    [Fact]
    public async Task IdempotencyKeyIsIgnoredByDefaultSoARepeatedPostCreatesTwice()
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal(IdempotencyMode.Ignore, emu.Options.Idempotency);
        var path = $"{emu.TenantPath}/web-hooks";
        var key = Header("Idempotency-Key", Guid.NewGuid().ToString());
        using var first = await emu.PostAsync(path, new { name = "one", uri = "https://127.0.0.1:9", version = "v2.0" }, key);
        using var second = await emu.PostAsync(path, new { name = "one", uri = "https://127.0.0.1:9", version = "v2.0" }, key);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await Json.ObjectAsync(first)).Str("id"), (await Json.ObjectAsync(second)).Str("id"));
        Assert.Equal(2, (await Json.ObjectAsync(await emu.GetAsync(path)))["page"]!["elementCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task IdempotencyHonourReplaysTheFirstAnswer()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.Idempotency = IdempotencyMode.Honour);
        var path = $"{emu.TenantPath}/web-hooks";
        var key = Header("Idempotency-Key", Guid.NewGuid().ToString());
        using var first = await emu.PostAsync(path, new { name = "one", uri = "https://127.0.0.1:9", version = "v2.0" }, key);
        using var second = await emu.PostAsync(path, new { name = "one", uri = "https://127.0.0.1:9", version = "v2.0" }, key);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await Json.ObjectAsync(await emu.GetAsync(path)))["page"]!["elementCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("web-hooks")]
    [InlineData("channels")]
    public async Task NoETagOnAnswersByDefaultButIfMatchIsHonoured(string resource)
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = await emu.CreateWebhookAsync();
        var created = resource == "web-hooks" ? hook : await emu.CreateChannelAsync(hook.Str("id"));
        var path = $"{emu.TenantPath}/{resource}/{created.Str("id")}";
        object Body(string name) => resource == "web-hooks"
            ? new { name, uri = "https://127.0.0.1:9", version = "v2.0" }
            : new { name, webHookId = hook.Str("id"), routingOptions = new { type = "queue", id = "7" } };

        using var got = await emu.GetAsync(path);
        Assert.Null(got.Headers.ETag);
        Assert.Null((await Json.ObjectAsync(got))["version"] is JsonValue v && v.ToString().All(char.IsDigit) ? "a version field" : null);
        using var put = await emu.PutAsync(path, Body("second"), Header("If-Match", "1"));
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Null(put.Headers.ETag);
        await Json.ProblemAsync(await emu.PutAsync(path, Body("third"), Header("If-Match", "1")), 412);
        Assert.Equal("second", (await Json.ObjectAsync(await emu.GetAsync(path))).Str("name"));
        Assert.Equal(200, (int)(await emu.PutAsync(path, Body("fourth"))).StatusCode);
    }

    [Fact]
    public async Task ETagsOptionSendsTheVersion()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ETags = true);
        var id = (await emu.CreateWebhookAsync()).Str("id");
        using var got = await emu.GetAsync($"{emu.TenantPath}/web-hooks/{id}");
        Assert.Equal("\"1\"", got.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task BadRequestErrorsAreStringsNamingTheField()
    {
        await using var emu = await TestEmulator.StartAsync();
        var body = await Json.ProblemAsync(await emu.PostAsync($"{emu.TenantPath}/web-hooks", new { name = "", uri = "https://127.0.0.1:9", version = "v2.0" }), 400);
        Assert.Equal("Constraint Violation", body.Str("message"));
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, error.GetValueKind());
        Assert.Equal("name: size must be between 1 and 256", error.GetValue<string>());
        var channel = await Json.ProblemAsync(await emu.PostAsync($"{emu.TenantPath}/channels", new { name = "c", routingOptions = new { type = "queue", id = "1" } }), 400);
        Assert.StartsWith("webHookId: ", Assert.Single(channel["errors"]!.AsArray())!.GetValue<string>());
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task CreatingAWebhookSendsItExactlyTheVerifyEvent()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.LegacyMode = true);
        await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/new-v2").ToString());
        await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/new-v1").ToString(), version: "v1.0");
        var v2 = (await emu.WaitForArrayAsync("/_receiver/new-v2", 1)).Single()!;
        var v1 = (await emu.WaitForArrayAsync("/_receiver/new-v1", 1)).Single()!;
        Assert.Equal("""{"notificationVersion":"v2.0","eventType":"WEB_HOOK_VERIFY"}""", v2.Str("body"));
        Assert.Equal("""{"notificationVersion":"v1.0","eventType":"WEB_HOOK_VERIFY"}""", v1.Str("body"));
        Assert.NotNull(v2["headers"]!["x-8x8-signature"]);
        Assert.Null(v1["headers"]!["x-8x8-signature"]);
    }

    [Fact]
    public async Task NoVerifyOnCreateTurnsTheCreateVerifyOff()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.VerifyOnCreate = false);
        var hook = await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/quiet").ToString());
        await emu.CreateConversationAsync((await emu.CreateChannelAsync(hook.Str("id"))).Str("id"));
        Assert.Equal(["QUEUED"], Json.EventTypes(await emu.WaitForArrayAsync("/_receiver/quiet", 1)));
        Assert.Empty(await emu.GetArrayAsync("/_emulator/deliveries?eventType=WEB_HOOK_VERIFY"));
    }

    [Fact]
    public async Task TheVerifyOperationSendsExactlyTheVerifyEvent()
    {
        await using var emu = await TestEmulator.StartAsync();
        Assert.Equal(204, (int)(await emu.PostAsync($"{emu.TenantPath}/web-hooks/verify",
            new { version = "v2.0", uri = new Uri(emu.BaseUri, "/_receiver/verify-only").ToString() })).StatusCode);
        Assert.Equal("""{"notificationVersion":"v2.0","eventType":"WEB_HOOK_VERIFY"}""",
            (await emu.GetArrayAsync("/_receiver/verify-only")).Single()!.Str("body"));
    }

    private static async Task<(TestEmulator Emu, string Conversation, string Receiver)> ConversationAsync(string receiver, Action<EmulatorOptions>? configure = null)
    {
        var emu = await TestEmulator.StartAsync(configure);
        var hook = await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, $"/_receiver/{receiver}").ToString());
        var conversation = await emu.CreateConversationAsync((await emu.CreateChannelAsync(hook.Str("id"))).Str("id"),
            new { name = "Jo", customerId = "cust-1" });
        return (emu, conversation, $"/_receiver/{receiver}");
    }

    [Fact]
    public async Task TheCustomerLeavingFreesTheAgentAndSendsAgentLeft()
    {
        var (emu, id, receiver) = await ConversationAsync("leave");
        await using var _ = emu;
        await AgentAsync(emu, id, "agent-joined", """{"agentId":"ag-9","agentName":"Nine"}""");
        Assert.Equal(204, (int)(await emu.DeleteAsync($"{emu.TenantPath}/conversations/{id}/participants/customer")).StatusCode);
        var events = await emu.WaitForEventsAsync(receiver, 3);
        Assert.Equal(["QUEUED", "AGENT_JOINED", "AGENT_LEFT"], Json.EventTypes(events));
        var left = JsonNode.Parse(events[2]!.Str("body"))!;
        Assert.Equal("ag-9", left.Str("agentId"));
        Assert.Equal("Nine", left.Str("agentName"));
        Assert.Equal("SYSTEM", left.Str("messageType"));
        Assert.Equal("created", (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}"))).Str("status"));
    }

    [Fact]
    public async Task ATransferSendsAgentLeftTransferWithBaseFieldsThenAgentJoined()
    {
        var (emu, id, receiver) = await ConversationAsync("transfer");
        await using var _ = emu;
        await AgentAsync(emu, id, "agent-joined", """{"agentId":"ag-1","agentName":"One"}""");
        await AgentAsync(emu, id, "transfer", """{"nextAgentId":"ag-2","nextAgentName":"Two"}""");
        var events = (await emu.WaitForEventsAsync(receiver, 5)).Select(e => JsonNode.Parse(e!.Str("body"))!).ToList();
        Assert.Equal(["QUEUED", "AGENT_JOINED", "AGENT_LEFT", "TRANSFER", "AGENT_JOINED"], events.Select(e => e.Str("eventType")));
        Assert.Equal("ag-1", events[2].Str("agentId"));
        Assert.Equal(["eventType", "conversationId", "timestamp", "messageType"], events[3].AsObject().Select(p => p.Key));
        Assert.Equal(("ag-2", "Two"), (events[4].Str("agentId"), events[4].Str("agentName")));
        Assert.Equal("handling", (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}"))).Str("status"));
    }

    [Fact]
    public async Task ByDefaultParticipantsIsOneObjectTheCustomerAsTheDescriptionTypesIt()
    {
        var (emu, id, _) = await ConversationAsync("participants");
        await using var __ = emu;
        await AgentAsync(emu, id, "agent-joined", """{"agentId":"ag-1"}""");
        var participant = (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}/participants")))["participants"]!.AsObject();
        Assert.Equal(("cust-1", "user"), (participant.Str("id"), participant.Str("type")));
    }

    [Fact]
    public async Task UnderParticipantListParticipantsListEveryoneWhoJoinedWithWhoLeft()
    {
        var (emu, id, _) = await ConversationAsync("participants", o => o.ParticipantList = true);
        await using var __ = emu;
        await AgentAsync(emu, id, "agent-joined", """{"agentId":"ag-1"}""");
        await AgentAsync(emu, id, "transfer", """{"nextAgentId":"ag-2"}""");
        async Task<List<(string, string, bool)>> Participants() =>
            (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}/participants")))["participants"]!.AsArray()
                .Select(p => (p!.Str("id"), p!.Str("type"), p!["removed"]!.GetValue<bool>())).ToList();
        Assert.Equal([("cust-1", "user", false), ("ag-1", "agent", true), ("ag-2", "agent", false)], await Participants());
        await emu.DeleteAsync($"{emu.TenantPath}/conversations/{id}/participants/customer");
        Assert.Equal([("cust-1", "user", true), ("ag-1", "agent", true), ("ag-2", "agent", true)], await Participants());
    }

    [Fact]
    public async Task AKeyWithoutTheScopeGets403NamingIt()
    {
        await using var emu = await TestEmulator.StartAsync(o => o.ApiKeys =
            [new("reader", "s", ["vcc-chat.webhooks.read"]), new("all", "s")]);
        var reader = await emu.TokenAsync("reader", "s");
        var token = await Json.ObjectAsync(await emu.RequestTokenAsync("reader", "s"));
        Assert.Equal("vcc-chat.webhooks.read", token.Str("scope"));
        Assert.Equal(6, (await Json.ObjectAsync(await emu.RequestTokenAsync("all", "s"))).Str("scope").Split(' ').Length);

        Assert.Equal(200, (int)(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: reader)).StatusCode);
        var write = await Json.ProblemAsync(await emu.SendAsync(HttpMethod.Post, $"{emu.TenantPath}/web-hooks",
            new { name = "n", uri = "https://127.0.0.1:9", version = "v2.0" }, reader), 403);
        Assert.Contains("vcc-chat.webhooks.write", write.Str("message"));
        Assert.Equal(["Missing scope: vcc-chat.webhooks.write"], write["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains("vcc-chat.channels.read", (await Json.ProblemAsync(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/channels", token: reader), 403)).Str("message"));
        Assert.Contains("vcc-chat.conversations.write", (await Json.ProblemAsync(await emu.SendAsync(HttpMethod.Post, $"{emu.TenantPath}/conversations",
            new { channelId = "1", customer = new { name = "x" } }, reader), 403)).Str("message"));
        // Verify needs webhooks.read only.
        Assert.Equal(204, (int)(await emu.SendAsync(HttpMethod.Post, $"{emu.TenantPath}/web-hooks/verify",
            new { version = "v2.0", uri = new Uri(emu.BaseUri, "/_receiver/scoped").ToString() }, reader)).StatusCode);
        var all = await emu.TokenAsync("all", "s");
        Assert.Equal(0, (await Json.ObjectAsync(await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: all)))["page"]!["elementCount"]!.GetValue<int>());
        Assert.Equal(200, (int)(await emu.SendAsync(HttpMethod.Post, $"{emu.TenantPath}/web-hooks", new { name = "n", uri = "https://127.0.0.1:9", version = "v2.0" }, all)).StatusCode);
    }

    private static async Task<(TestEmulator, List<string> Names)> ChannelsAsync(params (string Name, string Queue)[] channels)
    {
        var emu = await TestEmulator.StartAsync();
        var hook = (await emu.CreateWebhookAsync()).Str("id");
        foreach (var (name, queue) in channels) await emu.CreateChannelAsync(hook, name, queue);
        return (emu, channels.Select(c => c.Name).ToList());
    }

    private static async Task<List<string>> NamesAsync(TestEmulator emu, string query) =>
        (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels?{query}")))["data"]!.AsArray().Select(c => c!.Str("name")).ToList();

    [Fact]
    public async Task ChannelListSortsAndFiltersWithFiql()
    {
        var (emu, _) = await ChannelsAsync(("Sales", "11"), ("Support", "12"), ("sales-eu", "11"), ("Billing", "13"));
        await using var __ = emu;
        string Q(string filter) => "filter=" + Uri.EscapeDataString(filter);
        Assert.Equal(["Sales", "Support", "sales-eu", "Billing"], await NamesAsync(emu, ""));
        Assert.Equal(["Billing", "Sales", "sales-eu", "Support"], await NamesAsync(emu, "sort=name"));
        Assert.Equal(["Support", "sales-eu", "Sales", "Billing"], await NamesAsync(emu, "sort=name,desc"));
        Assert.Equal(["Billing", "sales-eu", "Support", "Sales"], await NamesAsync(emu, "sort=id:desc"));
        Assert.Equal(["Sales"], await NamesAsync(emu, Q("name==Sales")));
        Assert.Equal(["Sales", "sales-eu"], await NamesAsync(emu, Q("name==sales*")));
        Assert.Equal(["Support", "Billing"], await NamesAsync(emu, Q("name!=sales*")));
        Assert.Equal(["Sales", "sales-eu", "Billing"], await NamesAsync(emu, Q("name==Billing,routingOptions.id==11")));
        Assert.Equal(["sales-eu"], await NamesAsync(emu, Q("name==*eu;routingOption.id==11")));
        Assert.Equal(["Sales", "Billing"], await NamesAsync(emu, Q("(name==Sales,name==Billing);routingOptions.id!=12")));
        Assert.Equal(["Sales", "sales-eu"], await NamesAsync(emu, Q("name==Cosmin,(routingOption.id==11)")));
        Assert.Equal(["sales-eu"], await NamesAsync(emu, Q("name=='sales-eu'") + "&size=1"));
        var page = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/channels?{Q("name==S*")}&size=1&page=1&sort=name"));
        Assert.Equal(3, page["page"]!["elementCount"]!.GetValue<int>());
        Assert.Equal("sales-eu", page["data"]![0]!.Str("name"));
    }

    [Theory]
    [InlineData("filter", "name=Sales")]
    [InlineData("filter", "name==")]
    [InlineData("filter", "(name==Sales")]
    [InlineData("filter", "colour==red")]
    [InlineData("filter", "id=gt=3")]
    [InlineData("filter", "name==a;;name==b")]
    [InlineData("sort", "colour")]
    [InlineData("sort", "name,sideways")]
    public async Task ABadFilterOrSortIs400NamingTheParameter(string parameter, string value)
    {
        var (emu, _) = await ChannelsAsync(("Sales", "11"));
        await using var __ = emu;
        Assert.Equal([parameter], (await Json.ViolationFieldsAsync(await emu.GetAsync($"{emu.TenantPath}/channels?{parameter}={Uri.EscapeDataString(value)}"))).Distinct());
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }
}
