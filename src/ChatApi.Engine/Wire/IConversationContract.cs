namespace ChatApi.Engine.Wire;

/// <summary>
/// The conversations of an API, their participants and messages: both APIs serve these, each in
/// its shape. Paths take the conversation's path (and escaped segments) from the client.
/// </summary>
internal interface IConversationContract
{
    Conversation Read(JsonElement e, ApiScope scope);
    /// <summary>Null when the request keeps this API's rules (its customer limit, fields it has), else (parameter, rule).</summary>
    (string Parameter, string Rule)? Check(ConversationRequest request);
    string Create(ConversationRequest request);
    /// <summary>The new conversation's id from the answer to a create.</summary>
    ConversationCreated ReadCreated(JsonElement e);
    /// <summary>Query parameters of the conversation list; a filter the API lacks is an InvalidArgument naming its parameter.</summary>
    IEnumerable<KeyValuePair<string, string>> Filters(ConversationFilter filter);
    /// <summary>The list filter that finds a conversation like <paramref name="request"/> after a lost answer (what the server can filter by).</summary>
    ConversationFilter FindCreated(ConversationRequest request);

    /// <summary>Whether a conversation's sub-lists (messages, participants) come in pages (HAL) or whole in one answer.</summary>
    bool PagedLists { get; }
    string ParticipantsPath(string conversationPath);
    /// <summary>The call that makes the customer leave.</summary>
    ApiRequest Leave(string conversationPath);
    string MessagesPath(string conversationPath);
    /// <summary>Query of the message list; an interaction filter the API lacks is an InvalidArgument naming InteractionId.</summary>
    IEnumerable<KeyValuePair<string, string>> MessageQuery(string interactionId);
    /// <summary>The participants, or the messages, of one answer (or one page).</summary>
    IEnumerable<Participant> ReadParticipants(JsonElement root, string conversationId);
    IEnumerable<Message> ReadMessages(JsonElement root, string conversationId);
    Participant ReadParticipant(JsonElement e, string conversationId);
    Message ReadMessage(JsonElement e, string conversationId);
    /// <summary>Whether messages carry cards and attachments.</summary>
    bool RichMessages { get; }
    string Message(MessageRequest message);
}

/// <summary>What the answer to a create says.</summary>
internal sealed class ConversationCreated
{
    public string Id { get; set; }
    public System.DateTimeOffset? Timestamp { get; set; }
    /// <summary>What a new conversation is, in the API's words: V2's status or the Gateway's state (both created).</summary>
    public string Status { get; set; }
    public string State { get; set; }
}

/// <summary>
/// What only the Chat Gateway does with a conversation: change or replace it (another queue or
/// script, other user data), list its interactions, read one message and its cards, send activity
/// indicators, hand it back to a bot after the agent, and act on a card.
/// </summary>
internal interface IConversationControl
{
    /// <summary>A PATCH body: the assignment and the user fields given, nothing else.</summary>
    string Change(ConversationRequest change);
    /// <summary>A PUT body: channel, the whole user and the assignment.</summary>
    string Replace(ConversationRequest replacement);
    string InteractionsPath(string conversationPath);
    Interaction ReadInteraction(JsonElement e, string conversationId);
    string MessagePath(string conversationPath, string messageSegment);
    string CardsPath(string conversationPath, string messageSegment);
    Card ReadCard(JsonElement e, string conversationId, string messageId);
    string ActivityPath(string conversationPath, string kind);
    string Activity(ActivityRequest activity);
    string PostAgentPath(string conversationPath);
    string PostAgent(PostAgentAssignment assignment);
    /// <summary>Path of a card action, outside the API's root: it holds the tenant.</summary>
    string CardActionPath(string tenantSegment, string conversationSegment, string cardSegment, string action);
}
