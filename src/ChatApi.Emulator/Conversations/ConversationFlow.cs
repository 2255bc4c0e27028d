using ChatApi.Emulator.Events;

namespace ChatApi.Emulator.Conversations;

/// <summary>
/// What happens to a conversation, and the events it sends to its channel's webhook. Used by the
/// API (create, customer leave, customer message) and by the test-only agent endpoints.
/// Every method is called under the tenant's lock.
/// </summary>
public sealed class ConversationFlow(EventPublisher publisher, EmulatorState state, TimeProvider time, Options.EmulatorOptions options)
{
    /// <summary>A new conversation on the channel, assigned to the channel's queue unless <paramref name="assignment"/> says otherwise, then started.</summary>
    public Conversation Create(TenantState tenant, Channel channel, Dictionary<string, string> customer, IEnumerable<(string Text, string Type)> history,
        (string Type, string Id)? assignment = null, List<KeyValuePair<string, string>>? additional = null)
    {
        var id = state.NextConversationId();
        var conversation = new Conversation
        {
            Id = id.ToString(), TenantId = tenant.TenantId, ChannelId = channel.Id, Customer = customer, StartTime = time.GetUtcNow(),
            QueueId = assignment?.Id ?? channel.QueueId, AssignmentType = assignment?.Type ?? "queue", AdditionalProperties = additional ?? [],
        };
        tenant.Conversations[id] = conversation;
        Start(tenant, conversation, history);
        return conversation;
    }

    private void Start(TenantState tenant, Conversation conversation, IEnumerable<(string Text, string Type)> history)
    {
        Join(conversation, conversation.CustomerParticipantId, "user");
        var interaction = OpenInteraction(conversation);
        PublishState(tenant, conversation);
        foreach (var (text, type) in history) AddMessage(conversation, interaction, text, type, ParticipantOf(conversation, type));
        Queue(tenant, conversation);
    }

    /// <summary>The customer leaves: the interaction ends, and an agent who had it is freed (AGENT_LEFT).</summary>
    public DeliveryJob? CustomerLeaves(TenantState tenant, Conversation conversation)
    {
        Leave(conversation, conversation.CustomerParticipantId);
        Publish(tenant, conversation, EventTypes.UserLeft, [("userId", conversation.CustomerParticipantId)]);
        var left = conversation.Agent is { } agent ? Publish(tenant, conversation, EventTypes.AgentLeft, AgentFields(agent)) : null;
        EndInteraction(tenant, conversation);
        return left;
    }

    /// <summary>
    /// A customer (or bot) message; with no open interaction the conversation is queued again. Under
    /// --echo-messages a Gateway webhook hears it back as MESSAGE isEcho (attachments with their pre-signed URLs under <paramref name="root"/>).
    /// </summary>
    public void CustomerMessage(TenantState tenant, Conversation conversation, string text, string authorType,
        IReadOnlyList<string>? attachmentIds = null, IReadOnlyList<Card>? cards = null, string? root = null)
    {
        var requeue = conversation.OpenInteraction is null;
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        Join(conversation, conversation.CustomerParticipantId, "user");
        AddMessage(conversation, interaction, text, authorType, ParticipantOf(conversation, authorType), attachmentIds, cards);
        if (options.EchoMessages)
            Publish(tenant, conversation, EventTypes.Echo, [("senderId", ParticipantOf(conversation, authorType)), ("senderType", authorType), ("message", text),
                ("attachments", FileList(conversation, attachmentIds, root)), ("cards", CardList(cards))]);
        if (requeue && conversation.HandedBackTo is null && conversation.Status != ConversationStatus.Deleted) Queue(tenant, conversation);
    }

    /// <summary>An agent takes the conversation (a hand-back to a bot's webhook ends).</summary>
    public DeliveryJob? AgentJoined(TenantState tenant, Conversation conversation, Agent agent)
    {
        conversation.HandedBackTo = null;
        conversation.Agent = agent;
        Join(conversation, agent.Id, "agent");
        if (conversation.OpenInteraction is null) OpenInteraction(conversation);
        var joined = Publish(tenant, conversation, EventTypes.AgentJoined, AgentFields(agent));
        SetStatus(tenant, conversation, ConversationStatus.Handling);
        return joined;
    }

