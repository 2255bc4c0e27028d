namespace ChatApi.Cmdlets;

/// <summary>The participants of a conversation: customer, bots, agents.</summary>
[Cmdlet(VerbsCommon.Get, "ChatParticipant")]
[OutputType(typeof(Participant))]
public sealed class GetChatParticipantCommand : ConversationCmdlet
{
    protected override void ProcessRecord() => RunOnConversation((client, id, call) => client.ListParticipantsAsync(id, call.Output, call.Context));
}
