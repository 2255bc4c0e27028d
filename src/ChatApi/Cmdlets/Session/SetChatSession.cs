using System;
using System.Management.Automation;

namespace ChatApi.Cmdlets;

/// <summary>Makes a connected session the current one: the default of every cmdlet run without -Session.</summary>
[Cmdlet(VerbsCommon.Set, "ChatSession")]
[OutputType(typeof(ChatSession))]
public sealed class SetChatSessionCommand : ChatCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ChatSession Session { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!SessionRegistry.MakeCurrent(Session))
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"The session {Session} is not connected in this process: run Connect-ChatApi again."),
                "ChatApi.Disconnected", ErrorCategory.ConnectionError, Session));
            return;
        }
        WriteVerbose($"The current session is now {Session}.");
        if (PassThru) WriteObject(Session);
    }
}
