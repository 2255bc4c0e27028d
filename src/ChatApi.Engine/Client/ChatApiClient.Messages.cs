namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    /// <summary>The messages of a conversation, oldest first, streamed page by page where the API pages them.</summary>
    public Task ListMessagesAsync(string conversationId, string interactionId, int? first, int skip, Action<Message> emit, CallContext ctx)
    {
        var query = Conversations.MessageQuery(interactionId).ToList();
        return SubListAsync(Conversations.MessagesPath(ConversationPath(conversationId)), query, e => Conversations.ReadMessage(e, conversationId),
            root => Conversations.ReadMessages(root, conversationId), m => m.MessageId, first, skip, emit, ctx,
            $"Reading the messages of conversation {conversationId}");
    }

    public async Task<IReadOnlyList<Message>> GetMessagesAsync(string conversationId, string interactionId, CallContext ctx)
    {
        var list = new List<Message>();
        await ListMessagesAsync(conversationId, interactionId, null, 0, list.Add, ctx).ConfigureAwait(false);
        return list;
    }

    /// <summary>One message by id (Chat Gateway).</summary>
    public Task<Message> GetMessageAsync(string conversationId, string messageId, CallContext ctx)
    {
        var control = Control("Reading one message (Get-ChatMessage -MessageId)");
        var path = control.MessagePath(ConversationPath(conversationId), Segment(messageId, "MessageId"));
        return CallAsync(new ApiRequest("GET", path), (e, r) => Conversations.ReadMessage(e, conversationId), ctx, $"Reading message {messageId} of conversation {conversationId}");
    }

    public Task<SentMessage> SendMessageAsync(string conversationId, string text, string authorType, CallContext ctx) =>
        SendMessageAsync(conversationId, new MessageRequest { Text = text, AuthorType = authorType ?? ChatValues.User }, ctx);

    /// <summary>
    /// Sends a message (202). After a lost answer the conversation's messages are read: one more with
    /// this text and author than before is this one (keyed by id where the API gives one, else by count).
    /// </summary>
    public async Task<SentMessage> SendMessageAsync(string conversationId, MessageRequest message, CallContext ctx)
    {
        ChatRules.Require(message.Check(Conversations.RichMessages, ChatValues.ApiTitle(wire.Api)));
        var request = new ApiRequest("POST", Conversations.MessagesPath(ConversationPath(conversationId))) { JsonBody = Conversations.Message(message) };
        string text = message.Text ?? "", authorType = message.AuthorType;
        var sent = new SentMessage { ConversationId = conversationId, AuthorType = authorType, Text = message.Text, CardCount = message.Cards.Count, Accepted = true };
        var check = new CreateCheck<SentMessage>($"the message '{text}' in conversation {conversationId}",
            $"read the conversation with Get-ChatMessage -ConversationId {conversationId}",
            async c =>
            {
                var messages = await GetMessagesAsync(conversationId, null, c).ConfigureAwait(false);
                return messages.Where(m => (m.OriginalText ?? "") == text && m.AuthorType == authorType)
                    .Select((m, i) => new KeyValuePair<string, SentMessage>(m.MessageId ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), sent)).ToList();
            }, before: true, identity: $"message\n{conversationId}\n{authorType}\n{text}");
        return await CreateAsync(request, r => sent, check, ctx, $"Sending a message to conversation {conversationId}").ConfigureAwait(false);
    }

    /// <summary>The cards of one message (Chat Gateway).</summary>
    public Task ListCardsAsync(string conversationId, string messageId, Action<Card> emit, CallContext ctx)
    {
        var control = Control("Reading cards (Get-ChatCard)");
        var path = control.CardsPath(ConversationPath(conversationId), Segment(messageId, "MessageId"));
        return ListPagesAsync(path, null, null, 0, e => control.ReadCard(e, conversationId, messageId), c => c.CardId, emit, ctx,
            $"Reading the cards of message {messageId} in conversation {conversationId}");
    }
}
