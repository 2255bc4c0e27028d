namespace ChatApi.Cmdlets;

/// <summary>
/// Changes a Chat Gateway conversation: moves it to another queue or a script, or changes the
/// user's data (PATCH); with -Replace writes the whole conversation (PUT). The user-data
/// parameters take no pipeline input, so a piped conversation never writes its old data back.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ChatConversation", DefaultParameterSetName = "Change", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Conversation))]
public sealed class SetChatConversationCommand : ChangingConversationCmdlet
{
    // The fields a Set cmdlet changes, one per line.
    [Parameter] [ValidateNotNullOrEmpty] public string QueueId { get; set; }
    [Parameter] [ValidateNotNullOrEmpty] public string ScriptId { get; set; }
    [Parameter] [ValidateNotNullOrEmpty] public string CustomerName { get; set; }
    [Parameter] public string Email { get; set; }
    [Parameter] public string CustomerId { get; set; }
    [Parameter] public string UserId { get; set; }
    [Parameter] public string Phone { get; set; }
    [Parameter] public string Company { get; set; }
    [Parameter] public string CaseId { get; set; }
    [Parameter] public string Language { get; set; }
    [Parameter] public string IpAddress { get; set; }
    [Parameter] public string TimezoneOffset { get; set; }

    /// <summary>Free user properties (at most 30).</summary>
    [Parameter]
    [ValidateCustomerProperties]
    public Hashtable Property { get; set; }

    /// <summary>Write the whole conversation (PUT): user fields not given are cleared.</summary>
    [Parameter(ParameterSetName = "Replace", Mandatory = true)]
    public SwitchParameter Replace { get; set; }

    /// <summary>The channel of a replaced conversation.</summary>
    [Parameter(ParameterSetName = "Replace", Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string ChannelId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        bool replace = Replace.IsPresent, passThru = PassThru.IsPresent;
        var change = new ConversationRequest { ChannelId = ChannelId };
        RunConversationChange(() =>
            {
                CustomerFields.Fill(change.Customer, this, Property);
                change.Assign(QueueId, ScriptId);
            },
            () => replace ? "Replace the conversation" : change.AssignmentType != null ? $"Move to {change.AssignmentType} {change.AssignmentId}" : "Change the user's data",
            async (client, id, call) =>
            {
                var result = await client.ChangeConversationAsync(id, change, replace, passThru, call.Context).ConfigureAwait(false);
                if (result != null) call.Output(result);
            });
    }
}
