namespace ChatApi.Cmdlets;

/// <summary>Lists webhooks page by page, or reads one by id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatWebhook", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(typeof(Webhook))]
public sealed class GetChatWebhookCommand : ChatCmdlet
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

    /// <summary>A FIQL filter for the server (name==bot*;version=="Chat Gateway v1.0"); Gateway sessions only, the V2 webhook list takes none.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string Filter { get; set; }

    /// <summary>The field the server sorts by (default id: id, name, uri or version), optionally with ,asc or ,desc; Gateway sessions only.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string Sort { get; set; }

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
