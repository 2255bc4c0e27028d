namespace ChatApi.Cmdlets;

/// <summary>The messages of a conversation, oldest first and page by page (optionally of one V2 interaction), or one by -MessageId (Chat Gateway).</summary>
[Cmdlet(VerbsCommon.Get, "ChatMessage", SupportsPaging = true)]
[OutputType(typeof(Message))]
public sealed class GetChatMessageCommand : ConversationCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string InteractionId { get; set; }

    /// <summary>One message (Chat Gateway); a Message piped in binds its MessageId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string MessageId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string conversationId = ConversationId, interactionId = InteractionId;
        if (!string.IsNullOrEmpty(MessageId))
        {
            string messageId = MessageId;
            RunAndWrite(ctx => client.GetMessageAsync(conversationId, messageId, ctx), messageId);
            return;
        }
        RunList<Message>((first, skip, emit, ctx) => client.ListMessagesAsync(conversationId, interactionId, first, skip, emit, ctx), conversationId);
    }
}
