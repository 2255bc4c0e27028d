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

    protected override void ProcessRecord()
    {
        var client = Client;
        if (!ShouldProcess($"conversation {ConversationId}", $"Send {AuthorType} message")) return;
        string conversationId = ConversationId, text = Text, authorType = AuthorType; // the item runs while later ones are bound
        // A conversation's messages go out in input order; messages to other conversations overlap.
        RunItemInOrder(conversationId, async call => call.Output(await client.SendMessageAsync(conversationId, text, authorType, call.Context).ConfigureAwait(false)), conversationId);
    }
}
