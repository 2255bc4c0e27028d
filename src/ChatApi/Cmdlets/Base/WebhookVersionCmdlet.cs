namespace ChatApi.Cmdlets;

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
