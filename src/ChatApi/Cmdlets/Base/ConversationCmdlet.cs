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

    /// <summary>
    /// Runs <paramref name="work"/> on this input's conversation (the client, the id, the call that writes
    /// the output); <paramref name="target"/> names the input in an error, the conversation unless given.
    /// </summary>
    private protected void RunOnConversation(Func<ChatApiClient, string, CmdletCall, Task> work, object target = null)
    {
        var client = Client;
        string id = ConversationId;
        Run(call => work(client, id, call), target ?? id);
    }
}
