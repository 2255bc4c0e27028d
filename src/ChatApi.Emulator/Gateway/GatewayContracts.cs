using ChatApi.Emulator.Api;

namespace ChatApi.Emulator.Gateway;

/// <summary>A Gateway channel on the wire: V2's fields plus <c>type</c>.</summary>
public sealed record GatewayChannelDto(string Id, string Name, string Type, string WebHookId, RoutingOptionsDto RoutingOptions)
{
    public static GatewayChannelDto From(Channel c) => new(c.Id, c.Name, c.Type, c.WebHookId, new RoutingOptionsDto(c.RoutingType, c.QueueId));
}
