using System.Management.Automation;
using ChatApi.Engine.Http;
using ChatApi.Engine;

namespace ChatApi.Cmdlets
{
    /// <summary>Creates a webhook (v2.0 by default: signed events).</summary>
    [Cmdlet(VerbsCommon.New, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Webhook))]
    public sealed class NewChatWebhookCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, ChatRules.MaxWebhookNameLength)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateAbsoluteUri]
        public string Uri { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("v1.0", "v2.0")]
        public string Version { get; set; } = ChatRules.DefaultVersion;

        protected override void ProcessRecord()
        {
            var client = Client;
            if (!ShouldProcess(Redactor.Redact($"{Name} -> {Uri} ({Version})"), "Create webhook")) return;
            RunAndWrite(ctx => client.CreateWebhookAsync(Name, Uri, Version, ctx), Name);
        }
    }
}
