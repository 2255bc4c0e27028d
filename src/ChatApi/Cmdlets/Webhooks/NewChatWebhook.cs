namespace ChatApi.Cmdlets;

/// <summary>Creates a webhook (v2.0 by default on V2, Chat Gateway v1.0 on the Gateway: signed events).</summary>
[Cmdlet(VerbsCommon.New, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Webhook))]
public sealed class NewChatWebhookCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, ChatRules.MaxWebhookNameLength)]
    public string Name { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateAbsoluteUri]
    public string Uri { get; set; }

    /// <summary>The notification version; by default the session API's (v2.0 on V2, Chat Gateway v1.0 on the Gateway).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateWebhookVersion]
    [ArgumentCompleter(typeof(Completers.WebhookVersionCompleter))]
    public string Version { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        string version = Version ?? client.DefaultWebhookVersion;
        if (!ShouldProcess(Redactor.Redact($"{Name} -> {Uri} ({version})"), "Create webhook")) return;
        string name = Name, uri = Uri; // the item runs while later ones are bound
        RunItemAndWrite(ctx => client.CreateWebhookAsync(name, uri, version, ctx), name);
    }
}
