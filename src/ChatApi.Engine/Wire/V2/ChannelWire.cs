using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.V2;

internal sealed class ChannelAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("channelId")] public string ChannelId { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; }
    [JsonPropertyName("webHookId")] public string WebHookId { get; set; }
    [JsonPropertyName("webhookId")] public string WebhookId { get; set; }
    [JsonPropertyName("routingOptions")] public JsonElement? RoutingOptions { get; set; }
}

/// <summary>Where conversations go, {type, id}: a channel's routingOptions (V2 routes to a queue) and a Gateway conversation's assignment (a queue or a script).</summary>
internal sealed class RoutingOptions
{
    public const string Queue = "queue";

    [JsonPropertyName("type")] public string Type { get; set; }
    [JsonPropertyName("id")] public string Id { get; set; }
}

internal sealed class ChannelBody
{
    [JsonPropertyName("name")] public string Name { get; set; }
    [JsonPropertyName("webHookId")] public string WebHookId { get; set; }
    [JsonPropertyName("routingOptions")] public RoutingOptions RoutingOptions { get; set; }
}

internal sealed class ChannelContract : IChannelContract
{
    public Channel Read(JsonElement e, ApiScope scope, int? etag)
    {
        var c = WireJson.Read<ChannelAnswer>(e);
        var routing = WireJson.ReadOrNull<RoutingOptions>(c.RoutingOptions);
        return new Channel
        {
            Id = c.Id ?? c.ChannelId,
            Name = c.Name,
            Type = ChatValues.ChatApiChannel,
            WebhookId = c.WebHookId ?? c.WebhookId,
            RoutingType = routing?.Type,
            QueueId = routing?.Id,
            ETag = etag,
            Region = scope.Region,
            TenantId = scope.Tenant,
            Api = scope.Api,
        };
    }

    /// <summary>The description's <c>filter</c> (FIQL) and <c>sort</c> (default <c>id</c>) of getchatapichannels.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort) => ListQuery(filter, sort);

    /// <summary>A list's <c>filter</c> and <c>sort</c> parameters, each left out when not given.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ListQuery(string filter, string sort)
    {
        if (!string.IsNullOrEmpty(filter)) yield return new KeyValuePair<string, string>("filter", filter);
        if (!string.IsNullOrEmpty(sort)) yield return new KeyValuePair<string, string>("sort", sort);
    }

    public string Write(Channel values) => WireJson.Write(new ChannelBody
    {
        Name = values.Name,
        WebHookId = values.WebhookId,
        RoutingOptions = new RoutingOptions { Type = RoutingOptions.Queue, Id = values.QueueId },
    });
}
