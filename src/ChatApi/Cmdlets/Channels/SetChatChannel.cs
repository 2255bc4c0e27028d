using System.Collections.Generic;
using System.Management.Automation;
using ChatApi.Completers;
using ChatApi.Engine;

namespace ChatApi.Cmdlets
{
    /// <summary>Changes only the given fields of a channel (name, webhook, queue), guarded by If-Match.</summary>
    [Cmdlet(VerbsCommon.Set, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Channel))]
    public sealed class SetChatChannelCommand : ChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChatIdentity(IdentityKind.Channel)]
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
            var changes = new List<string>();
            if (Name != null) changes.Add($"Name='{Name}'");
            if (WebhookId != null) changes.Add($"WebhookId={WebhookId}");
            if (QueueId != null) changes.Add($"QueueId={QueueId}");
            if (!ShouldProcess($"channel {Id}", "Set " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes)))) return;
            Run(async ctx =>
            {
                var updated = await client.UpdateChannelAsync(Id, Name, WebhookId, QueueId, ctx).ConfigureAwait(false);
                if (PassThru) Pump.Output(updated);
            }, Id);
        }
    }
}
