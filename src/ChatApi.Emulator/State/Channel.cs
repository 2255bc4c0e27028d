namespace ChatApi.Emulator.State;

/// <summary>
/// A stored channel, routed to one queue. <see cref="Revision"/> is the version If-Match compares.
/// <see cref="Type"/> is the Gateway's channel type; only <c>ChatAPI</c> channels can be created, and
/// only they are seen through the Chat API V2.
/// </summary>
public sealed record Channel(string Id, string Name, string WebHookId, string RoutingType, string QueueId, int Revision, string Type = ChannelTypes.ChatApi) : IRevisioned;

public static class ChannelTypes
{
    public const string ChatApi = "ChatAPI";
    public static readonly string[] Others = ["SMS", "Facebook", "Twitter", "WhatsApp", "WebChat"];
}
