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

/// <summary>A cmdlet that sends to a webhook URI in a notification version (v2.0 unless given).</summary>
public abstract class WebhookVersionCmdlet : ChatCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateWebhookVersion]
    [ArgumentCompleter(typeof(Completers.WebhookVersionCompleter))]
    public string Version { get; set; }

    /// <summary>-Version, or the default of the session's API (v2.0 on V2, Chat Gateway v1.0 on the Gateway).</summary>
    protected string VersionFor(ChatApiClient client) => Version ?? client.DefaultWebhookVersion;
}
