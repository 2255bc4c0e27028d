namespace ChatApi.Cmdlets
{
    /// <summary>
    /// Asks 8x8 to send a WEB_HOOK_VERIFY event to a URI. Returns a result object; an unreachable URI
    /// is Success = $false with the reason, not an error.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ChatWebhook")]
    [OutputType(typeof(WebhookTestResult))]
    public sealed class TestChatWebhookCommand : WebhookVersionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteUri]
        public string Uri { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            RunAndWrite(ctx => client.VerifyWebhookAsync(Uri, VersionFor(client), ctx), Uri);
        }
    }
}
