using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.Gateway;

/// <summary>A Gateway conversation: <c>{id, channelId, assignment {type, id}, user {..., additionalProperties [{key, value}]}, state}</c>.</summary>
internal sealed class GatewayConversationAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("conversationId")] public string ConversationId { get; set; }
    [JsonPropertyName("channelId")] public string ChannelId { get; set; }
    [JsonPropertyName("state")] public string State { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("assignment")] public JsonElement? Assignment { get; set; }
    [JsonPropertyName("user")] public JsonElement? User { get; set; }
}

internal sealed class AdditionalProperty
{
    [JsonPropertyName("key")] public string Key { get; set; }
    [JsonPropertyName("value")] public string Value { get; set; }
}

/// <summary>The answer to a create (202): <c>{conversationId, createdAt}</c>.</summary>
internal sealed class GatewayCreatedAnswer
{
    [JsonPropertyName("conversationId")] public string ConversationId { get; set; }
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>A create, a replace (PUT) or a change (PATCH): only the fields given are written.</summary>
internal sealed class GatewayConversationBody
{
    [JsonPropertyName("channelId")]
    public string ChannelId { get; set; }
    [JsonPropertyName("user")]
    public Dictionary<string, object> User { get; set; }
    [JsonPropertyName("assignment")]
    public V2.RoutingOptions Assignment { get; set; }
    [JsonPropertyName("history")]
    public GatewayHistory History { get; set; }
}

internal sealed class GatewayHistory
{
    [JsonPropertyName("messages")] public List<GatewayMessageBody> Messages { get; set; }
}

internal static class GatewayConversationMapping
{
    public static Conversation Read(JsonElement e, ApiScope scope)
    {
        var w = WireJson.Read<GatewayConversationAnswer>(e);
        var assignment = WireJson.ReadOrNull<V2.RoutingOptions>(w.Assignment);
        var c = WireConversation.New(scope, w.Id ?? w.ConversationId, w.ChannelId, w.CreatedAt, state: w.State,
            assignmentType: assignment?.Type, assignmentId: assignment?.Id);
        if (w.User.HasValue && w.User.Value.ValueKind == JsonValueKind.Object)
        {
            WireJson.CopyScalars(w.User.Value, c.Customer);
            if (w.User.Value.TryGetProperty("additionalProperties", out var extra))
                foreach (var p in WireJson.ReadList<AdditionalProperty>(extra))
                    if (!string.IsNullOrEmpty(p.Key)) c.Customer[p.Key] = p.Value ?? "";
            CustomerData.Stamp(c);
        }
        return c;
    }

    /// <summary>The user object: the predefined fields by name, every other key under additionalProperties.</summary>
    public static Dictionary<string, object> User(CustomerData customer)
    {
        var user = new Dictionary<string, object>();
        var extra = new List<AdditionalProperty>();
        foreach (var kv in customer.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (CustomerData.IsUserField(kv.Key)) user[kv.Key] = kv.Value;
            else extra.Add(new AdditionalProperty { Key = kv.Key, Value = kv.Value });
        }
        if (extra.Count > 0) user["additionalProperties"] = extra;
        return user;
    }

    public static V2.RoutingOptions Assignment(ConversationRequest request) =>
        request.AssignmentType == null ? null : new V2.RoutingOptions { Type = request.AssignmentType, Id = request.AssignmentId };

    public static string Create(ConversationRequest request)
    {
        var body = new GatewayConversationBody { ChannelId = request.ChannelId, User = User(request.Customer), Assignment = Assignment(request) };
        if (request.History.Count > 0)
            body.History = new GatewayHistory { Messages = request.History.Select(h => new GatewayMessageBody { AuthorType = h.Type, Text = h.Text }).ToList() };
        return WireJson.WriteGiven(body);
    }

    public static ConversationCreated ReadCreated(JsonElement e)
    {
        var w = WireJson.Read<GatewayCreatedAnswer>(e);
        return new ConversationCreated { Id = w.ConversationId ?? w.Id, Timestamp = w.CreatedAt, State = ChatValues.Created };
    }
}
