namespace ChatApi.Cmdlets;

/// <summary>Deletes a channel. Its conversations stay readable.</summary>
[Cmdlet(VerbsCommon.Remove, "ChatChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveChatChannelCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Channel)]
    [Alias("ChannelId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string Id { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        if (!ShouldProcess($"channel {Id}", "Remove")) return;
        string id = Id; // the item runs while later ones are bound
        RunItemInOrder(id, call => client.RemoveChannelAsync(id, call.Context), id);
    }
}
