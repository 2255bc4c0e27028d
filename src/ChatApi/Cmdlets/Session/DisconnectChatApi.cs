namespace ChatApi.Cmdlets;

/// <summary>Forgets a session (by default the current one) with its token and secret.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "ChatApi")]
public sealed class DisconnectChatApiCommand : ChatCmdletBase
{
    [Parameter(ValueFromPipeline = true)]
    public ChatSession Session { get; set; }

    protected override void ProcessRecord()
    {
        var session = Session ?? SessionRegistry.Current;
        if (session == null)
        {
            WriteVerbose("No session to disconnect.");
            return;
        }
        SessionRegistry.Remove(session);
        WriteVerbose($"Disconnected {session}.");
    }
}
