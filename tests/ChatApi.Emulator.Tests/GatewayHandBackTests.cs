#nullable enable
using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>
/// The post-agent assignment played out: when the agent leaves, the conversation's further events go to the
/// assigned webhook (signed, in its own format), and to the channel's webhook only with notifyChannelWebhookIfExists "true".
/// </summary>
public class GatewayHandBackTests
{
    private sealed record Setup(TestEmulator Emu, string Conversation, string Bot, string ChannelReceiver, string BotReceiver);

    /// <summary>A channel on one Gateway webhook, a second Gateway webhook for the bot, and a conversation an agent has.</summary>
    private static async Task<Setup> StartAsync(string name, Action<Options.EmulatorOptions>? configure = null)
    {
        var emu = await TestEmulator.StartAsync(configure);
        async Task<string> HookAsync(string receiver) => (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Post, "webhooks",
            new { name = receiver, uri = new Uri(emu.BaseUri, $"/_receiver/{receiver}").ToString(), version = TestEmulator.GatewayVersion }))).Str("id");
        var hook = await HookAsync($"{name}-chan");
        var bot = await HookAsync($"{name}-bot");
        var channel = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Post, "channels",
            new { name = "c", webHookId = hook, routingOptions = new { type = "queue", id = "50" } }))).Str("id");
        var id = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Post, "conversations", new { channelId = channel, user = new { name = "Jo" } }))).Str("conversationId");
        await AgentAsync(emu, id, "agent-joined", """{"agentId":"ag-1"}""");
        return new(emu, id, bot, $"/_receiver/{name}-chan", $"/_receiver/{name}-bot");
    }

    private static async Task AgentAsync(TestEmulator emu, string id, string step, string json = "{}")
    {
        using var answer = await emu.Http.PostAsync($"/_emulator/conversations/{id}/{step}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(202, (int)answer.StatusCode);
    }

    private static async Task AssignAsync(Setup s, object? configuration = null)
    {
        using var answer = await s.Emu.GatewayAsync(HttpMethod.Post, $"conversations/{s.Conversation}/post-agent-assignment",
            configuration is null ? new { type = "webhook", id = s.Bot } : new { type = "webhook", id = s.Bot, configuration });
        Assert.Equal(201, (int)answer.StatusCode);
    }

    private static List<JsonNode> Bodies(JsonArray received) => received.Select(r => JsonNode.Parse(r!.Str("body"))!).ToList();

    private static async Task AssertAllSignedAsync(TestEmulator emu, JsonArray received)
    {
        using var rsa = await GatewaySignatures.KeyAsync(emu, received[0]!);
        foreach (var r in received) GatewaySignatures.AssertSigned(r!, rsa);
    }

    private static void AssertHandBack(List<JsonNode> events, string conversation, string bot, string agent = "ag-1")
    {
        Assert.Equal(["MEMBERS_CHANGED", "CONVERSATION_UPDATE"], events.Take(2).Select(e => e.Str("eventType")));
        Assert.All(events, e => Assert.Equal(conversation, e.Str("conversationId")));
        var left = events[0]["data"]!;
        Assert.Equal(("agent", "left", agent), (left.Str("memberType"), left.Str("change"), left.Str("id")));
        var update = events[1]["data"]!;
        Assert.Equal(("webhook", bot), (update["assignment"]!.Str("type"), update["assignment"]!.Str("id")));
        Assert.Equal("idle", update.Str("state"));
    }

    [Fact]
    public async Task TheAgentLeavingHandsTheConversationToTheBotsWebhookAndTheChannelHearsNoMoreUntilItIsMoved()
    {
        var s = await StartAsync("hb");
        await using var __ = s.Emu;
        await AssignAsync(s, new { userTimeoutInMinutes = 30 });
        await AgentAsync(s.Emu, s.Conversation, "agent-left");

        var botReceived = await s.Emu.WaitForEventsAsync(s.BotReceiver, 2);
        AssertHandBack(Bodies(botReceived), s.Conversation, s.Bot);
        await AssertAllSignedAsync(s.Emu, botReceived);
        var read = await Json.ObjectAsync(await s.Emu.GatewayAsync(HttpMethod.Get, $"conversations/{s.Conversation}"));
        Assert.Equal(("webhook", s.Bot), (read["assignment"]!.Str("type"), read["assignment"]!.Str("id")));

        // A move to a queue ends the hand-back: the channel hears it, and nothing of the hand-back before it (deliveries keep their order).
        Assert.Equal(202, (int)(await s.Emu.GatewayAsync(HttpMethod.Patch, $"conversations/{s.Conversation}", new { assignment = new { type = "queue", id = "77" } })).StatusCode);
        var channel = await s.Emu.WaitForEventsAsync(s.ChannelReceiver, 6);
        Assert.Equal(["CONVERSATION_UPDATE", "QUEUED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "CONVERSATION_UPDATE", "QUEUED"], Json.EventTypes(channel));
        Assert.Equal("77", Bodies(channel)[^1]["data"]!.Str("queueId"));
        Assert.Equal(("queue", "77"), (Bodies(channel)[^2]["data"]!["assignment"]!.Str("type"), Bodies(channel)[^2]["data"]!["assignment"]!.Str("id")));
    }

    [Fact]
    public async Task WithNotifyChannelWebhookBothHearTheHandBackAndTheUsersEchoAndTheUserIsNotQueuedAgain()
    {
        var s = await StartAsync("hb-both", o => o.EchoMessages = true);
        await using var __ = s.Emu;
        await AssignAsync(s, new { notifyChannelWebhookIfExists = "true" });
        await AgentAsync(s.Emu, s.Conversation, "agent-left");
        Assert.Equal(202, (int)(await s.Emu.GatewayAsync(HttpMethod.Post, $"conversations/{s.Conversation}/messages", new { authorType = "user", text = "still there?" })).StatusCode);

        var botReceived = await s.Emu.WaitForEventsAsync(s.BotReceiver, 3);
        var bot = Bodies(botReceived);
        AssertHandBack(bot, s.Conversation, s.Bot);
        Assert.Equal(("MESSAGE", "still there?", "user"), (bot[2].Str("eventType"), bot[2]["data"]!.Str("text"), bot[2]["data"]!["sender"]!.Str("type")));
        await AssertAllSignedAsync(s.Emu, botReceived);

        var channelReceived = await s.Emu.WaitForEventsAsync(s.ChannelReceiver, 7);
        Assert.Equal(["CONVERSATION_UPDATE", "QUEUED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "MESSAGE"], Json.EventTypes(channelReceived));
        AssertHandBack(Bodies(channelReceived)[4..], s.Conversation, s.Bot);
        await AssertAllSignedAsync(s.Emu, channelReceived);
        var read = await Json.ObjectAsync(await s.Emu.GatewayAsync(HttpMethod.Get, $"conversations/{s.Conversation}"));
        Assert.Equal(("idle", "webhook"), (read.Str("state"), read["assignment"]!.Str("type")));
    }

    [Fact]
    public async Task ATransferIsNoHandBackTheLastAgentLeavingIsAndAV2BotWebhookHearsItInItsOwnFormat()
    {
        // A V2 bot webhook is seen by the Gateway only in the shared configuration (by default it is no webhook of the Gateway's).
        var s = await StartAsync("hb-transfer", o => o.SharedConfiguration = true);
        await using var __ = s.Emu;
        var v2Bot = (await s.Emu.CreateWebhookAsync("v2-bot", new Uri(s.Emu.BaseUri, "/_receiver/hb-v2-bot").ToString())).Str("id");
        Assert.Equal(201, (int)(await s.Emu.GatewayAsync(HttpMethod.Post, $"conversations/{s.Conversation}/post-agent-assignment", new { type = "webhook", id = v2Bot })).StatusCode);
        await AgentAsync(s.Emu, s.Conversation, "transfer", """{"nextAgentId":"ag-2"}""");
        await AgentAsync(s.Emu, s.Conversation, "agent-left");
        // The V2 webhook hears V2's AGENT_LEFT of the second agent first: the transfer handed nothing back.
        var v2 = Bodies(await s.Emu.WaitForEventsAsync("/_receiver/hb-v2-bot", 1));
        Assert.Equal(("AGENT_LEFT", "ag-2", s.Conversation), (v2[0].Str("eventType"), v2[0].Str("agentId"), v2[0].Str("conversationId")));

        // A move afterwards reaches the channel: before it, the channel heard the transfer and not the last agent leaving.
        Assert.Equal(202, (int)(await s.Emu.GatewayAsync(HttpMethod.Patch, $"conversations/{s.Conversation}", new { assignment = new { type = "queue", id = "77" } })).StatusCode);
        var channel = await s.Emu.WaitForEventsAsync(s.ChannelReceiver, 9);
        Assert.Equal(["CONVERSATION_UPDATE", "QUEUED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "MEMBERS_CHANGED", "TRANSFER", "MEMBERS_CHANGED",
            "CONVERSATION_UPDATE", "QUEUED"], Json.EventTypes(channel));
    }
}
