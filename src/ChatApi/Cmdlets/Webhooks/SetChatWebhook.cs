namespace ChatApi.Cmdlets;

/// <summary>
/// Changes only the given fields of a webhook, guarded by If-Match. A v2.0 webhook is never taken
/// back to v1.0: that is refused after reading it, before anything is written. A piped webhook's own
/// values are not changes (nor are a piped channel's), and when the server's webhook no longer
/// matches a piped webhook in a field not being changed, nothing is written (Conflict).
/// </summary>
[Cmdlet(VerbsCommon.Set, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Webhook))]
public sealed class SetChatWebhookCommand : WebhookChangeCmdlet
{
    // The fields a Set cmdlet changes, one per line.
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateLength(1, ChatRules.MaxWebhookNameLength)] public string Name { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateAbsoluteUri] public string Uri { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateWebhookVersion] [ArgumentCompleter(typeof(Completers.WebhookVersionCompleter))] public string Version { get; set; }

    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => RunChange(InputObject, PassThru, Prepare);

    private (string Description, Func<CallContext, Task<Webhook>> Update) Prepare(ChatApiClient client, string id, Webhook expected)
    {
        var changes = new WebhookChanges
        {
            Name = ChangeOf(nameof(Name), Name, w => w.Name),
            Uri = ChangeOf(nameof(Uri), Uri, w => w.Uri),
            Version = ChangeOf(nameof(Version), Version, w => w.Version),
        };
        return (changes.Describe(), ctx => client.UpdateWebhookAsync(id, changes, ctx, expected));
    }
}
