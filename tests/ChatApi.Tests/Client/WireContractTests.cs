using System.Text.Json;
using ChatApi.Engine;
using ChatApi.Engine.Wire;
using ChatApi.Engine.Wire.V2;

namespace ChatApi.Tests.Client;

/// <summary>The V2 wire contracts: 8x8's contradictions are sent both ways and read either way.</summary>
public sealed class WireContractTests
{
    private static readonly ApiScope Scope = new(ChatValues.ApiV2, "eu", "acme");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void AWebhookIsReadUnderEitherNameOfEachField()
    {
        var a = V2Wire.Instance.Webhooks.Read(Json("{\"webHookId\":17,\"name\":\"n\",\"url\":\"https://x.example/h\",\"notificationVersion\":\"v1.0\"}"), Scope, 3);
        Assert.Equal(("17", "https://x.example/h", "v1.0", 3, "eu", "acme"), (a.Id, a.Uri, a.Version, a.ETag.Value, a.Region, a.TenantId));
        var b = V2Wire.Instance.Webhooks.Read(Json("{\"id\":\"5\",\"uri\":\"https://y.example\",\"version\":\"v2.0\",\"notificationVersion\":\"v1.0\"}"), Scope, null);
        Assert.Equal(("5", "https://y.example", "v2.0"), (b.Id, b.Uri, b.Version));
        Assert.Equal(ChatValues.DefaultVersion, V2Wire.Instance.Webhooks.Read(Json("{\"id\":\"6\"}"), Scope, null).Version);
    }

    [Fact]
    public void AWebhookIsSentWithBothVersionNames()
    {
        var body = Json(V2Wire.Instance.Webhooks.Write(new Webhook { Name = "n", Uri = "https://x.example", Version = "v2.0" }));
        Assert.Equal("v2.0", body.GetProperty("version").GetString());
        Assert.Equal("v2.0", body.GetProperty("notificationVersion").GetString());
    }

    [Fact]
    public void AConversationIsSentWithTheCustomerUnderBothNamesAndReadFromEither()
    {
        var request = new ConversationRequest { ChannelId = "1" };
        request.Customer.Set(CustomerData.Name, "Ines").Set(CustomerData.Email, "").Set("tier", "gold");
        var body = Json(V2Wire.Instance.Conversations.Create(request));
        Assert.Equal("Ines", body.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("gold", body.GetProperty("user").GetProperty("tier").GetString());
        Assert.False(body.GetProperty("customer").TryGetProperty("email", out _));
        Assert.False(body.TryGetProperty("history", out _));

        var c = V2Wire.Instance.Conversations.Read(Json("{\"conversationId\":9,\"user\":{\"name\":\"Ines\",\"orderId\":991,\"nested\":{}},\"startTime\":1700000000000,\"interactions\":[{\"id\":\"i1\"},\"odd\"]}"), Scope);
        Assert.Equal(("9", "Ines", "991"), (c.Id, c.CustomerName, c.Customer["orderId"]));
        Assert.False(c.Customer.ContainsKey("nested"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), c.StartTime);
        Assert.Equal(new[] { "i1", null }, c.Interactions.Select(i => i.Id));
    }

    [Fact]
    public void AChannelOfTheWrongShapeReadsAsAbsentFieldsNotAnError()
    {
        var c = V2Wire.Instance.Channels.Read(Json("{\"channelId\":\"4\",\"webhookId\":\"2\",\"routingOptions\":[1,2]}"), Scope, null);
        Assert.Equal(("4", "2", null, null), (c.Id, c.WebhookId, c.QueueId, c.RoutingType));
        var page = V2Wire.Instance.ReadPage(Json("{\"data\":{\"id\":\"1\"},\"page\":{\"pageCount\":\"2\",\"elementCount\":7.0}}"));
        Assert.Equal((1, 2, 7), (page.Items.Count(), page.PageCount.Value, page.Total.Value));
    }

    [Theory]
    [InlineData("\"NaN\"", "1e300")]
    [InlineData("-1", "-5")]
    [InlineData("\"-Infinity\"", "2147483648")]
    public void HostileCountsInAPageBlockReadAsNoCount(string pageCount, string elementCount)
    {
        var page = V2Wire.Instance.ReadPage(Json($"{{\"data\":[],\"page\":{{\"pageCount\":{pageCount},\"elementCount\":{elementCount}}}}}"));
        Assert.Equal(((int?)null, (int?)null), (page.PageCount, page.Total));
    }

    [Theory]
    [InlineData("253402300800000")]
    [InlineData("-62135596800001")]
    [InlineData("9223372036854775807")]
    public void EpochMillisecondsOutsideTheCalendarReadAsNoTime(string ms)
    {
        var c = V2Wire.Instance.Conversations.Read(Json($"{{\"conversationId\":9,\"startTime\":{ms}}}"), Scope);
        Assert.Equal(("9", (DateTimeOffset?)null), (c.Id, c.StartTime));
    }
}
