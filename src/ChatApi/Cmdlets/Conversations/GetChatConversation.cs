using System.Collections;
using System.Management.Automation;
using ChatApi.Completers;
using ChatApi.Engine;

namespace ChatApi.Cmdlets
{
    /// <summary>Lists conversations page by page with 8x8's filters, or reads one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatConversation", DefaultParameterSetName = "List", SupportsPaging = true)]
    [OutputType(typeof(Conversation))]
    public sealed class GetChatConversationCommand : ChatCmdlet
    {
        [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConversationId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConversationIdCompleter))]
        public string[] Id { get; set; }

        [Parameter(ParameterSetName = "List", ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        public string ChannelId { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateSet("all", "created", "pending", "handling", "deleted")]
        public string Status { get; set; }

        [Parameter(ParameterSetName = "List")]
        [ValidateSet("asc", "desc")]
        public string Order { get; set; }

        [Parameter(ParameterSetName = "List")]
        public string UserId { get; set; }

        [Parameter(ParameterSetName = "List")]
        public string Email { get; set; }

        /// <summary>customer.&lt;key&gt; filters, e.g. @{ caseId = 'C-1' }.</summary>
        [Parameter(ParameterSetName = "List")]
        public Hashtable Customer { get; set; }

        protected override void ProcessRecord()
        {
            var client = Client;
            if (ParameterSetName == "ById")
            {
                foreach (var id in Id) RunAndWrite(ctx => client.GetConversationAsync(id, ctx), id);
                return;
            }
            var filter = new ConversationFilter { ChannelId = ChannelId, Status = Status, Order = Order, UserId = UserId, Email = Email };
            if (Customer != null) foreach (DictionaryEntry e in Customer) filter.Customer[e.Key.ToString()] = e.Value?.ToString();
            RunList<Conversation>((first, skip, emit, ctx) => client.ListConversationsAsync(filter, first, skip, emit, ctx), ChannelId);
        }
    }
}
