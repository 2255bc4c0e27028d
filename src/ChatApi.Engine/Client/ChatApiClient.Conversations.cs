namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    private IConversationContract Conversations => wire.Conversations;

    /// <summary>What only the Chat Gateway does with a conversation; a clear error, before any call, on an API without it.</summary>
    private IConversationControl Control(string what) => wire.ConversationControl ?? throw new ChatApiException(ChatErrorKind.InvalidArgument,
        $"{what} is served by the Chat Gateway only, not by {ChatValues.ApiTitle(wire.Api)}: connect with Connect-ChatApi -Api Gateway for it.");

    private string ConversationPath(string id) => ItemPath(Families.Conversations, id, "ConversationId");

    public Task ListConversationsAsync(ConversationFilter filter, int? first, int skip, Action<Conversation> emit, CallContext ctx)
    {
        filter = filter ?? new ConversationFilter();
        if (filter.Status != null) ChatRules.Require("Status", ChatRules.CheckStatus(filter.Status));
        var query = Conversations.Filters(filter).ToList();
        return ListPagesAsync(PathOf(Families.Conversations), query, first, skip, e => Conversations.Read(e, scope), c => c.Id,
            emit, ctx, "Listing conversations");
    }

    public Task<Conversation> GetConversationAsync(string id, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", ConversationPath(id)), (e, r) => Conversations.Read(e, scope), ctx, $"Reading conversation {id}");

    /// <summary>Checks a conversation against the session's API's rules (its customer limit, the fields it has), before any call.</summary>
    public void CheckConversation(ConversationRequest conversation) => ChatRules.Require(Conversations.Check(conversation));

    /// <summary>Creates a conversation (202 with its id); the answer is the new conversation as sent.</summary>
    public Task<Conversation> CreateConversationAsync(ConversationRequest conversation, CallContext ctx)
    {
        CheckConversation(conversation);
        var request = new ApiRequest("POST", PathOf(Families.Conversations)) { JsonBody = Conversations.Create(conversation) };
        string what = $"Creating a conversation on channel {conversation.ChannelId}";
        string customer = conversation.Customer[CustomerData.Name];
        var filter = Conversations.FindCreated(conversation);
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
            var created = WireConversation.New(scope, answer.Id, conversation.ChannelId, answer.Timestamp, answer.Status, answer.State,
                conversation.AssignmentType, conversation.AssignmentId);
            created.Created = answer.Timestamp;
            foreach (var c in conversation.Customer) created.Customer[c.Key] = c.Value;
            CustomerData.Stamp(created);
            return created;
        }, what), check, ctx, what);
    }

    /// <summary>
    /// Changes a conversation (Chat Gateway): PATCH with the assignment and the user fields given, or with
    /// <paramref name="replace"/> a PUT of channel, whole user and assignment. Both answer 202 while the
    /// move is processed; with <paramref name="passThru"/> the conversation is returned as answered, or
    /// read when the answer holds none.
    /// </summary>
    public async Task<Conversation> ChangeConversationAsync(string conversationId, ConversationRequest change, bool replace, bool passThru, CallContext ctx)
    {
        var control = Control(replace ? "Replacing a conversation (Set-ChatConversation -Replace)" : "Changing a conversation (Set-ChatConversation)");
        if (replace) ChatRules.Require("ChannelId", ChatRules.CheckNotEmpty(change.ChannelId));
        else if (change.Customer.Count == 0 && change.AssignmentType == null)
            ChatRules.Require("QueueId", "or -ScriptId, or user data (-CustomerName, -Email, -Property ...) must be given: there is nothing to change");
        ChatRules.Require("Property", change.Customer.CheckFree());
        var path = ConversationPath(conversationId);
        var request = new ApiRequest(replace ? "PUT" : "PATCH", path) { JsonBody = replace ? control.Replace(change) : control.Change(change) };
        string what = $"{(replace ? "Replacing" : "Changing")} conversation {conversationId}";
        var response = change.AssignmentType == null
            ? await SendCheckedAsync(request, ctx, what).ConfigureAwait(false)
            : await CreateAsync(request, r => r, RerouteCheck(conversationId, change), ctx, what).ConfigureAwait(false);
        if (!passThru) return null;
        // A move found done after a lost answer has no answer to read.
        var answered = string.IsNullOrWhiteSpace(response?.Body) ? null : Map(response, (e, r) => Conversations.Read(e, scope), what);
        return answered?.Id != null ? answered : await GetConversationAsync(conversationId, ctx).ConfigureAwait(false);
    }

    /// <summary>
    /// A re-route queues the conversation again, so after a lost answer it is not repeated blindly (as
    /// a create is not): the conversation is read first, and a move it shows already done is this one.
    /// A conversation that was in that queue or script before cannot tell, and fails as OutcomeUnknown.
    /// </summary>
    private CreateCheck<ApiResponse> RerouteCheck(string conversationId, ConversationRequest change) =>
        new CreateCheck<ApiResponse>($"conversation {conversationId} to {change.AssignmentType} {change.AssignmentId}",
            $"read it with Get-ChatConversation -Id {conversationId} (its Assignment): a repeat queues it twice",
            async c =>
            {
                var now = await GetConversationAsync(conversationId, c).ConfigureAwait(false);
                bool there = now.AssignmentType == change.AssignmentType && now.AssignmentId == change.AssignmentId;
                return there ? new List<KeyValuePair<string, ApiResponse>> { new KeyValuePair<string, ApiResponse>(conversationId, null) } : new List<KeyValuePair<string, ApiResponse>>();
            }, before: true, identity: "reroute\n" + conversationId, doing: "Moving", notDone: "was not moved");

    /// <summary>The interactions of a conversation: the Gateway lists them; V2 carries them in the conversation.</summary>
    public async Task ListInteractionsAsync(string conversationId, Action<Interaction> emit, CallContext ctx)
    {
        var control = wire.ConversationControl;
        if (control == null)
        {
            foreach (var i in (await GetConversationAsync(conversationId, ctx).ConfigureAwait(false)).Interactions) emit(i);
            return;
        }
        await ListPagesAsync(control.InteractionsPath(ConversationPath(conversationId)), null, null, 0, e => control.ReadInteraction(e, conversationId), i => i.Id,
            emit, ctx, $"Reading the interactions of conversation {conversationId}").ConfigureAwait(false);
    }

    public Task ListParticipantsAsync(string conversationId, Action<Participant> emit, CallContext ctx) =>
        SubListAsync(Conversations.ParticipantsPath(ConversationPath(conversationId)), null, e => Conversations.ReadParticipant(e, conversationId),
            root => Conversations.ReadParticipants(root, conversationId), p => p.Type + "/" + p.Id, null, 0, emit, ctx,
            $"Reading the participants of conversation {conversationId}");

    /// <summary>The customer leaves: the interaction ends and the agent is freed.</summary>
    public Task CloseConversationAsync(string conversationId, CallContext ctx) =>
        RemoveAsync(Conversations.Leave(ConversationPath(conversationId)), ctx, $"Closing conversation {conversationId}");

    /// <summary>
    /// A conversation's sub-list: page by page where the API pages it (the Gateway's HAL), else the one
    /// answer, with <paramref name="first"/> and <paramref name="skip"/> applied here.
    /// </summary>
    private async Task SubListAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> query, Func<JsonElement, T> readOne,
        Func<JsonElement, IEnumerable<T>> readAnswer, Func<T, string> key, int? first, int skip, Action<T> emit, CallContext ctx, string what)
    {
        if (Conversations.PagedLists)
        {
            await ListPagesAsync(path, query, first, skip, readOne, key, emit, ctx, what).ConfigureAwait(false);
            return;
        }
        var request = new ApiRequest("GET", path);
        if (query != null) foreach (var q in query) request.WithQuery(q.Key, q.Value);
        var items = await CallAsync(request, (e, r) => readAnswer(e).ToList(), ctx, what).ConfigureAwait(false);
        foreach (var item in items.Skip(skip).Take(first ?? int.MaxValue)) emit(item);
    }
}
