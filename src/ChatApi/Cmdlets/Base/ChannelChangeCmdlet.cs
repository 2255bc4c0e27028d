namespace ChatApi.Cmdlets;

/// <summary>A cmdlet that changes or removes one channel, named by -Id (a piped Conversation binds its ChannelId).</summary>
public abstract class ChannelChangeCmdlet : ChatResourceCmdlet<Channel>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Channel)]
    [Alias("ChannelId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string Id { get; set; }

    private protected override string TargetId => Id;
    private protected override Channel AsRead(Channel item) => item.AsRead();
    private protected override string IdOf(Channel item) => item.Id;

    private protected override string Noun => "channel";
}
