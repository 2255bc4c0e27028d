namespace ChatApi.Cmdlets;

/// <summary>Deletes a webhook. 8x8 refuses while a channel still uses it.</summary>
[Cmdlet(VerbsCommon.Remove, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveChatWebhookCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Webhook)]
    [Alias("WebhookId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WebhookIdCompleter))]
    public string Id { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (!ShouldProcess($"webhook {Id}", "Remove")) return;
        string id = Id; // the item runs while later ones are bound
        RunItemInOrder(id, call => client.RemoveWebhookAsync(id, call.Context), id);
    }
}
