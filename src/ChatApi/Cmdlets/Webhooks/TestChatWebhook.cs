namespace ChatApi.Cmdlets;

/// <summary>
/// Asks 8x8 to send a WEB_HOOK_VERIFY event to a URI. Returns a result object; an unreachable URI
/// is Success = $false with the reason, not an error. A piped webhook is tested on its URI and
/// version, and the result names it (WebhookId, WebhookName). The Webhook set is the default because
/// PowerShell tries the default set first when it binds a pipeline object.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ChatWebhook", DefaultParameterSetName = "Webhook")]
[OutputType(typeof(WebhookTestResult))]
public sealed class TestChatWebhookCommand : WebhookVersionCmdlet
{
    [Parameter(ParameterSetName = "Uri", Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateAbsoluteUri]
    public string Uri { get; set; }

    /// <summary>A webhook (from Get-ChatWebhook): its URI is tested and the result carries its id and name.</summary>
    [Parameter(ParameterSetName = "Webhook", Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Webhook Webhook { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        var webhook = Webhook;
        string uri = webhook?.Uri ?? Uri;
        string version = webhook != null && !Given(nameof(Version)) ? webhook.Version : VersionFor(client);
        RunAndWrite(ctx => client.VerifyWebhookAsync(uri, version, webhook, ctx), webhook?.Id ?? uri);
    }
}
