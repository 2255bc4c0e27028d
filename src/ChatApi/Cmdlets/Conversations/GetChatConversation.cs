namespace ChatApi.Cmdlets;

/// <summary>Lists conversations page by page with 8x8's filters (the Gateway's FIQL -Filter and -Sort too), or reads one by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatConversation", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(Conversation))]
public sealed class GetChatConversationCommand : ChatCmdlet
{
    [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Conversation, PassThrough = typeof(Channel))]
    [Alias("ConversationId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConversationIdCompleter))]
    public string[] Id { get; set; }

    /// <summary>
    /// Not bound by property name: a conversation piped in has a ChannelId too, and must bind by its Id
    /// (read that conversation), not list the conversations of its channel.
    /// </summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string ChannelId { get; set; }

    /// <summary>
    /// A channel from Get-ChatChannel: lists its conversations. Without this, a channel's Id bound to -Id
    /// and silently read the conversation that happened to have the channel's id.
    /// </summary>
    [Parameter(ParameterSetName = "ByChannel", Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Channel Channel { get; set; }

    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    [ValidateSet(ChatValues.AllStatuses, ChatValues.Created, ChatValues.Pending, ChatValues.Handling, ChatValues.Deleted)]
    public string Status { get; set; }

    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    [ValidateSet("asc", "desc")]
    public string Order { get; set; }

    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    public string UserId { get; set; }

    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    public string Email { get; set; }

    /// <summary>customer.&lt;key&gt; filters, e.g. @{ caseId = 'C-1' } (user.&lt;key&gt; on the Chat Gateway).</summary>
    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    public Hashtable Customer { get; set; }

    /// <summary>A FIQL filter (Chat Gateway): state==active;assignment.id==50.</summary>
    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    [ValidateNotNullOrEmpty]
    public string Filter { get; set; }

    /// <summary>The server's sort (Chat Gateway): createdAt:desc.</summary>
    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByChannel")]
    [ValidateNotNullOrEmpty]
    public string Sort { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (ParameterSetName == "ById")
        {
            foreach (var id in Id) RunAndWrite(ctx => client.GetConversationAsync(id, ctx), id);
            return;
        }
        string channelId = ParameterSetName == "ByChannel" ? Channel.Id : ChannelId;
        var filter = new ConversationFilter { ChannelId = channelId, Status = Status, Order = Order, UserId = UserId, Email = Email, Filter = Filter, Sort = Sort };
        if (Customer != null) foreach (DictionaryEntry e in Customer) filter.Customer[e.Key.ToString()] = e.Value?.ToString();
        RunList<Conversation>((first, skip, emit, ctx) => client.ListConversationsAsync(filter, first, skip, emit, ctx), channelId);
    }
}
