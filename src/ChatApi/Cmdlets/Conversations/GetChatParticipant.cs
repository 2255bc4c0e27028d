namespace ChatApi.Cmdlets;

/// <summary>The participants of a conversation: customer, bots, agents.</summary>
[Cmdlet(VerbsCommon.Get, "ChatParticipant")]
[OutputType(typeof(Participant))]
public sealed class GetChatParticipantCommand : ConversationCmdlet
{
    protected override void ProcessRecord()
    {
        var client = Client;
        Run(async call =>
        {
            foreach (var p in await client.GetParticipantsAsync(ConversationId, call.Context).ConfigureAwait(false)) call.Output(p);
        }, ConversationId);
    }
}
