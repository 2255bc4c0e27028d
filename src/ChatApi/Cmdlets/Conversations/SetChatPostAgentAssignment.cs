namespace ChatApi.Cmdlets;

/// <summary>After the agent, a Chat Gateway conversation goes back to a bot's webhook (post-agent assignment).</summary>
[Cmdlet(VerbsCommon.Set, "ChatPostAgentAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class SetChatPostAgentAssignmentCommand : ChangingConversationCmdlet
{
    /// <summary>The bot's webhook the conversation goes back to.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string WebhookId { get; set; }

    [Parameter]
    [ValidateRange(ChatValues.MinPostAgentTotalMinutes, ChatValues.MaxPostAgentTotalMinutes)]
    public int MaxTotalMinutes { get; set; }

    [Parameter]
    [ValidateRange(ChatValues.MinPostAgentUserTimeoutMinutes, ChatValues.MaxPostAgentUserTimeoutMinutes)]
    public int UserTimeoutMinutes { get; set; }

    [Parameter]
    public SwitchParameter NotifyChannelWebhook { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string conversationId = ConversationId;
        var bound = MyInvocation.BoundParameters;
        var assignment = new PostAgentAssignment
        {
            WebhookId = WebhookId,
            MaxTotalMinutes = bound.ContainsKey(nameof(MaxTotalMinutes)) ? MaxTotalMinutes : (int?)null,
            UserTimeoutMinutes = bound.ContainsKey(nameof(UserTimeoutMinutes)) ? UserTimeoutMinutes : (int?)null,
            NotifyChannelWebhook = bound.ContainsKey(nameof(NotifyChannelWebhook)) ? NotifyChannelWebhook.IsPresent : (bool?)null,
        };
        RunConversationChange(conversationId, () => ChatRules.Require(assignment.Check()), () => $"Hand back to webhook {assignment.WebhookId} after the agent",
            call => client.AssignAfterAgentAsync(conversationId, assignment, call.Context));
    }
}
