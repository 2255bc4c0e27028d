namespace ChatApi.Cmdlets;

/// <summary>The messages of a conversation, optionally of one interaction.</summary>
[Cmdlet(VerbsCommon.Get, "ChatMessage")]
[OutputType(typeof(Message))]
public sealed class GetChatMessageCommand : ConversationCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string InteractionId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        Run(async call =>
        {
            foreach (var m in await client.GetMessagesAsync(ConversationId, InteractionId, call.Context).ConfigureAwait(false)) call.Output(m);
        }, ConversationId);
    }
}
