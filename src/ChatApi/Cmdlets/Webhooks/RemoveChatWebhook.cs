namespace ChatApi.Cmdlets;

/// <summary>Deletes a webhook. 8x8 refuses while a channel still uses it.</summary>
[Cmdlet(VerbsCommon.Remove, "ChatWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveChatWebhookCommand : WebhookChangeCmdlet
{
    protected override void ProcessRecord() => RunRemove((client, id, ctx) => client.RemoveWebhookAsync(id, ctx));
}