    public DeliveryJob? AgentText(TenantState tenant, Conversation conversation, Agent agent, string text)
    {
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        AddMessage(conversation, interaction, text, "agent", agent.Id);
        return Publish(tenant, conversation, EventTypes.Text, [.. AgentFields(agent), ("message", text)]);
    }

    /// <summary>
    /// The agent sends a file: a TEXT naming it for V2 webhooks, a MESSAGE with <c>attachments[{id, type, preSignedUrl,
    /// fileName}]</c> for Gateway ones (the URL is the emulator's <c>/_files/{token}</c>).
    /// </summary>
    public DeliveryJob? AgentAttachment(TenantState tenant, Conversation conversation, Agent agent, Attachment attachment, string root, string? text = null)
    {
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        text = string.IsNullOrEmpty(text) ? attachment.FileName : text;
        AddMessage(conversation, interaction, text, "agent", agent.Id, [attachment.Id]);
        return Publish(tenant, conversation, EventTypes.Text, [.. AgentFields(agent), ("message", text), ("attachments", FileList(conversation, [attachment.Id], root))]);
    }

    /// <summary>The agent sends cards (with an optional text): MESSAGE with <c>cards [{contentType, content}]</c> for Gateway webhooks, the text for V2 ones.</summary>
    public DeliveryJob? AgentCards(TenantState tenant, Conversation conversation, Agent agent, string text, IReadOnlyList<Card> cards)
    {
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        AddMessage(conversation, interaction, text, "agent", agent.Id, null, cards);
        return Publish(tenant, conversation, EventTypes.Text, [.. AgentFields(agent), ("message", text), ("cards", CardList(cards))]);
    }

    /// <summary>The agent has read the conversation up to <paramref name="readAt"/> (epoch ms): ACTIVITY read-receipts for Gateway webhooks.</summary>
    public DeliveryJob? AgentReadReceipt(TenantState tenant, Conversation conversation, Agent agent, long readAt) =>
        Publish(tenant, conversation, EventTypes.ReadReceipt, [("value", new JsonObject
        {
            ["users"] = new JsonArray(new JsonObject { ["id"] = agent.Id, ["type"] = "agent" }), ["readAt"] = readAt,
        })]);

