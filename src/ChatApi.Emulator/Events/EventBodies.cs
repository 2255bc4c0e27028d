using System.Text.Json;

namespace ChatApi.Emulator.Events;

public static class EventTypes
{
    public const string Queued = "QUEUED", AgentJoined = "AGENT_JOINED", AgentLeft = "AGENT_LEFT", Transfer = "TRANSFER",
        Text = "TEXT", WebHookVerify = "WEB_HOOK_VERIFY";

    /// <summary>What only the Gateway tells (as CONVERSATION_UPDATE and MEMBERS_CHANGED user left); V2 webhooks get nothing for them.</summary>
    public const string StateChanged = "emulator.STATE_CHANGED", UserLeft = "emulator.USER_LEFT", CardAction = "emulator.CARD_ACTION",
        AgentTyping = "emulator.AGENT_TYPING", ReadReceipt = "emulator.READ_RECEIPT", Echo = "emulator.ECHO";

    public static bool IsGatewayOnly(string eventType) => eventType is StateChanged or UserLeft or CardAction or AgentTyping or ReadReceipt or Echo;
}

/// <summary>Builds event bodies: compact JSON, <c>eventType, conversationId, timestamp, messageType</c> then the type's fields.</summary>
public static class EventBodies
{
    public static byte[] Build(string eventType, string? conversationId, long timestamp, IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var body = new JsonObject { ["eventType"] = eventType };
        if (conversationId is not null) body["conversationId"] = conversationId;
        body["timestamp"] = timestamp;
        body["messageType"] = eventType == EventTypes.Text ? "AGENT" : "SYSTEM";
        // V2's TEXT has no attachments; an agent's file reaches a V2 webhook as its name only.
        foreach (var (name, value) in fields.Where(f => f.Key is not ("attachments" or "cards"))) body[name] = value;
        return JsonSerializer.SerializeToUtf8Bytes(body, Http.EmulatorJson.Options);
    }

    /// <summary><c>WEB_HOOK_VERIFY</c> is exactly <c>{notificationVersion, eventType}</c>: no conversation id, no timestamp.</summary>
    public static byte[] Verify(string version) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["notificationVersion"] = version, ["eventType"] = EventTypes.WebHookVerify }, Http.EmulatorJson.Options);
}
