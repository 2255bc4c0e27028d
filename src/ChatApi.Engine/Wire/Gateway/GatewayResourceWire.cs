using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.Gateway;

/// <summary>
/// A Gateway webhook reads and is written as V2's (id, name, uri, version; the version sent under
/// both names since the description requires notificationVersion and defines version); the
/// verify call takes exactly {version, uri}.
/// </summary>
internal sealed class GatewayWebhookContract : IWebhookContract
{
    private static readonly V2.WebhookContract Shared = new V2.WebhookContract();

    public Webhook Read(JsonElement e, ApiScope scope, int? etag) => Shared.Read(e, scope, etag);

    public string Write(Webhook values) => Shared.Write(values);

    public string Verify(string uri, string version) => WireJson.Write(new VerifyBody { Version = version, Uri = uri });

    /// <summary>The Gateway's webhook list takes filter (FIQL) and sort, as its channel list does.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort) => V2.ChannelContract.ListQuery(filter, sort);

    private sealed class VerifyBody
    {
        [JsonPropertyName("version")] public string Version { get; set; }
        [JsonPropertyName("uri")] public string Uri { get; set; }
    }
}

/// <summary>A Gateway channel: V2's fields plus type (only ChatAPI channels can be created or changed).</summary>
internal sealed class GatewayChannelContract : IChannelContract
{
    private static readonly V2.ChannelContract Shared = new V2.ChannelContract();

    public Channel Read(JsonElement e, ApiScope scope, int? etag)
    {
        var channel = Shared.Read(e, scope, etag);
        channel.Type = WireJson.Read<TypeField>(e).Type ?? channel.Type;
        return channel;
    }

    /// <summary>The Gateway's channel list takes the same filter (FIQL) and sort parameters as V2's.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort) => Shared.Query(filter, sort);

    public string Write(Channel values) => WireJson.Write(new ChannelBody
    {
        Name = values.Name,
        Type = ChatValues.ChatApiChannel,
        WebHookId = values.WebhookId,
        RoutingOptions = new V2.RoutingOptions { Type = V2.RoutingOptions.Queue, Id = values.QueueId },
    });

    private sealed class TypeField
    {
        [JsonPropertyName("type")] public string Type { get; set; }
    }

    private sealed class ChannelBody
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("type")] public string Type { get; set; }
        [JsonPropertyName("webHookId")] public string WebHookId { get; set; }
        [JsonPropertyName("routingOptions")] public V2.RoutingOptions RoutingOptions { get; set; }
    }
}
