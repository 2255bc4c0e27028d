using System.Text.Json;
using ChatApi.Engine.Wire;
using ChatApi.Engine.Wire.Gateway;

namespace ChatApi.Tests.Client;

/// <summary>The Chat Gateway's wire: HAL pages, no region, its verify body, channel types.</summary>
public sealed class GatewayWireTests
{
    private static readonly ApiScope Scope = new(ChatValues.ApiGateway, null, "acme");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void PathsHoldNoRegionAndTheTenantTravelsAsAHeader()
    {
        var wire = GatewayWire.Instance;
        Assert.Equal("chat-gateway/v1/webhooks", wire.ResourcePath(Scope, Families.Webhooks));
        Assert.Equal("chat-gateway/v1/channels", wire.ResourcePath(Scope, Families.Channels));
        Assert.Equal("chat-gateway/v1/jwk/k1/public", wire.KeyPath(Scope, "k1"));
        Assert.Equal(new[] { new KeyValuePair<string, string>("X-8x8-Tenant", "acme") }, wire.Headers(Scope).ToArray());
        Assert.Empty(wire.Headers(new ApiScope(ChatValues.ApiGateway, null, null)));
    }

    [Fact]
    public void ReadsHalItemsAndThePageBlock()
    {
        var page = GatewayWire.Instance.ReadPage(Json("{\"_embedded\":{\"webhooks\":[{\"id\":\"1\"},{\"id\":\"2\"}]},\"_links\":{\"self\":{\"href\":\"/x\"}},\"page\":{\"size\":2,\"number\":0,\"totalElements\":5,\"totalPages\":3}}"));
        Assert.Equal(2, page.Items.Count());
        Assert.Equal(3, page.PageCount);
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void NonsenseCountsReadAsAbsentAndAnEmptyAnswerHasNoItems()
    {
        var page = GatewayWire.Instance.ReadPage(Json("{\"_embedded\":{\"channels\":[{\"id\":\"1\"}]},\"page\":{\"size\":20,\"number\":0,\"totalElements\":-3,\"totalPages\":-1}}"));
        Assert.Single(page.Items);
        Assert.Null(page.PageCount);
        Assert.Null(page.Total);
        Assert.Empty(GatewayWire.Instance.ReadPage(Json("{\"page\":{\"totalPages\":9}}")).Items);
        Assert.True(GatewayWire.Instance.ShortPageEnds);
    }

    [Fact]
    public void VerifySendsExactlyVersionAndUri()
    {
        var body = Json(GatewayWire.Instance.Webhooks.Verify("https://r.example/h", ChatValues.Gateway));
        Assert.Equal(new[] { "uri", "version" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray());
    }

    [Fact]
    public void ChannelsReadTheirTypeAndAreWrittenAsChatApi()
    {
        var c = GatewayWire.Instance.Channels.Read(Json("{\"id\":\"4\",\"name\":\"sms\",\"type\":\"SMS\",\"webHookId\":\"2\",\"routingOptions\":{\"type\":\"queue\",\"id\":\"9\"}}"), Scope, null);
        Assert.Equal(("4", "SMS", "2", "9", "Gateway"), (c.Id, c.Type, c.WebhookId, c.QueueId, c.Api));
        var body = Json(GatewayWire.Instance.Channels.Write(new Channel { Name = "n", WebhookId = "2", QueueId = "9" }));
        Assert.Equal("ChatAPI", body.GetProperty("type").GetString());
        Assert.Equal("2", body.GetProperty("webHookId").GetString());
    }
}
