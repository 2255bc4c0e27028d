namespace ChatApi.Cmdlets;

/// <summary>A cmdlet that changes or removes one webhook, named by -Id (a piped Channel binds its WebhookId).</summary>
public abstract class WebhookChangeCmdlet : ChatResourceCmdlet<Webhook>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Webhook)]
    [Alias("WebhookId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string Id { get; set; }

    private protected override string TargetId => Id;
    private protected override Webhook AsRead(Webhook item) => item.AsRead();
    private protected override string IdOf(Webhook item) => item.Id;

    private protected override string Noun => "webhook";
}
