namespace ChatApi.Cmdlets;

/// <summary>
/// Changes only the given fields of a channel (name, webhook, queue), guarded by If-Match. A piped
/// channel's own values are not changes, and when the server's channel no longer matches it in a
/// field not being changed, nothing is written (Conflict).
/// </summary>
[Cmdlet(VerbsCommon.Set, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Channel))]
public sealed class SetChatChannelCommand : ChannelChangeCmdlet
{
    // The fields a Set cmdlet changes, one per line.
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateLength(1, ChatRules.MaxChannelNameLength)] public string Name { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(WebhookIdCompleter))] public string WebhookId { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateNotNullOrEmpty] public string QueueId { get; set; }

    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => RunChange(InputObject, PassThru, Prepare);

    private (string Description, Func<CallContext, Task<Channel>> Update) Prepare(ChatApiClient client, string id, Channel expected)
    {
        var changes = new ChannelChanges
        {
            Name = ChangeOf(nameof(Name), Name, c => c.Name),
            WebhookId = ChangeOf(nameof(WebhookId), WebhookId, c => c.WebhookId),
            QueueId = ChangeOf(nameof(QueueId), QueueId, c => c.QueueId),
        };
        return (changes.Describe(), ctx => client.UpdateChannelAsync(id, changes, ctx, expected));
    }
}
