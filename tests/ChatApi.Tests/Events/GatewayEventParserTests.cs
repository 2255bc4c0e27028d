using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Tests.Events;

/// <summary>The Chat Gateway's envelope {eventType, conversationId, timestamp, data} read into typed events.</summary>
public class GatewayEventParserTests
{
    private static WebhookEvent Parse(string body) => WebhookEventParser.Parse(body, WebhookHeaders.From(new Dictionary<string, string> { ["x-8x8-signature"] = "eyJ..c2ln" }));

    private static string Envelope(string eventType, string data) =>
        "{\"eventType\":\"" + eventType + "\",\"conversationId\":\"c-9\",\"timestamp\":1767225600000" + (data == null ? "" : ",\"data\":" + data) + "}";

    private static void AssertGateway(WebhookEvent e, string eventType)
    {
        Assert.Equal(eventType, e.EventType);
        Assert.Equal("c-9", e.ConversationId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600000), e.Timestamp);
        Assert.Equal("Gateway", e.Api);
        Assert.Equal("Chat Gateway v1.0", e.NotificationVersion);
        Assert.Null(e.MessageType);
    }

    [Fact]
    public void QueuedReadsTheQueueUnderData()
    {
        var e = Assert.IsType<QueuedEvent>(Parse(Envelope("QUEUED", "{\"queueId\":\"7\",\"queueName\":\"Sales\"}")));
        AssertGateway(e, "QUEUED");
        Assert.Equal("7", e.QueueId);
        Assert.Equal("Sales", e.QueueName);
    }

    [Fact]
    public void ConversationUpdateReadsStateAssignmentAndUser()
    {
        var e = Assert.IsType<ConversationUpdateEvent>(Parse(Envelope("CONVERSATION_UPDATE",
            "{\"state\":\"active\",\"assignment\":{\"type\":\"agent\",\"id\":\"a-1\",\"resourceId\":\"7\"},\"user\":{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"additionalProperties\":[{\"key\":\"plan\",\"value\":\"gold\"}]},\"msisdn\":\"+15550100\",\"channel\":\"12\"}")));
        AssertGateway(e, "CONVERSATION_UPDATE");
        Assert.Equal("active", e.State);
        Assert.Equal(("agent", "a-1", "7"), (e.AssignmentType, e.AssignmentId, e.AssignmentResourceId));
        Assert.Equal("Ann", e.User["name"]);
        Assert.Equal("gold", e.User["plan"]);
        Assert.False(e.User.ContainsKey("additionalProperties"));
        Assert.Equal("+15550100", e.Msisdn);
        Assert.Equal("12", e.Channel);
    }

    [Fact]
    public void MembersChangedReadsWhoAndHow()
    {
        var e = Assert.IsType<MembersChangedEvent>(Parse(Envelope("MEMBERS_CHANGED", "{\"memberType\":\"agent\",\"change\":\"joined\",\"id\":\"a-1\"}")));
        AssertGateway(e, "MEMBERS_CHANGED");
        Assert.Equal(("agent", "joined", "a-1"), (e.MemberType, e.Change, e.MemberId));
    }

    [Fact]
    public void TransferHasNoData()
    {
        var e = Assert.IsType<TransferEvent>(Parse(Envelope("TRANSFER", null)));
        AssertGateway(e, "TRANSFER");
        Assert.Null(e.AgentId);
    }

    [Fact]
    public void V2TransferStaysV2()
    {
        var e = Assert.IsType<TransferEvent>(WebhookEventParser.Parse("{\"eventType\":\"TRANSFER\",\"conversationId\":\"c\",\"messageType\":\"SYSTEM\",\"queueId\":\"3\"}"));
        Assert.Equal("V2", e.Api);
        Assert.Equal("v1.0", e.NotificationVersion);
        Assert.Equal("3", e.QueueId);
    }

    [Fact]
    public void MessageReadsSenderTextAttachmentsAndCards()
    {
        var e = Assert.IsType<MessageEvent>(Parse(Envelope("MESSAGE",
            "{\"isEcho\":false,\"sender\":{\"id\":\"a-1\",\"type\":\"agent\"},\"text\":\"Hello\",\"attachments\":[{\"id\":\"f-1\",\"type\":\"image/png\",\"preSignedUrl\":\"https://files.example/f-1\",\"fileName\":\"a.png\"}],\"cards\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{\"type\":\"AdaptiveCard\"}}]}")));
        AssertGateway(e, "MESSAGE");
        Assert.False(e.IsEcho);
        Assert.Equal(("a-1", "agent", "Hello"), (e.SenderId, e.SenderType, e.Text));
        var file = Assert.Single(e.Attachments);
        Assert.Equal(("f-1", "image/png", "a.png", "https://files.example/f-1"), (file.Id, file.Type, file.FileName, file.PreSignedUrl));
        var card = Assert.Single(e.Cards);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Equal("{\"type\":\"AdaptiveCard\"}", card.ContentJson);
    }

    [Theory]
    [InlineData("typing", "{\"users\":[{\"id\":\"a-1\"}]}", "a-1")]
    [InlineData("typing", "{\"users\":[]}", "")]
    [InlineData("adaptiveCard/action", "{\"cardId\":\"k\",\"action\":\"submit\"}", "")]
    [InlineData("quickReply/action", "{\"text\":\"Yes\"}", "")]
    [InlineData("read-receipts", "{\"readAt\":1767225600000}", "")]
    [InlineData("whatsapp/reaction", "{\"emoji\":\"+1\"}", "")]
    public void ActivityKeepsItsNameAndValue(string name, string value, string users)
    {
        var e = Assert.IsType<ActivityEvent>(Parse(Envelope("ACTIVITY", "{\"name\":\"" + name + "\",\"value\":" + value + "}")));
        AssertGateway(e, "ACTIVITY");
        Assert.Equal(name, e.Name);
        Assert.Equal(value, e.ValueJson);
        Assert.Equal(users, string.Join(",", e.Users));
    }

    [Fact]
    public void VerifyForTheGatewayHasNoConversation()
    {
        var e = Assert.IsType<WebhookVerifyEvent>(WebhookEventParser.Parse("{\"notificationVersion\":\"Chat Gateway v1.0\",\"eventType\":\"WEB_HOOK_VERIFY\"}"));
        Assert.Equal("Gateway", e.Api);
        Assert.Equal("Chat Gateway v1.0", e.NotificationVersion);
        Assert.Null(e.ConversationId);
        Assert.Null(e.Timestamp);
    }

    [Theory]
    [InlineData("MESSAGE", "\"not an object\"")]
    [InlineData("QUEUED", "[1,2]")]
    [InlineData("SOMETHING_NEW", "{\"x\":1}")]
    [InlineData("ACTIVITY", null)]
    public void AnUnknownShapeIsAnUnknownEventWithItsBody(string eventType, string data)
    {
        string body = Envelope(eventType, data);
        var e = Assert.IsType<UnknownEvent>(Parse(body));
        Assert.Equal(eventType, e.EventType);
        Assert.Equal(body, e.RawJson);
        Assert.Equal("Gateway", e.Api);
    }
}
