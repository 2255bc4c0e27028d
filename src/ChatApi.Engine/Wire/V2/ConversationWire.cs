using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.V2;

/// <summary>A V2 conversation: the customer's data under customer or user, as 8x8 contradicts itself.</summary>
internal sealed class ConversationAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("conversationId")] public string ConversationId { get; set; }
    [JsonPropertyName("channelId")] public string ChannelId { get; set; }
    [JsonPropertyName("status")] public string Status { get; set; }
    [JsonPropertyName("startTime")] public DateTimeOffset? StartTime { get; set; }
    [JsonPropertyName("customer")] public JsonElement? Customer { get; set; }
    [JsonPropertyName("user")] public JsonElement? User { get; set; }
    [JsonPropertyName("interactions")] public JsonElement? Interactions { get; set; }
}

/// <summary>The answer to a create (202): the new id under one of two names.</summary>
internal sealed class CreatedAnswer
{
    [JsonPropertyName("conversationId")] public string ConversationId { get; set; }
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
}

/// <summary>A create: the customer's data goes under both customer and user.</summary>
internal sealed class ConversationBody
{
    [JsonPropertyName("channelId")] public string ChannelId { get; set; }
    [JsonPropertyName("customer")] public IDictionary<string, string> Customer { get; set; }
    [JsonPropertyName("user")] public IDictionary<string, string> User { get; set; }
    [JsonPropertyName("history")]
    public HistoryBody History { get; set; }
}

internal sealed class HistoryBody
{
    [JsonPropertyName("messages")] public List<HistoryMessageBody> Messages { get; set; }
}

internal sealed class HistoryMessageBody
{
    [JsonPropertyName("text")] public string Text { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; }
}

internal static class ConversationMapping
{
    public static Conversation Read(JsonElement e, ApiScope scope)
    {
        var w = WireJson.Read<ConversationAnswer>(e);
        var c = WireConversation.New(scope, w.Id ?? w.ConversationId, w.ChannelId, w.StartTime, status: w.Status);
        var customer = FirstShaped(w.Customer, w.User);
        if (customer.HasValue && customer.Value.ValueKind == JsonValueKind.Object)
        {
            WireJson.CopyScalars(customer.Value, c.Customer);
            CustomerData.Stamp(c);
        }
        foreach (var i in WireJson.ReadList<InteractionAnswer>(w.Interactions))
            c.Interactions.Add(i.ToModel(c.Id));
        return c;
    }

    public static string Create(ConversationRequest request)
    {
        var customer = request.Customer.ToDictionary();
        var body = new ConversationBody { ChannelId = request.ChannelId, Customer = customer, User = customer };
        if (request.History.Count > 0)
        {
            var messages = new List<HistoryMessageBody>();
            foreach (var h in request.History) messages.Add(new HistoryMessageBody { Text = h.Text, Type = h.Type });
            body.History = new HistoryBody { Messages = messages };
        }
        return WireJson.WriteGiven(body);
    }

    public static ConversationCreated ReadCreated(JsonElement e)
    {
        var w = WireJson.Read<CreatedAnswer>(e);
        return new ConversationCreated { Id = w.ConversationId ?? w.Id, Timestamp = w.Timestamp, Status = ChatValues.Created };
    }

    /// <summary>The first of the alternatives that is an object or an array (as 8x8 may send either).</summary>
    private static JsonElement? FirstShaped(params JsonElement?[] candidates)
    {
        foreach (var c in candidates)
            if (c.HasValue && (c.Value.ValueKind == JsonValueKind.Object || c.Value.ValueKind == JsonValueKind.Array)) return c;
        return null;
    }
}
