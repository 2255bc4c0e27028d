namespace ChatApi.Engine.Wire.Gateway;

/// <summary>
/// The Chat Gateway's conversations: its user object (additionalProperties for free keys), the
/// assignment, a FIQL list filter, HAL pages of messages and participants, and PATCH
/// participants/user {removed: true} for the customer leaving.
/// </summary>
internal sealed class GatewayConversationContract : IConversationContract
{
    public Conversation Read(JsonElement e, ApiScope scope) => GatewayConversationMapping.Read(e, scope);

    public (string Parameter, string Rule)? Check(ConversationRequest request) => request.Check(request.Customer.CheckFree());

    public string Create(ConversationRequest request) => GatewayConversationMapping.Create(request);

    public ConversationCreated ReadCreated(JsonElement e) => GatewayConversationMapping.ReadCreated(e);

    /// <summary>
    /// <c>filter</c>: -ChannelId, -UserId, -Email and -Customer as FIQL comparisons (user.&lt;key&gt;) ANDed with
    /// -Filter; <c>sort</c>: -Sort, or createdAt in -Order's direction. V2's -Status has no Gateway field.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Filters(ConversationFilter filter)
    {
        if (filter.Status != null)
            ChatRules.Require("Status", "is Chat API V2's; a Chat Gateway conversation has a state instead (created, active, idle): use -Filter 'state==active'");
        if (filter.Order != null && filter.Sort != null) ChatRules.Require("Order", "cannot be given with -Sort: give the direction in -Sort (createdAt:desc)");
        if (filter.Filter != null) ChatRules.Require("Filter", ChatRules.CheckNotEmpty(filter.Filter));
        if (filter.Sort != null) ChatRules.Require("Sort", ChatRules.CheckNotEmpty(filter.Sort));
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(filter.ChannelId)) parts.Add(Fiql.EqualOrRefuse("channelId", filter.ChannelId, "ChannelId"));
        if (!string.IsNullOrEmpty(filter.UserId)) parts.Add(Fiql.EqualOrRefuse("user.userId", filter.UserId, "UserId"));
        if (!string.IsNullOrEmpty(filter.Email)) parts.Add(Fiql.EqualOrRefuse("user.email", filter.Email, "Email"));
        foreach (var c in filter.Customer.OrderBy(c => c.Key, StringComparer.Ordinal))
            if (!string.IsNullOrEmpty(c.Value)) parts.Add(Fiql.EqualOrRefuse("user." + c.Key, c.Value, "Customer"));
        if (filter.Filter != null) parts.Add(filter.Filter);
        var query = new List<KeyValuePair<string, string>>();
        var fiql = Fiql.And(parts);
        if (fiql != null) query.Add(new KeyValuePair<string, string>("filter", fiql));
        var sort = filter.Sort ?? (filter.Order != null ? "createdAt:" + filter.Order : null);
        if (sort != null) query.Add(new KeyValuePair<string, string>("sort", sort));
        return query;
    }

    /// <summary>The channel and the customer's name (fields a Gateway filter knows); the rest is compared on this side.</summary>
    public ConversationFilter FindCreated(ConversationRequest request)
    {
        var filter = new ConversationFilter { ChannelId = request.ChannelId };
        string name = request.Customer[CustomerData.Name];
        if (name != null && Fiql.Equal("user.name", name) != null) filter.Customer[CustomerData.Name] = name;
        return filter;
    }

    public bool PagedLists => true;

    public string ParticipantsPath(string conversationPath) => conversationPath + "/participants";

    public ApiRequest Leave(string conversationPath) =>
        new ApiRequest("PATCH", conversationPath + "/participants/user") { JsonBody = "{\"removed\":true}" };

    public string MessagesPath(string conversationPath) => conversationPath + "/messages";

    /// <summary>Oldest first (8x8's default is newest first); the Gateway's messages have no interaction filter.</summary>
    public IEnumerable<KeyValuePair<string, string>> MessageQuery(string interactionId)
    {
        if (interactionId != null)
            ChatRules.Require("InteractionId", "is served by Chat API V2 only: the Chat Gateway's message list has no interaction filter");
        return new[] { new KeyValuePair<string, string>("sort", "createdAt:asc") };
    }

    public IEnumerable<Participant> ReadParticipants(JsonElement root, string conversationId) =>
        GatewayWire.Instance.ReadPage(root).Items.Select(p => ReadParticipant(p, conversationId)).ToList();

    public IEnumerable<Message> ReadMessages(JsonElement root, string conversationId) =>
        GatewayWire.Instance.ReadPage(root).Items.Select(m => ReadMessage(m, conversationId)).ToList();

    public Participant ReadParticipant(JsonElement e, string conversationId) => WireJson.Read<GatewayParticipantAnswer>(e).ToModel(conversationId);

    public Message ReadMessage(JsonElement e, string conversationId) => WireJson.Read<GatewayMessageAnswer>(e).ToModel(conversationId);

    public bool RichMessages => true;

    public string Message(MessageRequest message) => GatewayMessageBody.Write(message);
}
