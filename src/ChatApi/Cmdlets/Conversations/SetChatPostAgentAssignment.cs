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
        var assignment = new PostAgentAssignment
        {
            WebhookId = WebhookId,
            MaxTotalMinutes = IfGiven(nameof(MaxTotalMinutes), MaxTotalMinutes),
            UserTimeoutMinutes = IfGiven(nameof(UserTimeoutMinutes), UserTimeoutMinutes),
            NotifyChannelWebhook = IfGiven(nameof(NotifyChannelWebhook), NotifyChannelWebhook.IsPresent),
        };
        RunConversationChange(() => ChatRules.Require(assignment.Check()), () => $"Hand back to webhook {assignment.WebhookId} after the agent",
            (client, id, call) => client.AssignAfterAgentAsync(id, assignment, call.Context));
    }
}
