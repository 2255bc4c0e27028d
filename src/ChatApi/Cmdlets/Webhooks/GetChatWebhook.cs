namespace ChatApi.Cmdlets;

/// <summary>Lists webhooks page by page, or reads one by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatWebhook", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(Webhook))]
public sealed class GetChatWebhookCommand : ServerQueryCmdlet
{
    [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Webhook)]
    [Alias("WebhookId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string[] Id { get; set; }

    [Parameter(ParameterSetName = "List")]
    [ValidateSet(ChatValues.V1, ChatValues.V2, ChatValues.Gateway)]
    public string Version { get; set; }

    /// <summary>Webhook names to list, with wildcards; matched on this side (the V2 webhook list takes no filter).</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WebhookNameCompleter))]
    public string Name { get; set; }

    /// <summary>Only the webhooks no channel uses (reads every channel once).</summary>
    [Parameter(ParameterSetName = "List")]
    public SwitchParameter Unused { get; set; }

    /// <summary>Fill ChannelCount (reads every channel once).</summary>
    [Parameter(ParameterSetName = "List")]
    public SwitchParameter IncludeChannelCount { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (ParameterSetName == "List")
        {
            var query = new WebhookQuery
            {
                Version = Version, Name = NamePattern.OrNull(Name), Filter = Filter, Sort = Sort, Unused = Unused, WithChannelCount = IncludeChannelCount,
            };
            RunList<Webhook>((first, skip, emit, ctx) => client.QueryWebhooksAsync(query, first, skip, emit, ctx), null);
            return;
        }
        foreach (var id in Id) RunAndWrite(ctx => client.GetWebhookAsync(id, ctx), id);
    }
}
