namespace ChatApi.Cmdlets;

/// <summary>Lists the attachments of a conversation (Chat Gateway), or reads some by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatAttachment")]
[OutputType(typeof(Attachment))]
public sealed class GetChatAttachmentCommand : ChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }

    /// <summary>Attachments to read; all of the conversation's when not given. An Attachment piped in binds its Id.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] AttachmentId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string conversationId = ConversationId;
        if (AttachmentId == null)
        {
            Run(call => client.ListAttachmentsAsync(conversationId, a => call.Output(a), call.Context), conversationId);
            return;
        }
        foreach (var id in AttachmentId) RunAndWrite(ctx => client.GetAttachmentAsync(conversationId, id, ctx), id);
    }
}
