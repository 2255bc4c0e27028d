using ChatApi.Engine.Events;
using ChatApi.Engine.Signatures;
using ChatApi.Events;

namespace ChatApi.Tests.Events;

public class WebhookEventParserTests
{
    private static readonly Dictionary<string, string> SignedHeaders = new()
    {
        ["X-8x8-Tenant-Id"] = "tenant-1",
        ["x-8x8-customer-id"] = "customer-1",
        ["x-8x8-event-id"] = "evt-1",
        ["x-8x8-retry"] = "2",
        ["x-8x8-transmission-time"] = "1767225600500",
        ["x-8x8-signature"] = "eyJ..c2ln",
    };

    private static WebhookEvent Parse(string body, Dictionary<string, string> headers = null) =>
        WebhookEventParser.Parse(body, headers == null ? null : WebhookHeaders.From(headers));

    [Fact]
    public void QueuedEvent()
    {
        var e = Assert.IsType<QueuedEvent>(Parse("{\"eventType\":\"QUEUED\",\"conversationId\":\"c-1\",\"queueId\":7,\"queueName\":\"Sales\",\"messageType\":\"SYSTEM\",\"timestamp\":1767225600000}"));
        Assert.Equal("QUEUED", e.EventType);
        Assert.Equal("c-1", e.ConversationId);
        Assert.Equal("7", e.QueueId);
        Assert.Equal("Sales", e.QueueName);
        Assert.Equal("SYSTEM", e.MessageType);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Equal("v1.0", e.NotificationVersion);
        Assert.Null(e.EventId);
        Assert.Null(e.Retry);
    }

    [Fact]
    public void AgentJoinedAndLeft()
    {
        var joined = Assert.IsType<AgentJoinedEvent>(Parse("{\"eventType\":\"AGENT_JOINED\",\"conversationId\":\"c-1\",\"agentId\":\"a-1\",\"agentName\":\"Ann\",\"messageType\":\"SYSTEM\",\"timestamp\":\"1767225600000\"}"));
        Assert.Equal("a-1", joined.AgentId);
        Assert.Equal("Ann", joined.AgentName);
        Assert.Equal(2026, joined.Timestamp.Value.Year);
        var left = Assert.IsType<AgentLeftEvent>(Parse("{\"eventType\":\"AGENT_LEFT\",\"conversationId\":\"c-1\",\"agentId\":\"a-1\",\"agentName\":\"Ann\"}"));
        Assert.Equal("Ann", left.AgentName);
        Assert.Null(left.Timestamp);
    }

    [Fact]
    public void Transfer()
    {
        var e = Assert.IsType<TransferEvent>(Parse("{\"eventType\":\"TRANSFER\",\"conversationId\":\"c-2\",\"queueId\":\"9\",\"messageType\":\"SYSTEM\",\"timestamp\":1767225600000}"));
        Assert.Equal("c-2", e.ConversationId);
        Assert.Equal("9", e.QueueId);
    }

    [Fact]
    public void TextFromAnAgent()
    {
        var e = Assert.IsType<TextEvent>(Parse("{\"eventType\":\"TEXT\",\"conversationId\":\"c-1\",\"agentId\":\"a-1\",\"agentName\":\"Ann\",\"message\":\"Hello \\u2713\",\"messageType\":\"AGENT\",\"timestamp\":1767225600000}", SignedHeaders));
        Assert.Equal("Hello ✓", e.Message);
        Assert.Equal("AGENT", e.MessageType);
        Assert.Equal("Ann", e.AgentName);
    }

    [Fact]
    public void WebhookVerifyTakesItsVersionFromTheBody()
    {
        var e = Assert.IsType<WebhookVerifyEvent>(Parse("{\"eventType\":\"WEB_HOOK_VERIFY\",\"notificationVersion\":\"v2.0\",\"timestamp\":1767225600000}"));
        Assert.Equal("v2.0", e.NotificationVersion);
        var old = Assert.IsType<WebhookVerifyEvent>(Parse("{\"eventType\":\"WEB_HOOK_VERIFY\",\"notificationVersion\":\"v1.0\"}", SignedHeaders));
        Assert.Equal("v1.0", old.NotificationVersion);
    }

    [Fact]
    public void UnknownTypeKeepsTheRawJson()
    {
        const string body = "{\"eventType\":\"CUSTOMER_TYPING\",\"conversationId\":\"c-3\",\"extra\":{\"a\":[1,2]}}";
        var e = Assert.IsType<UnknownEvent>(Parse(body));
        Assert.Equal("CUSTOMER_TYPING", e.EventType);
        Assert.Equal("c-3", e.ConversationId);
        Assert.Equal(body, e.RawJson);
        Assert.IsType<UnknownEvent>(Parse("{\"conversationId\":\"c-3\"}"));
    }

    [Fact]
    public void SignedHeadersMakeItV2AndFillTheEnvelope()
    {
        var e = Parse("{\"eventType\":\"QUEUED\",\"conversationId\":\"c-1\"}", SignedHeaders);
        Assert.Equal("v2.0", e.NotificationVersion);
        Assert.Equal("evt-1", e.EventId);
        Assert.Equal(2, e.Retry);
        Assert.Equal("tenant-1", e.TenantId);
        Assert.Equal("customer-1", e.CustomerId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600500), e.TransmissionTime);
        Assert.Equal("v1.0", Parse("{\"eventType\":\"QUEUED\"}", new Dictionary<string, string> { ["Content-Type"] = "application/json" }).NotificationVersion);
    }

    [Fact]
    public void RawJsonIsTheBodyAsReceived()
    {
        const string body = "{ \"eventType\" : \"QUEUED\" ,\n \"queueName\":\"S\" }\n";
        Assert.Equal(body, Parse(body).RawJson);
        Assert.Equal(body, WebhookEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)).RawJson);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"eventType\":")]
    [InlineData("[1,2]")]
    [InlineData("\"QUEUED\"")]
    [InlineData("")]
    public void BadBodiesGiveAClearFormatError(string body)
    {
        var ex = Assert.Throws<WebhookEventFormatException>(() => Parse(body));
        Assert.StartsWith("The event body", ex.Message);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void ToStringReadsWell()
    {
        Assert.Equal("QUEUED c-1 queue Sales", Parse("{\"eventType\":\"QUEUED\",\"conversationId\":\"c-1\",\"queueName\":\"Sales\"}").ToString());
        Assert.Equal("TEXT c-1 Ann: hi", Parse("{\"eventType\":\"TEXT\",\"conversationId\":\"c-1\",\"agentName\":\"Ann\",\"message\":\"hi\"}").ToString());
    }
}
