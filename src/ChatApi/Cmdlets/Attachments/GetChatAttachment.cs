namespace ChatApi.Cmdlets;

/// <summary>Lists the attachments of a conversation (Chat Gateway), or reads some by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatAttachment")]
[OutputType(typeof(Attachment))]
public sealed class GetChatAttachmentCommand : ConversationCmdlet
{
    /// <summary>Attachments to read; all of the conversation's when not given.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] AttachmentId { get; set; }

    protected override void ProcessRecord()
    {
        if (AttachmentId == null) RunOnConversation((client, id, call) => client.ListAttachmentsAsync(id, call.Output, call.Context));
        else ReadEach();
    }

    private void ReadEach()
    {
        var client = Client;
        string conversationId = ConversationId;
        foreach (var id in AttachmentId) RunAndWrite(ctx => client.GetAttachmentAsync(conversationId, id, ctx), id);
    }
}
