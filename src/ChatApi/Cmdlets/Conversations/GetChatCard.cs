namespace ChatApi.Cmdlets;

/// <summary>The cards of a Chat Gateway message; a Message piped in binds its ConversationId and MessageId.</summary>
[Cmdlet(VerbsCommon.Get, "ChatCard")]
[OutputType(typeof(Card))]
public sealed class GetChatCardCommand : ConversationCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string MessageId { get; set; }

    protected override void ProcessRecord()
    {
        string messageId = MessageId;
        RunOnConversation((client, id, call) => client.ListCardsAsync(id, messageId, call.Output, call.Context), messageId);
    }
}
