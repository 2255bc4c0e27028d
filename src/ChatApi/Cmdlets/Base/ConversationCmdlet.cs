namespace ChatApi.Cmdlets;

/// <summary>A cmdlet about one conversation, taken by id from the pipeline (a Conversation object binds its Id).</summary>
public abstract class ConversationCmdlet : ChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string ConversationId { get; set; }
}
