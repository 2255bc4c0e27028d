using System.Text.Json.Nodes;
using ChatApi.Emulator.Events;
using ChatApi.Emulator.State;

namespace ChatApi.Emulator.Conversations;

/// <summary>
/// What happens to a conversation, and the events it sends to its channel's webhook. Used by the
/// API (create, customer leave, customer message) and by the test-only agent endpoints.
/// Every method is called under the tenant's lock.
/// </summary>
public sealed class ConversationFlow(EventPublisher publisher, TimeProvider time)
{
    public void Start(TenantState tenant, Conversation conversation, IEnumerable<(string Text, string Type)> history)
    {
        var interaction = OpenInteraction(conversation);
        foreach (var (text, type) in history)
            conversation.Messages.Add(new Message(interaction.Id, text, text, type, ParticipantOf(conversation, type)));
        Queue(tenant, conversation);
    }

    /// <summary>The customer leaves: the interaction ends and the agent is freed.</summary>
    public void CustomerLeaves(Conversation conversation)
    {
        conversation.CustomerPresent = false;
        EndInteraction(conversation);
    }

    /// <summary>A customer (or bot) message; with no open interaction the conversation is queued again.</summary>
    public void CustomerMessage(TenantState tenant, Conversation conversation, string text, string authorType)
    {
        var requeue = conversation.OpenInteraction is null;
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        conversation.CustomerPresent = true;
        conversation.Messages.Add(new Message(interaction.Id, text, text, authorType, ParticipantOf(conversation, authorType)));
        if (requeue && conversation.Status != ConversationStatus.Deleted) Queue(tenant, conversation);
    }

    public DeliveryJob? AgentJoined(TenantState tenant, Conversation conversation, Agent agent)
    {
        conversation.Agent = agent;
        if (conversation.OpenInteraction is null) OpenInteraction(conversation);
        SetStatus(conversation, ConversationStatus.Handling);
        return Publish(tenant, conversation, EventTypes.AgentJoined, AgentFields(agent));
    }

    public DeliveryJob? AgentText(TenantState tenant, Conversation conversation, Agent agent, string text)
    {
        var interaction = conversation.OpenInteraction ?? OpenInteraction(conversation);
        conversation.Messages.Add(new Message(interaction.Id, text, text, "agent", agent.Id));
        return Publish(tenant, conversation, EventTypes.Text, [.. AgentFields(agent), ("message", text)]);
    }

    /// <summary>The agent ends the chat: the interaction ends; a later customer message queues again.</summary>
    public DeliveryJob? AgentLeft(TenantState tenant, Conversation conversation, Agent agent)
    {
        conversation.Agent = null;
        EndInteraction(conversation);
        return Publish(tenant, conversation, EventTypes.AgentLeft, AgentFields(agent));
    }

    /// <summary>The agent hands the conversation back to the queue.</summary>
    public DeliveryJob? Transfer(TenantState tenant, Conversation conversation, Agent agent)
    {
        conversation.Agent = null;
        SetStatus(conversation, ConversationStatus.Pending);
        return Publish(tenant, conversation, EventTypes.Transfer, [.. AgentFields(agent), ("queueId", conversation.QueueId)]);
    }

    private void Queue(TenantState tenant, Conversation conversation)
    {
        SetStatus(conversation, ConversationStatus.Pending);
        Publish(tenant, conversation, EventTypes.Queued, [("queueId", conversation.QueueId), ("queueName", $"Queue {conversation.QueueId}")]);
    }

    private DeliveryJob? Publish(TenantState tenant, Conversation conversation, string eventType, (string, JsonNode?)[] fields)
    {
        var channel = long.TryParse(conversation.ChannelId, out var channelKey) ? tenant.Channels.GetValueOrDefault(channelKey) : null;
        var webhook = channel is not null && long.TryParse(channel.WebHookId, out var hookKey) ? tenant.Webhooks.GetValueOrDefault(hookKey) : null;
        return publisher.Publish(tenant, webhook, eventType, conversation.Id, fields);
    }

    private static (string, JsonNode?)[] AgentFields(Agent agent) => [("agentId", agent.Id), ("agentName", agent.Name)];

    private Interaction OpenInteraction(Conversation conversation)
    {
        var interaction = new Interaction { Id = $"int-{conversation.Id}-{conversation.Interactions.Count + 1}-chat-{conversation.TenantId}", StartTime = time.GetUtcNow() };
        conversation.Interactions.Add(interaction);
        return interaction;
    }

    private void EndInteraction(Conversation conversation)
    {
        if (conversation.OpenInteraction is { } open) open.EndTime = time.GetUtcNow();
        conversation.Agent = null;
        SetStatus(conversation, ConversationStatus.Created);
    }

    private static void SetStatus(Conversation conversation, string status)
    {
        if (conversation.Status != ConversationStatus.Deleted) conversation.Status = status;
    }

    private static string ParticipantOf(Conversation conversation, string authorType) =>
        authorType == ChatValues.Bot ? ChatValues.Bot : conversation.CustomerParticipantId;
}
