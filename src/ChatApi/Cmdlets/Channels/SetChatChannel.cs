namespace ChatApi.Cmdlets
{
    /// <summary>Changes only the given fields of a channel (name, webhook, queue), guarded by If-Match.</summary>
    [Cmdlet(VerbsCommon.Set, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Channel))]
    public sealed class SetChatChannelCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, ChatRules.MaxChannelNameLength)]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string WebhookId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string QueueId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            var changes = new ChannelChanges { Name = Name, WebhookId = WebhookId, QueueId = QueueId };
            if (!ShouldProcess($"channel {Id}", changes.Describe())) return;
            Run(async call =>
            {
                var updated = await client.UpdateChannelAsync(Id, changes, call.Context).ConfigureAwait(false);
                if (PassThru) call.Output(updated);
            }, Id);
        }
    }
}
