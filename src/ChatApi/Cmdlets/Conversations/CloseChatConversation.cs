namespace ChatApi.Cmdlets;

/// <summary>The customer leaves the conversation: the interaction ends and the agent is freed.</summary>
[Cmdlet(VerbsCommon.Close, "ChatConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class CloseChatConversationCommand : ConversationCmdlet
{
    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"conversation {ConversationId}", "Customer leaves")) return;
        RunOnConversation((client, id, call) => client.CloseConversationAsync(id, call.Context));
    }
}
