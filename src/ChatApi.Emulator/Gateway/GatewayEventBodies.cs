using System.Text.Json;
using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// What a <c>Chat Gateway v1.0</c> webhook receives for each thing that happens, as GATEWAY-NOTES.md gives
/// the envelope <c>{eventType, conversationId, timestamp, data}</c>: QUEUED (queue under data),
/// MEMBERS_CHANGED (for V2's AGENT_JOINED / AGENT_LEFT), TRANSFER (no data), MESSAGE (for V2's TEXT, and
/// with isEcho for a message sent through the API, under --echo-messages), ACTIVITY (typing, card and
/// quick-reply actions, read receipts), CONVERSATION_UPDATE (with the user's phone as msisdn).
/// </summary>
public static class GatewayEventBodies
{
    public const string MembersChanged = "MEMBERS_CHANGED", Message = "MESSAGE", ConversationUpdate = "CONVERSATION_UPDATE", Activity = "ACTIVITY";

    /// <summary>The Gateway event type and body for what V2 calls <paramref name="v2EventType"/> with <paramref name="fields"/>.</summary>
    public static (string EventType, byte[] Body) Build(string v2EventType, string conversationId, long timestamp, IReadOnlyDictionary<string, JsonNode?> fields)
    {
        string? Field(string name) => fields.GetValueOrDefault(name)?.GetValue<string>();
        JsonNode? Node(string name) => fields.GetValueOrDefault(name)?.DeepClone();
        var (eventType, data) = v2EventType switch
        {
            EventTypes.Queued => (EventTypes.Queued, new JsonObject { ["queueId"] = Field("queueId"), ["queueName"] = Field("queueName") }),
            EventTypes.AgentJoined => (MembersChanged, Members("joined", Field("agentId"))),
            EventTypes.AgentLeft => (MembersChanged, Members("left", Field("agentId"))),
            EventTypes.Text => (Message, MessageData(false, Field("agentId"), "agent", Field("message"), Node("attachments"), Node("cards"))),
            EventTypes.Echo => (Message, MessageData(true, Field("senderId"), Field("senderType"), Field("message"), Node("attachments"), Node("cards"))),
            EventTypes.ReadReceipt => (Activity, new JsonObject { ["name"] = "read-receipts", ["value"] = Node("value") }),
            EventTypes.Transfer => (EventTypes.Transfer, (JsonObject?)null),
            EventTypes.AgentTyping => (Activity, new JsonObject { ["name"] = "typing", ["value"] = Node("value") }),
            EventTypes.CardAction => (Activity, new JsonObject { ["name"] = Field("activity") ?? "adaptiveCard/action", ["value"] = Node("value") }),
            EventTypes.UserLeft => (MembersChanged, new JsonObject { ["memberType"] = "user", ["change"] = "left", ["id"] = Field("userId") }),
            EventTypes.StateChanged => (ConversationUpdate, new JsonObject
            {
                ["state"] = Field("state"), ["assignment"] = Node("assignment"), ["user"] = Node("user"), ["msisdn"] = Field("msisdn"), ["channel"] = Field("channel"),
            }),
            _ => (v2EventType, new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())))),
        };
        if (data?["msisdn"] is null) data?.Remove("msisdn"); // known only when the user gave a phone
        var body = new JsonObject { ["eventType"] = eventType, ["conversationId"] = conversationId, ["timestamp"] = timestamp };
        if (data is not null) body["data"] = data;
        return (eventType, JsonSerializer.SerializeToUtf8Bytes(body, Http.EmulatorJson.Options));
    }

    /// <summary>MESSAGE data: <c>{isEcho, sender {id, type}, text, attachments?, cards?}</c> (lists only when there are any).</summary>
    private static JsonObject MessageData(bool echo, string? senderId, string? senderType, string? text, JsonNode? attachments, JsonNode? cards)
    {
        var data = new JsonObject { ["isEcho"] = echo, ["sender"] = new JsonObject { ["id"] = senderId, ["type"] = senderType }, ["text"] = text };
        if (attachments is not null) data["attachments"] = attachments;
        if (cards is not null) data["cards"] = cards;
        return data;
    }

    private static JsonObject Members(string change, string? id) => new() { ["memberType"] = "agent", ["change"] = change, ["id"] = id };
}
