namespace ChatApi.Cmdlets;

/// <summary>Lists channels page by page (optionally those on one webhook), or reads one by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatChannel", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(Channel))]
public sealed class GetChatChannelCommand : ServerQueryCmdlet
{
    [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Channel)]
    [Alias("ChannelId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string[] Id { get; set; }

    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string WebhookId { get; set; }

    /// <summary>Channel names to list, with wildcards; sent to the server's filter and matched exactly here.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string Name { get; set; }

    /// <summary>Also read the webhook list (once) and fill each channel's WebhookVersion.</summary>
    [Parameter(ParameterSetName = "List")]
    public SwitchParameter IncludeWebhookVersion { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (ParameterSetName == "List")
        {
            // Built inside the call, so a bad -Name is an error record like any other.
            RunList<Channel>((first, skip, emit, ctx) => client.QueryChannelsAsync(
                new ChannelQuery { WebhookId = WebhookId, Filter = Filter, Sort = Sort, Name = NamePattern.OrNull(Name), WithWebhookVersion = IncludeWebhookVersion }, first, skip, emit, ctx), WebhookId);
            return;
        }
        foreach (var id in Id) RunAndWrite(ctx => client.GetChannelAsync(id, ctx), id);
    }
}
