using System.Management.Automation;
using ChatApi.Completers;

namespace ChatApi.Cmdlets
{
    /// <summary>The customer leaves the conversation: the interaction ends and the agent is freed.</summary>
    [Cmdlet(VerbsCommon.Close, "ChatConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class CloseChatConversationCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChatIdentity(IdentityKind.Conversation)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversationIdCompleter))]
        public string ConversationId { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            if (!ShouldProcess($"conversation {ConversationId}", "Customer leaves")) return;
            Run(ctx => client.CloseConversationAsync(ConversationId, ctx), ConversationId);
        }
    }
}
