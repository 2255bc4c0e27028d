namespace ChatApi.Cmdlets;

/// <summary>Saves an attachment's content to a file (Chat Gateway), streamed to disk.</summary>
[Cmdlet(VerbsData.Save, "ChatAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(System.IO.FileInfo))]
public sealed class SaveChatAttachmentCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }

    /// <summary>The attachment; an Attachment piped in binds its Id (and its ConversationId to -ConversationId).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Attachment)]
    [ValidateNotNullOrEmpty]
    public string AttachmentId { get; set; }

    /// <summary>A file to write, or an existing folder (the file takes the attachment's name there).</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; }

    /// <summary>Replace a file that exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string conversationId = ConversationId, attachmentId = AttachmentId; // the item runs while later ones are bound
        bool force = Force;
        string destination;
        try { destination = AttachmentPaths.Destination(this, Destination, nameof(Destination)); }
        catch (ChatApiException e)
        {
            FailItem(e, Destination);
            return;
        }
        if (!ShouldProcess(destination, $"Save attachment {attachmentId} of conversation {conversationId}")) return;
        RunItem(async call =>
        {
            var progress = new TransferProgress(call, $"Saving attachment {attachmentId} to {destination}");
            call.Output(await client.SaveAttachmentAsync(conversationId, attachmentId, destination, force, progress.Report, call.Context).ConfigureAwait(false));
            progress.Complete();
        }, attachmentId);
    }
}
