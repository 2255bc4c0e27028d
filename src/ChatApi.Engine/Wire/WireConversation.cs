using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire;

/// <summary>
/// What both APIs' conversations have in common: the conversation as the client returns it (read, or
/// answered by a create), and an interaction on the wire.
/// </summary>
internal static class WireConversation
{
    /// <summary>A conversation seen through <paramref name="scope"/>: its fields, and the scope's region, tenant and API.</summary>
    public static Conversation New(ApiScope scope, string id, string channelId, DateTimeOffset? startTime,
        string status = null, string state = null, string assignmentType = null, string assignmentId = null) => new Conversation
    {
        Id = id,
        ChannelId = channelId,
        StartTime = startTime,
        Status = status,
        State = state,
        AssignmentType = assignmentType,
        AssignmentId = assignmentId,
        Region = scope.Region,
        TenantId = scope.Tenant,
        Api = scope.Api,
    };
}

/// <summary>An interaction, in a V2 conversation or a Gateway list: <c>{id, startTime, endTime}</c>.</summary>
internal sealed class InteractionAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("startTime")] public DateTimeOffset? StartTime { get; set; }
    [JsonPropertyName("endTime")] public DateTimeOffset? EndTime { get; set; }

    public Interaction ToModel(string conversationId) =>
        new Interaction { ConversationId = conversationId, Id = Id, StartTime = StartTime, EndTime = EndTime };
}
