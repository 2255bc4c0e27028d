namespace ChatApi.Emulator.State;

/// <summary>A stored channel, routed to one queue. <see cref="Revision"/> is the ETag.</summary>
public sealed record Channel(string Id, string Name, string WebHookId, string RoutingType, string QueueId, int Revision);
