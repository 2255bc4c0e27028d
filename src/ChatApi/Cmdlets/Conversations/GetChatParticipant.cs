using System.Management.Automation;
using ChatApi.Completers;

namespace ChatApi.Cmdlets
{
    /// <summary>The participants of a conversation: customer, bots, agents.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatParticipant")]
    [OutputType(typeof(Participant))]
    public sealed class GetChatParticipantCommand : ChatCmdlet
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
            Run(async ctx =>
            {
                foreach (var p in await client.GetParticipantsAsync(ConversationId, ctx).ConfigureAwait(false)) Pump.Output(p);
            }, ConversationId);
        }
    }
}