    /// <summary>MESSAGE's <c>attachments [{id, type, preSignedUrl, fileName}]</c>, the URL the emulator's <c>/_files/{token}</c>; null when none.</summary>
    private static JsonArray? FileList(Conversation conversation, IReadOnlyList<string>? ids, string? root)
    {
        var files = (ids ?? []).Select(id => conversation.Attachments.FirstOrDefault(a => a.Id == id)).OfType<Attachment>().ToList();
        return files.Count == 0 ? null : new JsonArray(files.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id, ["type"] = a.ContentType, ["preSignedUrl"] = $"{root}/_files/{a.Token}", ["fileName"] = a.FileName,
        }).ToArray());
    }

    private static JsonArray? CardList(IReadOnlyList<Card>? cards) => cards is not { Count: > 0 } ? null
        : new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["contentType"] = c.ContentType, ["content"] = c.Content?.DeepClone() }).ToArray());

    /// <summary>
    /// The agent ends the chat: the interaction ends; a later customer message queues again. With a post-agent
    /// assignment the conversation is handed back to its webhook (the assignment used once): from AGENT_LEFT on its
    /// events go there (and to the channel's webhook too when notifyChannelWebhookIfExists was "true"), a
    /// CONVERSATION_UPDATE shows assignment {type: webhook, id}, and a customer message is not queued again.
    /// </summary>
    public DeliveryJob? AgentLeft(TenantState tenant, Conversation conversation, Agent agent)
    {
        if (conversation.PostAgentWebhookId is not { } hook) return EndAgent(tenant, conversation, agent);
        (conversation.HandedBackTo, conversation.PostAgentWebhookId) = (hook, null);
        var before = Gateway.GatewayConversationDto.StateOf(conversation);
        var left = EndAgent(tenant, conversation, agent);
        if (Gateway.GatewayConversationDto.StateOf(conversation) == before && conversation.Status != ConversationStatus.Deleted)
            PublishState(tenant, conversation); // the state stayed, the assignment did not
        return left;
    }

    private DeliveryJob? EndAgent(TenantState tenant, Conversation conversation, Agent agent)
    {
        Leave(conversation, agent.Id);
        var left = Publish(tenant, conversation, EventTypes.AgentLeft, AgentFields(agent));
        EndInteraction(tenant, conversation);
        return left;
    }

    /// <summary>
    /// The agent transfers the conversation to the next agent, as the guides describe it: AGENT_LEFT for
    /// the agent, TRANSFER (base fields only), then AGENT_JOINED for the next agent. Returns the TRANSFER job.
    /// </summary>
    public DeliveryJob? Transfer(TenantState tenant, Conversation conversation, Agent agent, Agent next)
    {
        Leave(conversation, agent.Id);
        conversation.Agent = null;
        Publish(tenant, conversation, EventTypes.AgentLeft, AgentFields(agent));
        var transfer = Publish(tenant, conversation, EventTypes.Transfer, []);
        AgentJoined(tenant, conversation, next);
        return transfer;
    }

    /// <summary>The conversation moves to another queue or script (Gateway PATCH/PUT): it is queued there again (no hand-back).</summary>
    public void Reassign(TenantState tenant, Conversation conversation, string type, string id)
    {
        conversation.AssignmentType = type;
        conversation.QueueId = id;
        conversation.HandedBackTo = null;
        if (conversation.Agent is { } agent) EndAgent(tenant, conversation, agent);
        if (conversation.OpenInteraction is null) OpenInteraction(conversation);
        Queue(tenant, conversation);
    }

    private void AddMessage(Conversation conversation, Interaction interaction, string text, string authorType, string participantId,
        IReadOnlyList<string>? attachmentIds = null, IReadOnlyList<Card>? cards = null) =>
        conversation.Messages.Add(new Message(interaction.Id, text, text, authorType, participantId,
            $"msg-{conversation.Id}-{conversation.Messages.Count + 1}", time.GetUtcNow(), attachmentIds, cards));

    /// <summary>The agent types (or stops): a Gateway webhook hears ACTIVITY typing with the agent in <c>value.users</c> (empty when stopped).</summary>
    public DeliveryJob? AgentTyping(TenantState tenant, Conversation conversation, Agent agent, bool typing)
    {
        var users = typing ? new JsonArray(new JsonObject { ["id"] = agent.Id, ["type"] = "agent" }) : [];
        return Publish(tenant, conversation, EventTypes.AgentTyping, [("value", new JsonObject { ["users"] = users })]);
    }

    /// <summary>
    /// A card action (Gateway): the flag is set and a Gateway webhook hears ACTIVITY adaptiveCard/action, or
    /// quickReply/action for a card of quick replies (<c>application/8x8.quick.replies</c>).
    /// </summary>
    public DeliveryJob? CardAction(TenantState tenant, Conversation conversation, Card card, string action, string? name)
    {
        if (action == "submit") card.ActionSubmitted = true; else card.ActionExecuted = true;
        var value = new JsonObject { ["cardId"] = card.Id, ["action"] = action };
        if (name is not null) value["name"] = name;
        var activity = card.ContentType == QuickReplies ? "quickReply/action" : "adaptiveCard/action";
        return Publish(tenant, conversation, EventTypes.CardAction, [("activity", activity), ("value", value)]);
    }

    public const string QuickReplies = "application/8x8.quick.replies";

    private void Queue(TenantState tenant, Conversation conversation)
    {
        SetStatus(tenant, conversation, ConversationStatus.Pending);
        Publish(tenant, conversation, EventTypes.Queued, [("queueId", conversation.QueueId), ("queueName", $"Queue {conversation.QueueId}")]);
    }

    /// <summary>Sends the event to the channel's webhook, or once handed back to the bot's webhook (and the channel's when asked); returns the first job.</summary>
    private DeliveryJob? Publish(TenantState tenant, Conversation conversation, string eventType, (string, JsonNode?)[] fields)
    {
        var channel = long.TryParse(conversation.ChannelId, out var channelKey) ? tenant.Channels.GetValueOrDefault(channelKey) : null;
        var webhook = channel is not null ? Api.WebhookEndpoints.Find(tenant, channel.WebHookId) : null;
        if (conversation.HandedBackTo is not { } botId) return publisher.Publish(tenant, webhook, eventType, conversation.Id, fields);
        var bot = Api.WebhookEndpoints.Find(tenant, botId);
        var job = publisher.Publish(tenant, bot, eventType, conversation.Id, fields);
        var also = conversation.PostAgentNotifiesChannel && webhook != bot ? publisher.Publish(tenant, webhook, eventType, conversation.Id, fields) : null;
        return job ?? also;
    }

    private static void Join(Conversation conversation, string id, string type)
    {
        if (conversation.Participants.FirstOrDefault(p => p.Id == id && p.Type == type) is { } known) known.Removed = false;
        else conversation.Participants.Add(new Participant(id, type));
    }

    private static void Leave(Conversation conversation, string id)
    {
        foreach (var p in conversation.Participants.Where(p => p.Id == id)) p.Removed = true;
    }

    private static (string, JsonNode?)[] AgentFields(Agent agent) => [("agentId", agent.Id), ("agentName", agent.Name)];

    private Interaction OpenInteraction(Conversation conversation)
    {
        var interaction = new Interaction { Id = $"int-{conversation.Id}-{conversation.Interactions.Count + 1}-chat-{conversation.TenantId}", StartTime = time.GetUtcNow() };
        conversation.Interactions.Add(interaction);
        return interaction;
    }

    private void EndInteraction(TenantState tenant, Conversation conversation)
    {
        if (conversation.OpenInteraction is { } open) open.EndTime = time.GetUtcNow();
        if (conversation.Agent is { } agent) Leave(conversation, agent.Id);
        conversation.Agent = null;
        SetStatus(tenant, conversation, ConversationStatus.Created);
    }

    /// <summary>Sets the status; when the Gateway's state changes with it, a Gateway webhook hears CONVERSATION_UPDATE.</summary>
    private void SetStatus(TenantState tenant, Conversation conversation, string status)
    {
        if (conversation.Status == ConversationStatus.Deleted) return;
        var before = Gateway.GatewayConversationDto.StateOf(conversation);
        conversation.Status = status;
        if (Gateway.GatewayConversationDto.StateOf(conversation) != before) PublishState(tenant, conversation);
    }

    /// <summary>The Gateway's CONVERSATION_UPDATE: state, assignment (the agent while one has it), user, channel. V2 webhooks hear nothing.</summary>
    private void PublishState(TenantState tenant, Conversation conversation)
    {
        var dto = Gateway.GatewayConversationDto.From(conversation);
        var assignment = conversation.Agent is { } agent
            ? new JsonObject { ["type"] = "agent", ["id"] = agent.Id, ["resourceId"] = conversation.QueueId }
            : new JsonObject { ["type"] = conversation.GatewayAssignment.Type, ["id"] = conversation.GatewayAssignment.Id };
        Publish(tenant, conversation, EventTypes.StateChanged, [("state", dto.State), ("assignment", assignment),
            ("user", System.Text.Json.JsonSerializer.SerializeToNode(dto.User, Http.EmulatorJson.Options)),
            ("msisdn", conversation.Customer.GetValueOrDefault("phone")), ("channel", conversation.ChannelId)]);
    }

    private static string ParticipantOf(Conversation conversation, string authorType) =>
        authorType == ChatValues.Bot ? ChatValues.Bot : conversation.CustomerParticipantId;
}
