namespace ChatApi.Cmdlets
{
    /// <summary>Creates a webhook (v2.0 by default on V2, Chat Gateway v1.0 on the Gateway: signed events).</summary>
    [Cmdlet(VerbsCommon.New, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Webhook))]
    public sealed class NewChatWebhookCommand : WebhookVersionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, ChatRules.MaxWebhookNameLength)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteUri]
        public string Uri { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            string version = VersionFor(client);
            if (!ShouldProcess($"{Name} -> {Uri} ({version})", "Create webhook")) return;
            RunAndWrite(ctx => client.CreateWebhookAsync(Name, Uri, version, ctx), Name);
        }
    }
}
