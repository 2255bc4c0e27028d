namespace ChatApi.Cmdlets
{
    /// <summary>Creates a webhook (v2.0 by default: signed events).</summary>
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(ChatValues.V1, ChatValues.V2)]
        public string Version { get; set; } = ChatRules.DefaultVersion;

        protected override void ProcessRecord()
        {
            var client = Client;
            if (!ShouldProcess(Redactor.Redact($"{Name} -> {Uri} ({Version})"), "Create webhook")) return;
            string name = Name, uri = Uri, version = Version; // the item runs while later ones are bound
            RunItemAndWrite(ctx => client.CreateWebhookAsync(name, uri, version, ctx), name);
        }
    }
}
