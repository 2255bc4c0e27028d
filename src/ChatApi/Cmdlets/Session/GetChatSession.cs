namespace ChatApi.Cmdlets;

/// <summary>
/// Shows the current session (or the one given, or with -All every connected session of this
/// process): region, tenant, base URI, token expiry. Never the secret or token.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ChatSession", DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(ChatSession))]
public sealed class GetChatSessionCommand : ChatCmdletBase
{
    private const string CurrentSet = "Current";
    private const string AllSet = "All";

    [Parameter(ParameterSetName = CurrentSet, ValueFromPipeline = true)]
    public ChatSession Session { get; set; }

    /// <summary>Every connected session of this process, oldest first.</summary>
    [Parameter(ParameterSetName = AllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        if (All)
        {
            foreach (var s in SessionRegistry.All) WriteObject(s);
            return;
        }
        var session = Session ?? SessionRegistry.Current;
        if (session != null) WriteObject(session);
    }
}
