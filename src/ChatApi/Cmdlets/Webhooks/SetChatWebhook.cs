namespace ChatApi.Cmdlets
{
    /// <summary>
    /// Changes only the given fields of a webhook, guarded by If-Match. A v2.0 webhook is never taken
    /// back to v1.0: that is refused after reading it, before anything is written.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Webhook))]
    public sealed class SetChatWebhookCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChatIdentity(IdentityKind.Webhook)]
        [Alias("WebhookId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, ChatRules.MaxWebhookNameLength)]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteUri]
        public string Uri { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateWebhookVersion]
        [ArgumentCompleter(typeof(Completers.WebhookVersionCompleter))]
        public string Version { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            var changes = new WebhookChanges { Name = Name, Uri = Uri, Version = Version };
            if (!ShouldProcess($"webhook {Id}", changes.Describe())) return;
            Run(async call =>
            {
                var updated = await client.UpdateWebhookAsync(Id, changes, call.Context).ConfigureAwait(false);
                if (PassThru) call.Output(updated);
            }, Id);
        }
    }
}
