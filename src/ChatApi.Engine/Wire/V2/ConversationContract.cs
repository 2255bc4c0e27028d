namespace ChatApi.Engine.Wire.V2;

/// <summary>V2's conversations, their participants and messages.</summary>
internal sealed class ConversationContract : IConversationContract
{
    public Conversation Read(JsonElement e, ApiScope scope) => ConversationMapping.Read(e, scope);

    public string Create(ConversationRequest request) => ConversationMapping.Create(request);

    public ConversationCreated ReadCreated(JsonElement e) => ConversationMapping.ReadCreated(e);

    public IEnumerable<KeyValuePair<string, string>> Filters(ConversationFilter filter)
    {
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

    public string ParticipantsPath(string conversationPath) => conversationPath + "/participants";

    public string CustomerPath(string conversationPath) => conversationPath + "/participants/customer";

    public string MessagesPath(string conversationPath) => conversationPath + "/messages";

    public string InteractionQuery => "interaction-id";

    public IEnumerable<Participant> ReadParticipants(JsonElement root, string conversationId) =>
        WireJson.Items(root, "participants").Select(p => WireJson.Read<ParticipantAnswer>(p).ToModel(conversationId)).ToList();

    public IEnumerable<Message> ReadMessages(JsonElement root, string conversationId) =>
        WireJson.Items(root, "messages").Select(m => WireJson.Read<MessageAnswer>(m).ToModel(conversationId)).ToList();

    public string Message(string text, string authorType) => WireJson.Write(new MessageBody { Text = text, AuthorType = authorType });
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
