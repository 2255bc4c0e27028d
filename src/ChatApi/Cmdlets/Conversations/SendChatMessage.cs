namespace ChatApi.Cmdlets;

/// <summary>Sends a customer (user) or bot message into a conversation: a text, and on the Chat Gateway cards.</summary>
[Cmdlet(VerbsCommunications.Send, "ChatMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SentMessage))]
public sealed class SendChatMessageCommand : ChangingConversationCmdlet
{
    /// <summary>The text; may be left out on the Chat Gateway when the message carries a card or an attachment.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Text { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet(ChatValues.User, ChatValues.Bot)]
    public string AuthorType { get; set; } = ChatValues.User;

    /// <summary>Cards (Chat Gateway): adaptive card JSON or hashtables, or whole cards {contentType, content}.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[] Card { get; set; }

    /// <summary>Files uploaded to the conversation and sent with the message (Chat Gateway sessions).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Attachment { get; set; }

    protected override void ProcessRecord()
    {
        var message = new MessageRequest { Text = Text, AuthorType = AuthorType };
        List<string> files = null;
        RunConversationChange(() =>
            {
                foreach (var card in Card ?? Array.Empty<object>()) message.Cards.Add(CardContent.From(JsonArgument.Read(card, "Card")));
                // Files are checked here, before any call; they are uploaded first and the message names them.
                if (Attachment != null) files = AttachmentPaths.Resolve(this, Attachment, literal: false, nameof(Attachment));
            },
            () => Describe(message, files),
            // A conversation's messages go out in input order; messages to other conversations overlap.
            async (client, id, call) => call.Output(files == null
                ? await client.SendMessageAsync(id, message, call.Context).ConfigureAwait(false)
                : await client.SendMessageWithAttachmentsAsync(id, message, files, UploadProgress(call, id), call.Context).ConfigureAwait(false)));
    }

    private static string Describe(MessageRequest message, List<string> files)
    {
        var parts = new List<string>();
        if (message.Cards.Count > 0) parts.Add($"{message.Cards.Count} card(s)");
        if (files != null) parts.Add($"{files.Count} attachment(s)");
        return parts.Count > 0 ? $"Send {message.AuthorType} message with {string.Join(" and ", parts)}" : $"Send {message.AuthorType} message";
    }

    /// <summary>A progress bar per uploaded file, for files large enough to show one.</summary>
    private static Action<string, long, long> UploadProgress(CmdletCall call, string conversationId)
    {
        var bars = new Dictionary<string, TransferProgress>();
        return (name, done, total) =>
        {
            if (!bars.TryGetValue(name, out var bar)) bars[name] = bar = new TransferProgress(call, $"Uploading {name} to conversation {conversationId}");
            bar.Report(done, total);
            if (done >= total) bar.Complete();
        };
    }
}
