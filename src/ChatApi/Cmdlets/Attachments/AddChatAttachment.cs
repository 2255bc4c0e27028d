using System.IO;

namespace ChatApi.Cmdlets;

/// <summary>Uploads files to a conversation (Chat Gateway), streamed from disk.</summary>
[Cmdlet(VerbsCommon.Add, "ChatAttachment", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Attachment))]
public sealed class AddChatAttachmentCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }

    /// <summary>Files to upload; wildcards expand, relative paths are against the current location.</summary>
    [Parameter(ParameterSetName = "Path", Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; }

    /// <summary>Files to upload, taken as written (no wildcards).</summary>
    [Parameter(ParameterSetName = "LiteralPath", Mandatory = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; }

    [Parameter]
    [ValidateSet(ChatValues.User, ChatValues.Bot)]
    public string AuthorType { get; set; } = ChatValues.User;

    protected override void ProcessRecord()
    {
        var client = Client;
        bool literal = ParameterSetName == "LiteralPath";
        string parameter = literal ? nameof(LiteralPath) : nameof(Path);
        List<string> files;
        try { files = AttachmentPaths.Resolve(this, literal ? LiteralPath : Path, literal, parameter); }
        catch (ChatApiException e)
        {
            FailItem(e, literal ? (object)LiteralPath : Path);
            return;
        }
        string conversationId = ConversationId, authorType = AuthorType; // the item runs while later ones are bound
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (!ShouldProcess($"conversation {conversationId}", $"Upload '{info.Name}' ({info.Length:n0} bytes) as {authorType}")) continue;
            RunItemInOrder(conversationId, async call =>
            {
                var progress = new TransferProgress(call, $"Uploading {info.Name} to conversation {conversationId}");
                call.Output(await client.UploadAttachmentAsync(conversationId, file, authorType, progress.Report, call.Context).ConfigureAwait(false));
                progress.Complete();
            }, file);
        }
    }
}
