namespace ChatApi.Cmdlets;

/// <summary>
/// A cmdlet that changes one conversation per input (a message, an indicator, a re-route), taken by
/// id from the pipeline like <see cref="ConversationCmdlet"/>, in the -ThrottleLimit window.
/// </summary>
public abstract class ChangingConversationCmdlet : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }
}
