namespace ChatApi.Cmdlets
{
    /// <summary>Lists channels page by page (optionally those on one webhook), or reads one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatChannel", DefaultParameterSetName = "List", SupportsPaging = true)]
    [OutputType(typeof(Channel))]
    public sealed class GetChatChannelCommand : ChatCmdlet
    {
        [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ChannelId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string[] Id { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string WebhookId { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            if (ParameterSetName == "List")
            {
                RunList<Channel>((first, skip, emit, ctx) => client.ListChannelsAsync(WebhookId, first, skip, emit, ctx), WebhookId);
                return;
            }
            foreach (var id in Id) RunAndWrite(ctx => client.GetChannelAsync(id, ctx), id);
        }
    }
}
