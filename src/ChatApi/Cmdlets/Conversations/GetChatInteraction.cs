namespace ChatApi.Cmdlets;

/// <summary>The interactions (queue-to-agent episodes) of a conversation: listed by the Chat Gateway, read from the conversation on Chat API V2.</summary>
[Cmdlet(VerbsCommon.Get, "ChatInteraction")]
[OutputType(typeof(Interaction))]
public sealed class GetChatInteractionCommand : ConversationCmdlet
{
    protected override void ProcessRecord() => RunOnConversation((client, id, call) => client.ListInteractionsAsync(id, call.Output, call.Context));
}
