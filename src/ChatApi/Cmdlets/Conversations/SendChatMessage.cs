namespace ChatApi.Cmdlets;

/// <summary>Sends a customer (user) or bot message into a conversation.</summary>
[Cmdlet(VerbsCommunications.Send, "ChatMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SentMessage))]
public sealed class SendChatMessageCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Text { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet(ChatValues.User, ChatValues.Bot)]
    public string AuthorType { get; set; } = "user";

    /// <summary>Files uploaded to the conversation and sent with the message (Chat Gateway sessions).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Attachment { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (Attachment != null)
        {
            SendWithAttachments(client);
            return;
        }
        if (!ShouldProcess($"conversation {ConversationId}", $"Send {AuthorType} message")) return;
        string conversationId = ConversationId, text = Text, authorType = AuthorType; // the item runs while later ones are bound
        // A conversation's messages go out in input order; messages to other conversations overlap.
        RunItemInOrder(conversationId, async call => call.Output(await client.SendMessageAsync(conversationId, text, authorType, call.Context).ConfigureAwait(false)), conversationId);
    }

    /// <summary>-Attachment: the files are checked before any call, uploaded, then the message names them.</summary>
    private void SendWithAttachments(ChatApiClient client)
    {
        List<string> files;
        try { files = AttachmentPaths.Resolve(this, Attachment, literal: false, nameof(Attachment)); }
        catch (ChatApiException e)
        {
            FailItem(e, Attachment);
            return;
        }
        if (!ShouldProcess($"conversation {ConversationId}", $"Send {AuthorType} message with {files.Count} attachment(s)")) return;
        string conversationId = ConversationId, text = Text, authorType = AuthorType;
        RunItemInOrder(conversationId, async call =>
        {
            var progress = new Dictionary<string, TransferProgress>();
            Action<string, long, long> report = (name, done, total) =>
            {
                if (!progress.TryGetValue(name, out var bar)) progress[name] = bar = new TransferProgress(call, $"Uploading {name} to conversation {conversationId}");
                bar.Report(done, total);
            };
            call.Output(await client.SendMessageWithAttachmentsAsync(conversationId, text, authorType, files, report, call.Context).ConfigureAwait(false));
            foreach (var bar in progress.Values) bar.Complete();
        }, conversationId);
    }
}
