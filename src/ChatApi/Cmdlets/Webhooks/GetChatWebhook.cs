namespace ChatApi.Cmdlets
{
    /// <summary>Lists webhooks page by page, or reads one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatWebhook", DefaultParameterSetName = "List", SupportsPaging = true)]
    [OutputType(typeof(Webhook))]
    public sealed class GetChatWebhookCommand : ChatCmdlet
    {
        [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChatIdentity(IdentityKind.Webhook)]
        [Alias("WebhookId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string[] Id { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateSet(ChatValues.V1, ChatValues.V2, ChatValues.Gateway)]
        public string Version { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            if (ParameterSetName == "List")
            {
                RunList<Webhook>((first, skip, emit, ctx) => client.ListWebhooksAsync(Version, first, skip, emit, ctx), null);
                return;
            }
            foreach (var id in Id) RunAndWrite(ctx => client.GetWebhookAsync(id, ctx), id);
        }
    }
}
