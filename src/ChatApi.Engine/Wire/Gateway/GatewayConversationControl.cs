namespace ChatApi.Engine.Wire.Gateway;

/// <summary>What only the Chat Gateway does with a conversation: PATCH/PUT, interactions, one message, cards, indicators, post-agent assignment, card actions.</summary>
internal sealed class GatewayConversationControl : IConversationControl
{
    /// <summary>Card actions live outside chat-gateway/v1, under the tenant.</summary>
    public const string CardActionRoot = "api/v1/tenant";

    public string Change(ConversationRequest change) => WireJson.WriteGiven(new GatewayConversationBody
    {
        User = change.Customer.Count > 0 ? GatewayConversationMapping.User(change.Customer) : null,
        Assignment = GatewayConversationMapping.Assignment(change),
    });

    public string Replace(ConversationRequest replacement) => WireJson.WriteGiven(new GatewayConversationBody
    {
        ChannelId = replacement.ChannelId,
        User = GatewayConversationMapping.User(replacement.Customer),
        Assignment = GatewayConversationMapping.Assignment(replacement),
    });

    public string InteractionsPath(string conversationPath) => conversationPath + "/interactions";

    public Interaction ReadInteraction(JsonElement e, string conversationId) => WireJson.Read<InteractionAnswer>(e).ToModel(conversationId);

    public string MessagePath(string conversationPath, string messageSegment) => $"{conversationPath}/messages/{messageSegment}";

    public string CardsPath(string conversationPath, string messageSegment) => MessagePath(conversationPath, messageSegment) + "/cards";

    public Card ReadCard(JsonElement e, string conversationId, string messageId) => WireJson.Read<GatewayCardAnswer>(e).ToModel(conversationId, messageId);

    /// <summary>typing, thinking, read-receipt: the kinds are the paths' last segments.</summary>
    public string ActivityPath(string conversationPath, string kind) => $"{conversationPath}/{kind}";

    public string Activity(ActivityRequest activity) => WireJson.WriteGiven(new ActivityBody
    {
        AuthorType = activity.AuthorType,
        MaxThinkingTimeSeconds = activity.Kind == ChatValues.Thinking ? activity.MaxThinkingSeconds : null,
        ReadAt = activity.Kind == ChatValues.ReadReceipt ? activity.ReadAt?.ToUnixTimeMilliseconds() : null,
    });

    public string PostAgentPath(string conversationPath) => conversationPath + "/post-agent-assignment";

    public string PostAgent(PostAgentAssignment assignment)
    {
        var body = new PostAgentBody { Type = ChatValues.WebhookAssignment, Id = assignment.WebhookId };
        if (assignment.NotifyChannelWebhook.HasValue || assignment.MaxTotalMinutes.HasValue || assignment.UserTimeoutMinutes.HasValue)
            body.Configuration = new PostAgentConfiguration
            {
                NotifyChannelWebhookIfExists = assignment.NotifyChannelWebhook.HasValue ? (assignment.NotifyChannelWebhook.Value ? "true" : "false") : null,
                MaxTotalMinutes = assignment.MaxTotalMinutes,
                UserTimeoutInMinutes = assignment.UserTimeoutMinutes,
            };
        return WireJson.WriteGiven(body);
    }

    public string CardActionPath(string tenantSegment, string conversationSegment, string cardSegment, string action) =>
        $"{CardActionRoot}/{tenantSegment}/conversations/{conversationSegment}/cards/{cardSegment}/action-{action}";
}
