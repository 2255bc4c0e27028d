namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    /// <summary>Sends a typing, thinking or read-receipt indicator (Chat Gateway, 204).</summary>
    public async Task SendActivityAsync(string conversationId, ActivityRequest activity, CallContext ctx)
    {
        var control = Control("Activity indicators (Send-ChatActivity)");
        ChatRules.Require(activity.Check());
        var request = new ApiRequest("POST", control.ActivityPath(ConversationPath(conversationId), activity.Kind)) { JsonBody = control.Activity(activity) };
        await SendCheckedAsync(request, ctx, $"Sending {activity.Kind} ({activity.AuthorType}) to conversation {conversationId}").ConfigureAwait(false);
    }

    /// <summary>After the agent, the conversation goes back to a bot's webhook (Chat Gateway, 201).</summary>
    public async Task AssignAfterAgentAsync(string conversationId, PostAgentAssignment assignment, CallContext ctx)
    {
        var control = Control("Post-agent assignment (Set-ChatPostAgentAssignment)");
        ChatRules.Require(assignment.Check());
        var request = new ApiRequest("POST", control.PostAgentPath(ConversationPath(conversationId))) { JsonBody = control.PostAgent(assignment) };
        await SendCheckedAsync(request, ctx, $"Handing conversation {conversationId} to webhook {assignment.WebhookId} after the agent").ConfigureAwait(false);
    }

    /// <summary>
    /// A card action (Chat Gateway, 204): submit (the user's) or execute (the agent's), with an optional JSON
    /// object as its body (8x8's description defines its name). The path holds the tenant, so the session needs one.
    /// </summary>
    public async Task CardActionAsync(string conversationId, string cardId, string action, string dataJson, CallContext ctx)
    {
        var control = Control("Card actions (Invoke-ChatCardAction)");
        ChatRules.Require("Action", action == ChatValues.Submit || action == ChatValues.Execute ? null : $"must be {ChatValues.Submit} or {ChatValues.Execute}");
        ChatRules.Require("TenantId", string.IsNullOrEmpty(tenant) ? "is needed: a card action's path holds the tenant; connect with Connect-ChatApi -TenantId" : null);
        if (dataJson != null) ChatRules.Require("Data", CheckJsonObject(dataJson));
        var path = control.CardActionPath(Segment(tenant, "TenantId"), Segment(conversationId, "ConversationId"), Segment(cardId, "CardId"), action);
        var request = new ApiRequest("PUT", path) { JsonBody = dataJson ?? "{}" };
        await SendCheckedAsync(request, ctx, $"Card action {action} on card {cardId} of conversation {conversationId}").ConfigureAwait(false);
    }

    private static string CheckJsonObject(string json)
    {
        try
        {
            using (var doc = JsonDocument.Parse(json)) return doc.RootElement.ValueKind == JsonValueKind.Object ? null : "must be a JSON object or a hashtable";
        }
        catch (JsonException e)
        {
            return $"must be a JSON object or a hashtable ({e.Message})";
        }
    }
}
