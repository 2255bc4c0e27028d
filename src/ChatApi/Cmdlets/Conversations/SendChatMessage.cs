namespace ChatApi.Cmdlets;

/// <summary>Sends a customer (user) or bot message into a conversation: a text, and on the Chat Gateway cards.</summary>
[Cmdlet(VerbsCommunications.Send, "ChatMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SentMessage))]
public sealed class SendChatMessageCommand : ChangingConversationCmdlet
{
    /// <summary>The text; may be left out on the Chat Gateway when the message carries a card.</summary>
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

    protected override void ProcessRecord()
    {
        var client = Client;
        string conversationId = ConversationId; // the item runs while later ones are bound
        var message = new MessageRequest { Text = Text, AuthorType = AuthorType };
        if (!Prepare(() =>
            {
                foreach (var card in Card ?? Array.Empty<object>()) message.Cards.Add(CardContent.From(JsonArgument.Read(card, "Card")));
                // Attachments (Send-ChatMessage -Attachment) go into message.AttachmentIds here, uploaded first.
            }, conversationId)) return;
        string what = message.Cards.Count > 0 ? $"Send {AuthorType} message with {message.Cards.Count} card(s)" : $"Send {AuthorType} message";
        if (!ShouldProcess($"conversation {conversationId}", what)) return;
        // A conversation's messages go out in input order; messages to other conversations overlap.
        RunItemInOrder(conversationId, async call => call.Output(await client.SendMessageAsync(conversationId, message, call.Context).ConfigureAwait(false)), conversationId);
    }
}
