namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    /// <summary>The wire's conversations; a clear error, before any call, on an API that does not serve them yet.</summary>
    private IConversationContract Conversations => wire.Conversations ?? throw new ChatApiException(ChatErrorKind.InvalidArgument,
        $"Conversations are not served on {wire.Api} sessions yet: use a V2 session (Connect-ChatApi -Api V2) for them; the channels and webhooks are the same.");

    private string ConversationPath(string id) => Conversations != null ? ItemPath(Families.Conversations, id, "ConversationId") : null;

    private string ConversationsPath => Conversations != null ? PathOf(Families.Conversations) : null;

    public Task ListConversationsAsync(ConversationFilter filter, int? first, int skip, Action<Conversation> emit, CallContext ctx)
    {
        filter = filter ?? new ConversationFilter();
        if (filter.Status != null) ChatRules.Require("Status", ChatRules.CheckStatus(filter.Status));
        return ListPagesAsync(ConversationsPath, Conversations.Filters(filter), first, skip, e => Conversations.Read(e, scope), c => c.Id,
            emit, ctx, "Listing conversations");
    }

    public Task<Conversation> GetConversationAsync(string id, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", ConversationPath(id)), (e, r) => Conversations.Read(e, scope), ctx, $"Reading conversation {id}");

    /// <summary>Creates a conversation (202 with its id); the answer is the new conversation as sent.</summary>
    public Task<Conversation> CreateConversationAsync(ConversationRequest conversation, CallContext ctx)
    {
        ChatRules.Require(conversation.Check());
        var request = new ApiRequest("POST", ConversationsPath) { JsonBody = Conversations.Create(conversation) };
        string what = $"Creating a conversation on channel {conversation.ChannelId}";
        string customer = conversation.Customer[CustomerData.Name];
        var filter = new ConversationFilter { ChannelId = conversation.ChannelId };
        foreach (var c in conversation.Customer) filter.Customer[c.Key] = c.Value;
        var check = new CreateCheck<Conversation>($"a conversation for '{customer}' on channel {conversation.ChannelId}",
            $"look for it with Get-ChatConversation -ChannelId {conversation.ChannelId} -Customer @{{ name = '{customer}' }}",
            c => MatchesAsync<Conversation>(emit => ListConversationsAsync(filter, null, 0, emit, c),
                found => found.ChannelId == conversation.ChannelId && conversation.Customer.All(kv => found.Customer.TryGetValue(kv.Key, out var v) && v == kv.Value),
                found => found.Id), before: true,
            identity: "conversation\n" + conversation.ChannelId + string.Concat(conversation.Customer.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\n{kv.Key}={kv.Value}")));
        return CreateAsync(request, response => Map(response, (e, r) =>
        {
            var answer = Conversations.ReadCreated(e);
            if (string.IsNullOrEmpty(answer.Id))
                throw new ChatApiException(ChatErrorKind.InvalidResponse, "The server accepted the conversation but sent no conversationId.", response.StatusCode, "POST", request.Path);
            var created = new Conversation
            {
                Id = answer.Id,
                ChannelId = conversation.ChannelId,
                Created = answer.Timestamp,
                StartTime = answer.Timestamp,
                Status = ChatValues.Created,
                Region = region,
                TenantId = tenant,
            };
            foreach (var c in conversation.Customer) created.Customer[c.Key] = c.Value;
            CustomerData.Stamp(created);
            return created;
        }, what), check, ctx, what);
    }

    public Task<IReadOnlyList<Participant>> GetParticipantsAsync(string conversationId, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", Conversations.ParticipantsPath(ConversationPath(conversationId))),
            (e, r) => (IReadOnlyList<Participant>)Conversations.ReadParticipants(e, conversationId).ToList(), ctx, $"Reading the participants of conversation {conversationId}");

    public Task<IReadOnlyList<Message>> GetMessagesAsync(string conversationId, string interactionId, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", Conversations.MessagesPath(ConversationPath(conversationId))).WithQuery(Conversations.InteractionQuery, interactionId),
            (e, r) => (IReadOnlyList<Message>)Conversations.ReadMessages(e, conversationId).ToList(), ctx, $"Reading the messages of conversation {conversationId}");

    public async Task<SentMessage> SendMessageAsync(string conversationId, string text, string authorType, CallContext ctx)
    {
        authorType = authorType ?? ChatValues.User;
        ChatRules.Require("Text", string.IsNullOrEmpty(text) ? "must not be empty" : null);
        ChatRules.Require("AuthorType", ChatRules.CheckAuthorType(authorType));
        var request = new ApiRequest("POST", Conversations.MessagesPath(ConversationPath(conversationId))) { JsonBody = Conversations.Message(text, authorType) };
        var sent = new SentMessage { ConversationId = conversationId, AuthorType = authorType, Text = text, Accepted = true };
        // Messages have no id: the n-th message with this text and author is keyed n, so one more than before is this one.
        var check = new CreateCheck<SentMessage>($"the message '{text}' in conversation {conversationId}",
            $"read the conversation with Get-ChatMessage -ConversationId {conversationId}",
            async c =>
            {
                var messages = await GetMessagesAsync(conversationId, null, c).ConfigureAwait(false);
                return messages.Where(m => m.OriginalText == text && m.AuthorType == authorType)
                    .Select((m, i) => new KeyValuePair<string, SentMessage>((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), sent)).ToList();
            }, before: true, identity: $"message\n{conversationId}\n{authorType}\n{text}");
        string what = $"Sending a message to conversation {conversationId}";
        return await CreateAsync(request, r => sent, check, ctx, what).ConfigureAwait(false);
    }

    /// <summary>The customer leaves: the interaction ends and the agent is freed.</summary>
    public Task CloseConversationAsync(string conversationId, CallContext ctx) =>
        DeleteAsync(Conversations.CustomerPath(ConversationPath(conversationId)), ctx, $"Closing conversation {conversationId}");
}
