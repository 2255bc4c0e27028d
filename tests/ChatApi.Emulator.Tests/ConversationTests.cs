using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

public class ConversationTests
{
    private static async Task<(TestEmulator Emu, string Hook, string Channel)> StartWithChannelAsync(string receiver = "conv", Action<Options.EmulatorOptions> configure = null)
    {
        var emu = await TestEmulator.StartAsync(configure);
        var hook = (await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, $"/_receiver/{receiver}").ToString())).Str("id");
        var channel = (await emu.CreateChannelAsync(hook, queue: "314")).Str("id");
        return (emu, hook, channel);
    }

    [Fact]
    public async Task CreateIs202AndSendsQueuedToTheChannelsWebhook()
    {
        var (emu, hook, channel) = await StartWithChannelAsync();
        await using var _ = emu;
        using var response = await emu.PostAsync($"{emu.TenantPath}/conversations",
            new { channelId = channel, user = new { name = "Jo", email = "jo@example.com", customerId = "c-9", tier = "gold" } });
        Assert.Equal(202, (int)response.StatusCode);
        var body = await Json.ObjectAsync(response);
        var id = body.Str("conversationId");
        Assert.True(body["timestamp"]!.GetValue<long>() > 1_600_000_000_000);

        var received = await emu.WaitForEventsAsync("/_receiver/conv", 1);
        var evt = JsonNode.Parse(received.Single()!.Str("body"))!;
        Assert.Equal("QUEUED", evt.Str("eventType"));
        Assert.Equal(id, evt.Str("conversationId"));
        Assert.Equal("SYSTEM", evt.Str("messageType"));
        Assert.Equal("314", evt.Str("queueId"));
        Assert.False(string.IsNullOrEmpty(evt.Str("queueName")));

        var log = await emu.GetArrayAsync($"/_emulator/deliveries?webhookId={hook}&eventType=QUEUED");
        Assert.Equal(200, log.Single()!["status"]!.GetValue<int>());

        var got = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}"));
        Assert.Equal(channel, got.Str("channelId"));
        Assert.Equal("gold", got["customer"]!.Str("tier"));
        Assert.Equal("jo@example.com", got["user"]!.Str("email"));
        Assert.Equal("pending", got.Str("status"));
        Assert.Single(got["interactions"]!.AsArray());
        Assert.Null(got["interactions"]![0]!["endTime"]);
    }

    [Fact]
    public async Task HistoryBecomesMessages()
    {
        var (emu, _, channel) = await StartWithChannelAsync();
        await using var __ = emu;
        var id = await emu.CreateConversationAsync(channel, new { name = "Jo", customerId = "c-1" },
            new { messages = new object[] { new { text = "hi", type = "user" }, new { text = "bot here", type = "bot" } } });
        var messages = (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}/messages")))["messages"]!.AsArray();
        Assert.Equal(["hi", "bot here"], messages.Select(m => m!.Str("originalText")));
        Assert.Equal(["user", "bot"], messages.Select(m => m!.Str("authorType")));
        Assert.Equal("c-1", messages[0]!.Str("participantId"));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"customer":{"name":"Jo"}}""", "channelId" },
        { """{"channelId":"99","customer":{"name":"Jo"}}""", "channelId" },
        { """{"channelId":"1"}""", "customer" },
        { "{\"channelId\":\"1\",\"customer\":{" + string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"k{i}\":\"v\"")) + "}}", "customer" },
        { "{\"channelId\":\"1\",\"customer\":{\"name\":\"Jo\"},\"history\":{\"messages\":[" + string.Join(",", Enumerable.Repeat("{\"text\":\"t\"}", 201)) + "]}}", "history.messages" },
        { """{"channelId":"1","customer":{"name":"Jo"},"history":{"messages":[{"type":"user"}]}}""", "history.messages[0].text" },
        { """{"channelId":"1","customer":{"name":"Jo"},"history":{"messages":[{"text":"t","type":"agent"}]}}""", "history.messages[0].type" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidConversationsAre400NamingTheField(string body, string field)
    {
        var (emu, _, _) = await StartWithChannelAsync();
        await using var __ = emu;
        Assert.Equal([field], await Json.ViolationFieldsAsync(await emu.PostAsync($"{emu.TenantPath}/conversations", body)));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ThirtyCustomerPropertiesAndTwoHundredHistoryMessagesAreAccepted()
    {
        var (emu, _, channel) = await StartWithChannelAsync();
        await using var __ = emu;
        var customer = Enumerable.Range(0, 30).ToDictionary(i => $"k{i}", i => "v");
        var history = new { messages = Enumerable.Repeat(new { text = "t", type = "user" }, 200).ToArray() };
        await emu.CreateConversationAsync(channel, customer, history);
    }

    [Fact]
    public async Task ListFilters()
    {
        var (emu, hook, channel) = await StartWithChannelAsync();
        await using var __ = emu;
        var other = (await emu.CreateChannelAsync(hook, "other")).Str("id");
        var a = await emu.CreateConversationAsync(channel, new { name = "A", email = "a@example.com", customerId = "u-a", plan = "pro" });
        var b = await emu.CreateConversationAsync(channel, new { name = "B", email = "b@example.com", customerId = "u-b", plan = "free" });
        var c = await emu.CreateConversationAsync(other, new { name = "C", email = "c@example.com", customerId = "u-c", plan = "pro" });
        await emu.Http.PostAsync($"/_emulator/conversations/{b}/agent-joined", null);

        async Task<List<string>> Ids(string query) =>
            (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations?{query}")))["data"]!.AsArray().Select(x => x!.Str("id")).ToList();

        Assert.Equal([a, b, c], await Ids(""));
        Assert.Equal([c, b, a], await Ids("order=desc"));
        Assert.Equal([a, b], await Ids($"channel-id={channel}"));
        Assert.Equal([b], await Ids("status=handling"));
        Assert.Equal([a, c], await Ids("status=pending"));
        Assert.Equal([b], await Ids("customer.email=b@example.com"));
        Assert.Equal([a, c], await Ids("customer.plan=pro"));
        Assert.Equal([c], await Ids("userId=u-c"));
        Assert.Equal([c], await Ids("page=1&size=2"));
        Assert.Equal(["status"], await Json.ViolationFieldsAsync(await emu.GetAsync($"{emu.TenantPath}/conversations?status=bogus")));
        Assert.Equal(["order"], await Json.ViolationFieldsAsync(await emu.GetAsync($"{emu.TenantPath}/conversations?order=up")));
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ParticipantsMessagesLeaveAndRequeue()
    {
        var (emu, _, channel) = await StartWithChannelAsync("flow", o => o.ParticipantList = true);   // everyone who joined, as an array
        await using var __ = emu;
        var id = await emu.CreateConversationAsync(channel, new { name = "Jo", customerId = "cust-7", language = "de" });
        var path = $"{emu.TenantPath}/conversations/{id}";

        var participants = (await Json.ObjectAsync(await emu.GetAsync($"{path}/participants")))["participants"]!.AsArray();
        Assert.Equal("cust-7", participants.Single()!.Str("id"));
        Assert.Equal("de", participants.Single()!.Str("language"));

        await emu.Http.PostAsync($"/_emulator/conversations/{id}/agent-joined",
            new StringContent("""{"agentId":"ag-5","agentName":"Ann"}""", System.Text.Encoding.UTF8, "application/json"));
        participants = (await Json.ObjectAsync(await emu.GetAsync($"{path}/participants")))["participants"]!.AsArray();
        Assert.Equal(["cust-7", "ag-5"], participants.Select(p => p!.Str("id")));
        Assert.Equal("agent", participants[1]!.Str("type"));

        using var sent = await emu.PostAsync($"{path}/messages", new { text = "hello", authorType = "user" });
        Assert.Equal(202, (int)sent.StatusCode);
        Assert.Equal("", await sent.Content.ReadAsStringAsync());
        await emu.Http.PostAsync($"/_emulator/conversations/{id}/text",
            new StringContent("""{"message":"Hi Jo"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(204, (int)(await emu.DeleteAsync($"{path}/participants/customer")).StatusCode);
        var afterLeave = await Json.ObjectAsync(await emu.GetAsync(path));
        Assert.NotNull(afterLeave["interactions"]![0]!["endTime"]);
        var afterLeaveParticipants = (await Json.ObjectAsync(await emu.GetAsync($"{path}/participants")))["participants"]!.AsArray();
        Assert.Equal(["cust-7", "ag-5"], afterLeaveParticipants.Select(p => p!.Str("id")));
        Assert.All(afterLeaveParticipants, p => Assert.True(p!["removed"]!.GetValue<bool>()));

        Assert.Equal(202, (int)(await emu.PostAsync($"{path}/messages", new { text = "anyone?" })).StatusCode);
        var requeued = await Json.ObjectAsync(await emu.GetAsync(path));
        var interactions = requeued["interactions"]!.AsArray();
        Assert.Equal(2, interactions.Count);
        Assert.Null(interactions[1]!["endTime"]);
        Assert.Equal("pending", requeued.Str("status"));

        var all = (await Json.ObjectAsync(await emu.GetAsync($"{path}/messages")))["messages"]!.AsArray();
        Assert.Equal(["hello", "Hi Jo", "anyone?"], all.Select(m => m!.Str("originalText")));
        Assert.Equal(["user", "agent", "user"], all.Select(m => m!.Str("authorType")));
        Assert.Equal("ag-5", all[1]!.Str("participantId"));
        var second = interactions[1]!.Str("id");
        var filtered = (await Json.ObjectAsync(await emu.GetAsync($"{path}/messages?interaction-id={second}")))["messages"]!.AsArray();
        Assert.Equal(["anyone?"], filtered.Select(m => m!.Str("originalText")));

        var events = await emu.WaitForEventsAsync("/_receiver/flow", 5);
        Assert.Equal(["QUEUED", "AGENT_JOINED", "TEXT", "AGENT_LEFT", "QUEUED"], Json.EventTypes(events));
        var text = JsonNode.Parse(events[2]!.Str("body"))!;
        Assert.Equal("AGENT", text.Str("messageType"));
        Assert.Equal("Hi Jo", text.Str("message"));
        Assert.Equal("ag-5", text.Str("agentId"));
        Assert.Equal("Ann", text.Str("agentName"));
    }

    [Fact]
    public async Task AgentLeftAndTransferAreDelivered()
    {
        var (emu, _, channel) = await StartWithChannelAsync("agent");
        await using var __ = emu;
        var id = await emu.CreateConversationAsync(channel);
        foreach (var step in new[] { "agent-joined", "transfer", "agent-left" })
            Assert.Equal(202, (int)(await emu.Http.PostAsync($"/_emulator/conversations/{id}/{step}", null)).StatusCode);
        var events = await emu.WaitForEventsAsync("/_receiver/agent", 6);
        Assert.Equal(["QUEUED", "AGENT_JOINED", "AGENT_LEFT", "TRANSFER", "AGENT_JOINED", "AGENT_LEFT"], Json.EventTypes(events));
        Assert.Equal(404, (int)(await emu.Http.PostAsync("/_emulator/conversations/999/agent-joined", null)).StatusCode);
    }

    [Fact]
    public async Task MessageRulesAnd404s()
    {
        var (emu, _, channel) = await StartWithChannelAsync();
        await using var __ = emu;
        var id = await emu.CreateConversationAsync(channel);
        var path = $"{emu.TenantPath}/conversations";
        Assert.Equal(["text"], await Json.ViolationFieldsAsync(await emu.PostAsync($"{path}/{id}/messages", new { authorType = "user" })));
        Assert.Equal(["authorType"], await Json.ViolationFieldsAsync(await emu.PostAsync($"{path}/{id}/messages", new { text = "x", authorType = "agent" })));
        var missing = await Json.ProblemAsync(await emu.GetAsync($"{path}/404404"), 404);
        Assert.Equal("Resource of type Conversation with id 404404 was not found.", missing.Str("message"));
        await Json.ProblemAsync(await emu.GetAsync($"{path}/404404/participants"), 404);
        await Json.ProblemAsync(await emu.GetAsync($"{path}/404404/messages"), 404);
        await Json.ProblemAsync(await emu.PostAsync($"{path}/404404/messages", new { text = "x" }), 404);
        await Json.ProblemAsync(await emu.DeleteAsync($"{path}/404404/participants/customer"), 404);
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }
}
