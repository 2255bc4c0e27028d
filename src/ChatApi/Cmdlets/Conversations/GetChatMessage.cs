using System.Management.Automation;
using ChatApi.Completers;

namespace ChatApi.Cmdlets
{
    /// <summary>The messages of a conversation, optionally of one interaction.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatMessage")]
    [OutputType(typeof(Message))]
    public sealed class GetChatMessageCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChatIdentity(IdentityKind.Conversation)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversationIdCompleter))]
        public string ConversationId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string InteractionId { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            Run(async ctx =>
            {
                foreach (var m in await client.GetMessagesAsync(ConversationId, InteractionId, ctx).ConfigureAwait(false)) Pump.Output(m);
            }, ConversationId);
        }
    }
}
