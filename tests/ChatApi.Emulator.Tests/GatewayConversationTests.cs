#nullable enable
using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>Gateway conversations, messages, participants and indicators, checked strictly, over the state the V2 paths share.</summary>
public class GatewayConversationTests
{
    private static readonly HttpMethod Get = HttpMethod.Get, Post = HttpMethod.Post, Put = HttpMethod.Put, Patch = HttpMethod.Patch;

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response, int status = 200)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : (JsonObject)JsonNode.Parse(text)!;
    }

    private static async Task<List<string>> ViolationsAsync(HttpResponseMessage response)
    {
        var body = await Json.ProblemAsync(response, 400);
        Assert.NotNull(body["validations"]);
        return body["errors"]!.AsArray().Select(e => e!.GetValue<string>()).Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToList();
    }

    private static async Task<(TestEmulator Emu, string Channel, string Hook)> StartAsync(string receiver = "gw-conv")
    {
        var emu = await TestEmulator.StartAsync();
        var hook = (await OkAsync(await emu.GatewayAsync(Post, "webhooks",
            new { name = "gw", uri = new Uri(emu.BaseUri, $"/_receiver/{receiver}").ToString(), version = "Chat Gateway v1.0" }))).Str("id");
        var channel = (await OkAsync(await emu.GatewayAsync(Post, "channels", new { name = "c", webHookId = hook, routingOptions = new { type = "queue", id = "50" } }))).Str("id");
        return (emu, channel, hook);
    }

    private static async Task<string> CreateAsync(TestEmulator emu, string channel, object? user = null, object? extra = null)
    {
        var created = await OkAsync(await emu.GatewayAsync(Post, "conversations", extra ?? new
        {
            channelId = channel,
            user = user ?? new { name = "Jo", email = "jo@example.com", customerId = "cu-1", additionalProperties = new[] { new { key = "plan", value = "gold" } } },
            history = new { messages = new object[] { new { authorType = "bot", text = "Hi, I am the bot" }, new { authorType = "user", text = "I need help" } } },
        }), 202);
        Assert.False(string.IsNullOrEmpty(created.Str("createdAt")));
        return created.Str("conversationId");
    }

    [Fact]
    public async Task CreateIs202AndTheConversationIsSeenThroughBothApis()
    {
        var (emu, channel, _) = await StartAsync();
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        var got = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}"));
        Assert.Equal(channel, got.Str("channelId"));
        Assert.Equal(("queue", "50"), (got["assignment"]!.Str("type"), got["assignment"]!.Str("id")));
        Assert.Equal("Jo", got["user"]!.Str("name"));
        Assert.Equal("gold", got["user"]!["additionalProperties"]![0]!.Str("value"));
        Assert.Equal("created", got.Str("state"));
        var v2 = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}"));
        Assert.Equal("gold", v2["customer"]!.Str("plan"));

        var list = await OkAsync(await emu.GatewayAsync(Get, "conversations?filter=" + Uri.EscapeDataString("user.email==jo@*")));
        Assert.Equal([id], list["_embedded"]!["conversations"]!.AsArray().Select(c => c!.Str("id")));
        Assert.Equal(1, list["page"]!["totalElements"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"user":{"name":"Jo"}}""", "channelId")]
    [InlineData("""{"channelId":"1"}""", "user")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo","nickname":"J"}}""", "user.nickname")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"customer":{"name":"Jo"}}""", "customer")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"assignment":{"type":"agent","id":"1"}}""", "assignment.type")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"history":{"messages":[{"text":"x"}]}}""", "history.messages[0].authorType")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"history":{"messages":[{"authorType":"user"}]}}""", "history.messages[0].text")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo","additionalProperties":[{"key":"a","value":"b","x":1}]}}""", "user.additionalProperties[0].x")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"history":{"messages":[{"authorType":"user","text":"t","externalProvider":{"name":"X","externalMessageId":"1"}}]}}""", "history.messages[0].externalProvider")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"history":{"messages":[{"authorType":"user","externalProvider":{"name":"Y","externalMessageId":"1"}}]}}""", "history.messages[0].externalProvider.name")]
    [InlineData("""{"channelId":"1","user":{"name":"Jo"},"history":{"messages":[{"authorType":"user","text":"t"}]},"externalProvider":{}}""", "externalProvider")]
    public async Task CreateRequestsAreCheckedStrictly(string body, string field)
    {
        var (emu, _, _) = await StartAsync();
        await using var __ = emu;
        Assert.Contains(field, await ViolationsAsync(await emu.GatewayAsync(Post, "conversations", body)));
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task HistoryMayRehydrateAnExternalProvidersMessage()
    {
        var (emu, channel, _) = await StartAsync();
        await using var __ = emu;
        await OkAsync(await emu.GatewayAsync(Post, "conversations", new
        {
            channelId = channel, user = new { name = "Jo" },
            history = new { messages = new object[] { new { authorType = "user", externalProvider = new { name = "X", externalMessageId = "1234567890" } } } },
        }), 202);
    }

    [Fact]
    public async Task AtMost30AdditionalPropertiesAnd200HistoryMessages()
    {
        var (emu, channel, _) = await StartAsync();
        await using var __ = emu;
        var props = Enumerable.Range(0, 31).Select(i => new { key = $"k{i}", value = "v" }).ToArray();
        Assert.Equal(["user.additionalProperties"], await ViolationsAsync(await emu.GatewayAsync(Post, "conversations", new { channelId = channel, user = new { name = "Jo", additionalProperties = props } })));
        var history = Enumerable.Range(0, 201).Select(i => new { authorType = "user", text = $"m{i}" }).ToArray();
        Assert.Equal(["history.messages"], await ViolationsAsync(await emu.GatewayAsync(Post, "conversations", new { channelId = channel, user = new { name = "Jo" }, history = new { messages = history } })));
    }

    [Fact]
    public async Task MessagesArePagedWithIdsTimesAndAuthors()
    {
        var (emu, channel, _) = await StartAsync();
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        await OkAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { authorType = "user", text = "third" }), 202);
        Assert.Equal(["authorType"], await ViolationsAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { text = "no author" })));
        Assert.Equal(["colour"], await ViolationsAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { authorType = "user", text = "x", colour = 1 })));
        var page = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages?size=2"));
        var messages = page["_embedded"]!["messages"]!.AsArray();
        Assert.Equal(["Hi, I am the bot", "I need help"], messages.Select(m => m!.Str("text")));
        Assert.Equal(["bot", "user"], messages.Select(m => m!["author"]!.Str("type")));
        Assert.Equal(3, page["page"]!["totalElements"]!.GetValue<int>());
        Assert.All(messages, m => Assert.False(string.IsNullOrEmpty(m!.Str("createdAt"))));
        var one = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages/{messages[1]!.Str("id")}"));
        Assert.Equal("I need help", one.Str("text"));
        await Json.ProblemAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages/nope"), 404);
        var desc = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages?sort=createdAt:desc&size=1"));
        Assert.Equal("third", desc["_embedded"]!["messages"]![0]!.Str("text"));
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task ParticipantsInteractionsAndTheUserLeaving()
    {
        var (emu, channel, _) = await StartAsync("gw-leave");
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        await emu.Http.PostAsync($"/_emulator/conversations/{id}/agent-joined", new StringContent("""{"agentId":"ag-1"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("active", (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}"))).Str("state"));
        Assert.Equal(["removed"], await ViolationsAsync(await emu.GatewayAsync(Patch, $"conversations/{id}/participants/user", new { removed = false })));
        await OkAsync(await emu.GatewayAsync(Patch, $"conversations/{id}/participants/user", new { removed = true }), 204);
        var participants = (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/participants")))["_embedded"]!["participants"]!.AsArray();
        Assert.Equal([("cu-1", "user", true), ("ag-1", "agent", true)], participants.Select(p => (p!.Str("id"), p!.Str("type"), p!["removed"]!.GetValue<bool>())));
        Assert.Equal("idle", (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}"))).Str("state"));
        var interactions = (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/interactions")))["_embedded"]!["interactions"]!.AsArray();
        Assert.NotNull(Assert.Single(interactions)!["endTime"]);
        var events = (await emu.WaitForEventsAsync("/_receiver/gw-leave", 7)).Select(e => JsonNode.Parse(e!.Str("body"))!).ToList();
        Assert.Equal(["CONVERSATION_UPDATE", "QUEUED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE", "MEMBERS_CHANGED", "MEMBERS_CHANGED", "CONVERSATION_UPDATE"],
            events.Select(e => e.Str("eventType")));
        Assert.Equal(("user", "left", "cu-1"), (events[4]["data"]!.Str("memberType"), events[4]["data"]!.Str("change"), events[4]["data"]!.Str("id")));
        Assert.Equal(("agent", "left", "ag-1"), (events[5]["data"]!.Str("memberType"), events[5]["data"]!.Str("change"), events[5]["data"]!.Str("id")));
        Assert.Equal(["created", "active", "idle"], events.Where(e => e.Str("eventType") == "CONVERSATION_UPDATE").Select(e => e["data"]!.Str("state")));
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task PatchAndPutMoveTheConversationToAnotherQueueOrScript()
    {
        var (emu, channel, _) = await StartAsync("gw-move");
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        await OkAsync(await emu.GatewayAsync(Patch, $"conversations/{id}", new { assignment = new { type = "queue", id = "77" } }), 202);
        var events = (await emu.WaitForEventsAsync("/_receiver/gw-move", 3)).Select(e => JsonNode.Parse(e!.Str("body"))!).Where(e => e.Str("eventType") == "QUEUED").ToList();
        Assert.Equal(["50", "77"], events.Select(e => e["data"]!.Str("queueId")));
        await OkAsync(await emu.GatewayAsync(Patch, $"conversations/{id}", new { user = new { phone = "+1555" } }), 202);
        var got = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}"));
        Assert.Equal(("+1555", "Jo"), (got["user"]!.Str("phone"), got["user"]!.Str("name")));
        await OkAsync(await emu.GatewayAsync(Put, $"conversations/{id}", new { channelId = channel, user = new { name = "Jo Replaced" }, assignment = new { type = "script", id = "s-9" } }), 202);
        got = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}"));
        Assert.Equal(("script", "s-9", "Jo Replaced"), (got["assignment"]!.Str("type"), got["assignment"]!.Str("id"), got["user"]!.Str("name")));
        Assert.Null(got["user"]!["phone"]);
        Assert.Equal(["assignment"], await ViolationsAsync(await emu.GatewayAsync(Patch, $"conversations/{id}", new { })));
        Assert.Equal(["channelId"], await ViolationsAsync(await emu.GatewayAsync(Patch, $"conversations/{id}", new { channelId = channel })));
        await Json.ProblemAsync(await emu.GatewayAsync(Patch, "conversations/404404", new { assignment = new { id = "1" } }), 404);
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task IndicatorsAndPostAgentAssignmentAreCheckedAndAnswered()
    {
        var (emu, channel, hook) = await StartAsync();
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        var path = $"conversations/{id}";
        Assert.Equal(204, (int)(await emu.GatewayAsync(Post, $"{path}/typing", new { authorType = "bot" })).StatusCode);
        Assert.Equal(["authorType"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/typing", new { authorType = "agent" })));
        Assert.Equal(204, (int)(await emu.GatewayAsync(Post, $"{path}/thinking", new { maxThinkingTimeSeconds = 600 })).StatusCode);
        Assert.Equal(204, (int)(await emu.GatewayAsync(Post, $"{path}/thinking")).StatusCode);
        Assert.Equal(["maxThinkingTimeSeconds"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/thinking", new { maxThinkingTimeSeconds = 601 })));
        Assert.Equal(["authorType"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/thinking", new { authorType = "user" })));
        Assert.Equal(204, (int)(await emu.GatewayAsync(Post, $"{path}/read-receipt", new { authorType = "user", readAt = 1770200431963 })).StatusCode);
        Assert.Equal(["readAt"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/read-receipt", new { authorType = "user" })));
        Assert.Equal(201, (int)(await emu.GatewayAsync(Post, $"{path}/post-agent-assignment", new { type = "webhook", id = hook, configuration = new { maxTotalMinutes = 300 } })).StatusCode);
        Assert.Equal(["configuration.maxTotalMinutes"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/post-agent-assignment", new { type = "webhook", id = hook, configuration = new { maxTotalMinutes = 5 } })));
        Assert.Equal(["id"], await ViolationsAsync(await emu.GatewayAsync(Post, $"{path}/post-agent-assignment", new { type = "webhook", id = "999" })));
        await Json.ProblemAsync(await emu.GatewayAsync(Post, "conversations/404404/typing", new { authorType = "bot" }), 404);
        await emu.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task AttachmentsUploadListAndDownloadWithTheirBytes()
    {
        var (emu, channel, _) = await StartAsync();
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes) { Headers = { ContentType = new("image/png") } }, "attachment", "photo.png" },
            { new StringContent("user"), "authorType" },
        };
        using var request = new HttpRequestMessage(Post, $"/chat-gateway/v1/conversations/{id}/attachments") { Content = form };
        request.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        var created = await OkAsync(await emu.Http.SendAsync(request));
        Assert.Equal(("photo.png", 300_000L, "image/png"), (created.Str("filename"), created["sizeInBytes"]!.GetValue<long>(), created.Str("type")));
        var attachmentId = created.Str("id");

        var list = await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/attachments"));
        Assert.Equal([attachmentId], list["_embedded"]!["attachments"]!.AsArray().Select(a => a!.Str("id")));
        using var content = await emu.GatewayAsync(Get, $"conversations/{id}/attachments/{attachmentId}/content");
        Assert.Equal("application/octet-stream", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("photo.png", content.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync());
        await Json.ProblemAsync(await emu.GatewayAsync(Get, $"conversations/{id}/attachments/nope"), 404);

        await OkAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { authorType = "user", attachments = new[] { new { id = attachmentId } } }), 202);
        Assert.Equal(["attachments"], await ViolationsAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { authorType = "user", attachments = new[] { new { id = "nope" } } })));
        // The upload takes multipart/form-data only: JSON is 415, as a strict server answers it.
        Assert.Equal(415, (int)(await emu.GatewayAsync(Post, $"conversations/{id}/attachments", new { })).StatusCode);
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task AnAgentsFileReachesAGatewayWebhookWithAPreSignedUrlTheEmulatorServes()
    {
        var (emu, channel, _) = await StartAsync("gw-file");
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 pretend");
        using var sent = await emu.Http.PostAsync($"/_emulator/conversations/{id}/attachment?fileName=invoice.pdf&agentId=ag-3",
            new ByteArrayContent(bytes) { Headers = { ContentType = new("application/pdf") } });
        Assert.Equal(202, (int)sent.StatusCode);
        var message = (await emu.WaitForEventsAsync("/_receiver/gw-file", 3)).Select(e => JsonNode.Parse(e!.Str("body"))!).Single(e => e.Str("eventType") == "MESSAGE");
        var attachment = message["data"]!["attachments"]![0]!;
        Assert.Equal(("invoice.pdf", "application/pdf"), (attachment.Str("fileName"), attachment.Str("type")));
        Assert.Equal("ag-3", message["data"]!["sender"]!.Str("id"));
        Assert.Equal(bytes, await emu.Http.GetByteArrayAsync(attachment.Str("preSignedUrl")));
        Assert.Equal(404, (int)(await emu.Http.GetAsync("/_files/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task CardsAreKeptOnTheirMessageAndCardActionsSetTheFlagAndSendActivity()
    {
        var (emu, channel, _) = await StartAsync("gw-cards");
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        var card = new { contentType = "application/vnd.microsoft.card.adaptive", content = new { type = "AdaptiveCard", version = "1.6", body = new[] { new { type = "TextBlock", text = "Pick one" } } } };
        await OkAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages", new { authorType = "bot", cards = new[] { card } }), 202);
        Assert.Equal(["cards[0].contentType"], await ViolationsAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages",
            new { authorType = "bot", cards = new[] { new { contentType = "text/html", content = new { } } } })));
        Assert.Equal(["cards[0].content"], await ViolationsAsync(await emu.GatewayAsync(Post, $"conversations/{id}/messages",
            new { authorType = "bot", cards = new[] { new { contentType = "Buttons" } } })));

        var messages = (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages")))["_embedded"]!["messages"]!.AsArray();
        var withCard = messages.Last()!;
        var cards = (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages/{withCard.Str("id")}/cards")))["_embedded"]!["cards"]!.AsArray();
        var cardId = Assert.Single(cards)!.Str("id");
        Assert.Equal("Pick one", cards[0]!["content"]!["body"]![0]!.Str("text"));
        Assert.False(cards[0]!["actionSubmitted"]!.GetValue<bool>());

        using var submit = new HttpRequestMessage(Put, $"/api/v1/tenant/acme/conversations/{id}/cards/{cardId}/action-submit")
        {
            Content = new StringContent("""{"name":"8x8"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        submit.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        Assert.Equal(204, (int)(await emu.Http.SendAsync(submit)).StatusCode);
        cards = (await OkAsync(await emu.GatewayAsync(Get, $"conversations/{id}/messages/{withCard.Str("id")}/cards")))["_embedded"]!["cards"]!.AsArray();
        Assert.True(cards[0]!["actionSubmitted"]!.GetValue<bool>());
        Assert.False(cards[0]!["actionExecuted"]!.GetValue<bool>());
        var activity = (await emu.WaitForEventsAsync("/_receiver/gw-cards", 3)).Select(e => JsonNode.Parse(e!.Str("body"))!).Single(e => e.Str("eventType") == "ACTIVITY");
        Assert.Equal(("adaptiveCard/action", cardId, "submit", "8x8"), (activity["data"]!.Str("name"), activity["data"]!["value"]!.Str("cardId"),
            activity["data"]!["value"]!.Str("action"), activity["data"]!["value"]!.Str("name")));

        // A body the action takes, so each answer is about the key, the card or the tenant alone.
        StringContent Body() => new("""{"name":"8x8"}""", System.Text.Encoding.UTF8, "application/json");
        using var unauthenticated = new HttpRequestMessage(Put, $"/api/v1/tenant/acme/conversations/{id}/cards/{cardId}/action-submit") { Content = Body() };
        Assert.Equal(401, (int)(await emu.Http.SendAsync(unauthenticated)).StatusCode);
        using var unknown = new HttpRequestMessage(Put, $"/api/v1/tenant/acme/conversations/{id}/cards/nope/action-submit") { Content = Body() };
        unknown.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        Assert.Equal(404, (int)(await emu.Http.SendAsync(unknown)).StatusCode);
        using var otherTenant = new HttpRequestMessage(Put, $"/api/v1/tenant/globex/conversations/{id}/cards/{cardId}/action-submit") { Content = Body() };
        otherTenant.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        Assert.Equal(403, (int)(await emu.Http.SendAsync(otherTenant)).StatusCode);
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task TheAgentTypingReachesGatewayWebhooksAsActivity()
    {
        var (emu, channel, _) = await StartAsync("gw-typing");
        await using var __ = emu;
        var id = await CreateAsync(emu, channel);
        foreach (var json in new[] { """{"agentId":"ag-4"}""", """{"agentId":"ag-4","stopped":"true"}""" })
            Assert.Equal(202, (int)(await emu.Http.PostAsync($"/_emulator/conversations/{id}/typing", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var typing = (await emu.WaitForEventsAsync("/_receiver/gw-typing", 4)).Select(e => JsonNode.Parse(e!.Str("body"))!).Where(e => e.Str("eventType") == "ACTIVITY").ToList();
        Assert.All(typing, t => Assert.Equal("typing", t["data"]!.Str("name")));
        Assert.Equal(["ag-4"], typing[0]["data"]!["value"]!["users"]!.AsArray().Select(u => u!.Str("id")));
        Assert.Empty(typing[1]["data"]!["value"]!["users"]!.AsArray());
    }
}
