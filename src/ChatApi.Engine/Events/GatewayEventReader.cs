using ChatApi.Events;

namespace ChatApi.Engine.Events;

/// <summary>
/// The Chat Gateway's event envelope {eventType, conversationId, timestamp, data}: which bodies are in
/// it, and the typed event of each. A known type whose data is not the shape it should be is an
/// <see cref="UnknownEvent"/> (with the raw body), never dropped.
/// </summary>
internal static class GatewayEventReader
{
    public const string ConversationUpdate = "CONVERSATION_UPDATE", MembersChanged = "MEMBERS_CHANGED", Message = "MESSAGE", Activity = "ACTIVITY";
    public const string Queued = "QUEUED", Transfer = "TRANSFER", Verify = "WEB_HOOK_VERIFY";
    private static readonly HashSet<string> GatewayOnly = new HashSet<string>(StringComparer.Ordinal) { ConversationUpdate, MembersChanged, Message, Activity };

    /// <summary>
    /// Whether the body is the Gateway's: it has data, or a type only the Gateway sends, or it is a
    /// TRANSFER without V2's fields, or a WEB_HOOK_VERIFY for Chat Gateway v1.0.
    /// </summary>
    public static bool IsGateway(IReadOnlyDictionary<string, JsonElement> fields, string eventType)
    {
        if (fields.ContainsKey("data") || (eventType != null && GatewayOnly.Contains(eventType))) return true;
        if (eventType == Transfer)
            return !fields.ContainsKey("messageType") && !fields.ContainsKey("queueId") && !fields.ContainsKey("agentId");
        if (eventType == Verify)
            return (WebhookEventParser.TextOf(fields, "notificationVersion") ?? WebhookEventParser.TextOf(fields, "version")) == ChatValues.Gateway;
        return false;
    }

    public static WebhookEvent Read(string eventType, IReadOnlyDictionary<string, JsonElement> fields)
    {
        fields.TryGetValue("data", out var data);
        bool hasData = data.ValueKind == JsonValueKind.Object;
        switch (eventType)
        {
            case Verify: return new WebhookVerifyEvent();
            case Transfer: return data.ValueKind == JsonValueKind.Undefined || data.ValueKind == JsonValueKind.Null || hasData ? new TransferEvent() : (WebhookEvent)new UnknownEvent();
        }
        if (!hasData) return new UnknownEvent();
        switch (eventType)
        {
            case Queued:
                return new QueuedEvent { QueueId = Text(data, "queueId"), QueueName = Text(data, "queueName") };
            case ConversationUpdate:
                return ReadUpdate(data);
            case MembersChanged:
                return new MembersChangedEvent { MemberType = Text(data, "memberType"), Change = Text(data, "change"), MemberId = Text(data, "id") };
            case Message:
                return ReadMessage(data);
            case Activity:
                return ReadActivity(data);
            default:
                return new UnknownEvent();
        }
    }

    private static ConversationUpdateEvent ReadUpdate(JsonElement data)
    {
        var e = new ConversationUpdateEvent { State = Text(data, "state"), Msisdn = Text(data, "msisdn"), Channel = Text(data, "channel") };
        if (Object(data, "assignment") is JsonElement a)
        {
            e.AssignmentType = Text(a, "type");
            e.AssignmentId = Text(a, "id");
            e.AssignmentResourceId = Text(a, "resourceId");
        }
        if (Object(data, "user") is JsonElement user)
            foreach (var p in user.EnumerateObject())
            {
                if (p.Name == "additionalProperties" && p.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var kv in p.Value.EnumerateArray())
                        if (kv.ValueKind == JsonValueKind.Object && Text(kv, "key") is string key) e.User[key] = Text(kv, "value");
                }
                else e.User[p.Name] = WebhookEventParser.TextOf(p.Value);
            }
        return e;
    }

    private static MessageEvent ReadMessage(JsonElement data)
    {
        var e = new MessageEvent { Text = Text(data, "text") };
        if (data.TryGetProperty("isEcho", out var echo) && (echo.ValueKind == JsonValueKind.True || echo.ValueKind == JsonValueKind.False)) e.IsEcho = echo.GetBoolean();
        if (Object(data, "sender") is JsonElement sender)
        {
            e.SenderId = Text(sender, "id");
            e.SenderType = Text(sender, "type");
        }
        foreach (var a in Objects(data, "attachments"))
            e.Attachments.Add(new EventAttachment { Id = Text(a, "id"), Type = Text(a, "type"), FileName = Text(a, "fileName"), PreSignedUrl = Text(a, "preSignedUrl") });
        foreach (var c in Objects(data, "cards"))
            e.Cards.Add(new EventCard { Id = Text(c, "id"), ContentType = Text(c, "contentType"), ContentJson = c.TryGetProperty("content", out var content) ? content.GetRawText() : null });
        return e;
    }

    private static ActivityEvent ReadActivity(JsonElement data)
    {
        var e = new ActivityEvent { Name = Text(data, "name") };
        var users = new List<string>();
        if (data.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            e.ValueJson = value.GetRawText();
            if (e.IsTyping && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("users", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var u in list.EnumerateArray())
                {
                    string id = u.ValueKind == JsonValueKind.Object ? Text(u, "id") : WebhookEventParser.TextOf(u);
                    if (id != null) users.Add(id);
                }
        }
        e.Users = users.ToArray();
        return e;
    }

    private static string Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? WebhookEventParser.TextOf(v) : null;

    private static JsonElement? Object(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;

    private static IEnumerable<JsonElement> Objects(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in list.EnumerateArray()) if (item.ValueKind == JsonValueKind.Object) yield return item;
    }
}
