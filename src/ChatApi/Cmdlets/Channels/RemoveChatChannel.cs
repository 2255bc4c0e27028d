namespace ChatApi.Cmdlets;

/// <summary>Deletes a channel. Its conversations stay readable.</summary>
[Cmdlet(VerbsCommon.Remove, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveChatChannelCommand : ChannelChangeCmdlet
{
    protected override void ProcessRecord() => RunRemove((client, id, ctx) => client.RemoveChannelAsync(id, ctx));
}
