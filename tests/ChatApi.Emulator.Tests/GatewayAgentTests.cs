#nullable enable
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Options;
using ChatApi.Emulator.Tests.Support;

namespace ChatApi.Emulator.Tests;

/// <summary>
/// Gateway conversations played from the test endpoints and the parts of a Gateway webhook's events beyond
/// the basics: streamed multipart uploads, agent cards and read receipts, quick-reply actions, msisdn, echoes.
/// </summary>
public class GatewayAgentTests
{
    private static async Task<(TestEmulator Emu, string Conversation, string Receiver)> StartAsync(string receiver, Action<EmulatorOptions>? configure = null, object? user = null)
    {
        var emu = await TestEmulator.StartAsync(configure);
        var hook = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Post, "webhooks",
            new { name = "gw", uri = new Uri(emu.BaseUri, $"/_receiver/{receiver}").ToString(), version = "Chat Gateway v1.0" }))).Str("id");
        var channel = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Post, "channels",
            new { name = "c", webHookId = hook, routingOptions = new { type = "queue", id = "50" } }))).Str("id");
        using var created = await emu.GatewayAsync(HttpMethod.Post, "conversations", new { channelId = channel, user = user ?? new { name = "Jo" } });
        Assert.Equal(202, (int)created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.Str("conversationId");
        return (emu, id, $"/_receiver/{receiver}");
    }

    private static async Task<List<JsonNode>> EventsAsync(TestEmulator emu, string receiver, int count) =>
        (await emu.WaitForEventsAsync(receiver, count)).Select(e => JsonNode.Parse(e!.Str("body"))!).ToList();

    private static async Task<HttpResponseMessage> UploadAsync(TestEmulator emu, string id, HttpContent file, string? fileNameStar = null, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"attachment\"", FileName = "\"report.bin\"", FileNameStar = fileNameStar };
        form.Add(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/chat-gateway/v1/conversations/{id}/attachments") { Content = form };
        request.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        return await emu.Http.SendAsync(request);
    }

    [Fact]
    public async Task AMultipartUploadIsReadPartByPartAndKeepsItsBytesAndItsRfc5987Name()
    {
        var (emu, id, _) = await StartAsync("gw-up");
        await using var __ = emu;
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        // A stream of unknown length: sent chunked, so the emulator cannot have sized a buffer from Content-Length.
        using var answer = await UploadAsync(emu, id, new StreamContent(new NoLengthStream(bytes)), "Résumé.bin", ("authorType", "bot"));
        var uploaded = await Json.ObjectAsync(answer);
        Assert.Equal(("Résumé.bin", bytes.LongLength), (uploaded.Str("filename"), uploaded["sizeInBytes"]!.GetValue<long>()));
        using var content = await emu.GatewayAsync(HttpMethod.Get, $"conversations/{id}/attachments/{uploaded.Str("id")}/content");
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync());

        var refused = await Json.ProblemAsync(await UploadAsync(emu, id, new ByteArrayContent([1]), null, ("colour", "red"), ("authorType", "agent")), 400);
        var errors = refused["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.StartsWith("colour:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("authorType:", StringComparison.Ordinal));
        Assert.Single((await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Get, $"conversations/{id}/attachments")))["_embedded"]!["attachments"]!.AsArray());
        await __.TakeBrokenRequestsAsync();   // sent on purpose: each refused, no answer broke the contract
    }

    [Fact]
    public async Task TheAgentSendsCardsAndTheyArriveAsMessageCardsAndStayOnTheMessage()
    {
        var (emu, id, receiver) = await StartAsync("gw-agent-card");
        await using var __ = emu;
        var json = """{"agentId":"ag-7","message":"Choose","cards":[{"contentType":"application/8x8.quick.replies","content":{"replies":["Yes","No"]}}]}""";
        using var sent = await emu.Http.PostAsync($"/_emulator/conversations/{id}/card", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(202, (int)sent.StatusCode);
        var message = (await EventsAsync(emu, receiver, 3)).Single(e => e.Str("eventType") == "MESSAGE");
        Assert.Equal(("ag-7", "agent", "Choose"), (message["data"]!["sender"]!.Str("id"), message["data"]!["sender"]!.Str("type"), message["data"]!.Str("text")));
        var card = Assert.Single(message["data"]!["cards"]!.AsArray())!;
        Assert.Equal(("application/8x8.quick.replies", "No"), (card.Str("contentType"), card["content"]!["replies"]![1]!.GetValue<string>()));

        var messageId = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!.Str("messageId");
        var cards = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Get, $"conversations/{id}/messages/{messageId}/cards")))["_embedded"]!["cards"]!.AsArray();
        var cardId = Assert.Single(cards)!.Str("id");
        // The customer picks a quick reply: the card action reaches the webhook as quickReply/action, not adaptiveCard/action.
        using var pick = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tenant/acme/conversations/{id}/cards/{cardId}/action-submit")
        {
            Content = new StringContent("""{"name":"Yes"}""", Encoding.UTF8, "application/json"),
        };
        pick.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        Assert.Equal(204, (int)(await emu.Http.SendAsync(pick)).StatusCode);
        var activity = (await EventsAsync(emu, receiver, 4)).Single(e => e.Str("eventType") == "ACTIVITY");
        Assert.Equal(("quickReply/action", cardId, "Yes"), (activity["data"]!.Str("name"), activity["data"]!["value"]!.Str("cardId"), activity["data"]!["value"]!.Str("name")));

        var bad = await Json.ProblemAsync(await emu.Http.PostAsync($"/_emulator/conversations/{id}/card",
            new StringContent("""{"cards":[{"contentType":"text/html","content":{}}]}""", Encoding.UTF8, "application/json")), 400);
        Assert.Contains("cards[0].contentType", bad.ToJsonString());
    }

    [Fact]
    public async Task TheAgentsReadReceiptReachesAGatewayWebhookAsActivity()
    {
        var (emu, id, receiver) = await StartAsync("gw-read");
        await using var __ = emu;
        using var sent = await emu.Http.PostAsync($"/_emulator/conversations/{id}/read-receipt",
            new StringContent("""{"agentId":"ag-2","readAt":"1770200431963"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(202, (int)sent.StatusCode);
        var activity = (await EventsAsync(emu, receiver, 3)).Single(e => e.Str("eventType") == "ACTIVITY");
        Assert.Equal("read-receipts", activity["data"]!.Str("name"));
        Assert.Equal(["ag-2"], activity["data"]!["value"]!["users"]!.AsArray().Select(u => u!.Str("id")));
        Assert.Equal(1770200431963, activity["data"]!["value"]!["readAt"]!.GetValue<long>());
    }

    [Fact]
    public async Task ConversationUpdateCarriesTheUsersPhoneAsMsisdnAndLeavesItOutWhenThereIsNone()
    {
        var (emu, _, receiver) = await StartAsync("gw-msisdn", user: new { name = "Jo", phone = "+15550100" });
        await using var __ = emu;
        var update = (await EventsAsync(emu, receiver, 1)).First(e => e.Str("eventType") == "CONVERSATION_UPDATE");
        Assert.Equal("+15550100", update["data"]!.Str("msisdn"));

        var (other, _, otherReceiver) = await StartAsync("gw-no-msisdn");
        await using var ___ = other;
        var none = (await EventsAsync(other, otherReceiver, 1)).First(e => e.Str("eventType") == "CONVERSATION_UPDATE");
        Assert.False(none["data"]!.AsObject().ContainsKey("msisdn"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AMessageSentThroughTheApiComesBackAsAnEchoOnlyUnderEchoMessages(bool echo)
    {
        var (emu, id, receiver) = await StartAsync(echo ? "gw-echo" : "gw-no-echo", o => o.EchoMessages = echo);
        await using var __ = emu;
        var uploaded = await Json.ObjectAsync(await UploadAsync(emu, id, new ByteArrayContent(Encoding.UTF8.GetBytes("hello file"))));
        using var sent = await emu.GatewayAsync(HttpMethod.Post, $"conversations/{id}/messages",
            new { authorType = "user", text = "see file", attachments = new[] { new { id = uploaded.Str("id") } } });
        Assert.Equal(202, (int)sent.StatusCode);
        // An agent's text afterwards marks the end: once it arrived, an echo would have too (deliveries keep their order).
        await emu.Http.PostAsync($"/_emulator/conversations/{id}/text", new StringContent("""{"message":"got it"}""", Encoding.UTF8, "application/json"));
        var events = await EventsAsync(emu, receiver, echo ? 4 : 3);
        var messages = events.Where(e => e.Str("eventType") == "MESSAGE").ToList();
        Assert.Equal(echo ? ["see file", "got it"] : ["got it"], messages.Select(m => m["data"]!.Str("text")));
        Assert.All(messages, m => Assert.Equal(m["data"]!.Str("text") == "see file", m["data"]!["isEcho"]!.GetValue<bool>()));
        if (!echo) return;
        var file = Assert.Single(messages[0]["data"]!["attachments"]!.AsArray())!;
        Assert.Equal(("report.bin", "user"), (file.Str("fileName"), messages[0]["data"]!["sender"]!.Str("type")));
        Assert.Equal("hello file", await emu.Http.GetStringAsync(file.Str("preSignedUrl")));
    }

    [Fact]
    public async Task TheAgentsFileMayCarryATextAndItsMessageNamesTheAttachment()
    {
        var (emu, id, receiver) = await StartAsync("gw-agent-file");
        await using var __ = emu;
        using var sent = await emu.Http.PostAsync($"/_emulator/conversations/{id}/attachment?fileName=plan.pdf&text=Here%20is%20the%20plan",
            new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("application/pdf") } });
        var attachmentId = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!.Str("attachmentId");
        var message = (await EventsAsync(emu, receiver, 3)).Single(e => e.Str("eventType") == "MESSAGE");
        Assert.Equal(("Here is the plan", attachmentId), (message["data"]!.Str("text"), message["data"]!["attachments"]![0]!.Str("id")));
        var listed = (await Json.ObjectAsync(await emu.GatewayAsync(HttpMethod.Get, $"conversations/{id}/messages")))["_embedded"]!["messages"]!.AsArray();
        Assert.Equal(attachmentId, listed.Last()!["attachments"]![0]!.Str("id"));
    }

    /// <summary>A readable stream that does not tell its length (HttpClient then sends the body chunked).</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
