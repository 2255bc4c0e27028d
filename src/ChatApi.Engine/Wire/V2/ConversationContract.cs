namespace ChatApi.Engine.Wire.V2;

/// <summary>V2's conversations, their participants and messages.</summary>
internal sealed class ConversationContract : IConversationContract
{
    private const string GatewayOnly = "is served by the Chat Gateway only, not by Chat API V2: connect with Connect-ChatApi -Api Gateway";

    public Conversation Read(JsonElement e, ApiScope scope) => ConversationMapping.Read(e, scope);

    public (string Parameter, string Rule)? Check(ConversationRequest request) =>
        request.AssignmentParameter != null ? (request.AssignmentParameter, GatewayOnly) : request.Check(request.Customer.Check());

    public string Create(ConversationRequest request) => ConversationMapping.Create(request);

    public ConversationCreated ReadCreated(JsonElement e) => ConversationMapping.ReadCreated(e);

    public IEnumerable<KeyValuePair<string, string>> Filters(ConversationFilter filter)
    {
        if (filter.Filter != null) ChatRules.Require("Filter", GatewayOnly + " (V2 filters with -ChannelId, -Status, -UserId, -Email and -Customer)");
        if (filter.Sort != null) ChatRules.Require("Sort", GatewayOnly + " (V2 orders by start time with -Order)");
        var query = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) { if (!string.IsNullOrEmpty(value)) query.Add(new KeyValuePair<string, string>(name, value)); }
        Add("channel-id", filter.ChannelId);
        Add("status", filter.Status);
        Add("order", filter.Order);
        Add("userId", filter.UserId);
        Add("customer.email", filter.Email);
        foreach (var c in filter.Customer) Add("customer." + c.Key, c.Value);
        return query;
    }

    /// <summary>V2 filters by every customer property.</summary>
    public ConversationFilter FindCreated(ConversationRequest request)
    {
        var filter = new ConversationFilter { ChannelId = request.ChannelId };
        foreach (var c in request.Customer) filter.Customer[c.Key] = c.Value;
        return filter;
    }

    public bool PagedLists => false;

    public string ParticipantsPath(string conversationPath) => conversationPath + "/participants";

    public ApiRequest Leave(string conversationPath) => new ApiRequest("DELETE", conversationPath + "/participants/customer");

    public string MessagesPath(string conversationPath) => conversationPath + "/messages";

    public IEnumerable<KeyValuePair<string, string>> MessageQuery(string interactionId)
    {
        if (interactionId != null) yield return new KeyValuePair<string, string>("interaction-id", interactionId);
    }

    public IEnumerable<Participant> ReadParticipants(JsonElement root, string conversationId) =>
        WireJson.Items(root, "participants").Select(p => ReadParticipant(p, conversationId)).ToList();

    public IEnumerable<Message> ReadMessages(JsonElement root, string conversationId) =>
        WireJson.Items(root, "messages").Select(m => ReadMessage(m, conversationId)).ToList();

    public Participant ReadParticipant(JsonElement e, string conversationId) => WireJson.Read<ParticipantAnswer>(e).ToModel(conversationId);

    public Message ReadMessage(JsonElement e, string conversationId) => WireJson.Read<MessageAnswer>(e).ToModel(conversationId);

    public bool RichMessages => false;

    public string Message(MessageRequest message) => WireJson.Write(new MessageBody { Text = message.Text, AuthorType = message.AuthorType });
}

/// <summary>V2's public keys: one JWK, or a key set holding it under keys[].</summary>
internal sealed class KeyContract : IKeyContract
{
    public Jwk Read(JsonElement root, string keyId, string region)
    {
        foreach (var key in WireJson.Items(root, "keys"))
        {
            var one = WireJson.Read<JwkAnswer>(key);
            if (one.Kid == keyId) return one.ToModel(region);
        }
        var jwk = WireJson.Read<JwkAnswer>(root).ToModel(region);
        if (jwk.KeyId == null) jwk.KeyId = keyId;
        return jwk;
    }
}
