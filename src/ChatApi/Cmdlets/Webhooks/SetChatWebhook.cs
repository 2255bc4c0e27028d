using System.Management.Automation;
using ChatApi.Engine.Http;
using ChatApi.Completers;
using ChatApi.Engine;

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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
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
        [ValidateSet("v1.0", "v2.0")]
        public string Version { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            if (!ShouldProcess($"webhook {Id}", Redactor.Redact(Describe()))) return;
            Run(async ctx =>
            {
                var updated = await client.UpdateWebhookAsync(Id, Name, Uri, Version, ctx).ConfigureAwait(false);
                if (PassThru) Pump.Output(updated);
            }, Id);
        }

        private string Describe()
        {
            var changes = new System.Collections.Generic.List<string>();
            if (Name != null) changes.Add($"Name='{Name}'");
            if (Uri != null) changes.Add($"Uri='{Uri}'");
            if (Version != null) changes.Add($"Version={Version}");
            return "Set " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes));
        }
    }
}
