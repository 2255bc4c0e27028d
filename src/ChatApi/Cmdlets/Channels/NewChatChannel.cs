namespace ChatApi.Cmdlets;

/// <summary>Creates a channel on a webhook, routed to a queue.</summary>
[Cmdlet(VerbsCommon.New, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Channel))]
public sealed class NewChatChannelCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, ChatRules.MaxChannelNameLength)]
    public string Name { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string WebhookId { get; set; }

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string QueueId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (!ShouldProcess($"{Name} (webhook {WebhookId}, queue {QueueId})", "Create channel")) return;
        string name = Name, webhookId = WebhookId, queueId = QueueId; // the item runs while later ones are bound
        RunItemAndWrite(ctx => client.CreateChannelAsync(name, webhookId, queueId, ctx), name);
    }
}
