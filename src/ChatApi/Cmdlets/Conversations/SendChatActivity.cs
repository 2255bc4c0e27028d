namespace ChatApi.Cmdlets;

/// <summary>Sends an activity indicator into a Chat Gateway conversation: typing, a bot thinking, or a read receipt.</summary>
[Cmdlet(VerbsCommunications.Send, "ChatActivity", DefaultParameterSetName = "Typing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
public sealed class SendChatActivityCommand : ChangingConversationCmdlet
{
    [Parameter(ParameterSetName = "Typing", Mandatory = true)]
    public SwitchParameter Typing { get; set; }

    /// <summary>A bot is working on an answer; only a bot thinks.</summary>
    [Parameter(ParameterSetName = "Thinking", Mandatory = true)]
    public SwitchParameter Thinking { get; set; }

    /// <summary>At most this many seconds (8x8's default 60).</summary>
    [Parameter(ParameterSetName = "Thinking")]
    [ValidateRange(ChatValues.MinThinkingSeconds, ChatValues.MaxThinkingSeconds)]
    public int MaxThinkingTime { get; set; }

    [Parameter(ParameterSetName = "ReadReceipt", Mandatory = true)]
    public SwitchParameter ReadReceipt { get; set; }

    /// <summary>Everything up to this time was read; now by default.</summary>
    [Parameter(ParameterSetName = "ReadReceipt")]
    public DateTimeOffset ReadAt { get; set; }

    /// <summary>Who: user or bot (thinking: bot, the default there; typing and read receipts: user by default).</summary>
    [Parameter]
    [ValidateSet(ChatValues.User, ChatValues.Bot)]
    public string AuthorType { get; set; }

    protected override void ProcessRecord()
    {
        string kind = Thinking ? ChatValues.Thinking : ReadReceipt ? ChatValues.ReadReceipt : ChatValues.Typing;
        var activity = new ActivityRequest(kind, AuthorType)
        {
            MaxThinkingSeconds = IfGiven(nameof(MaxThinkingTime), MaxThinkingTime),
            ReadAt = kind != ChatValues.ReadReceipt ? null : IfGiven(nameof(ReadAt), ReadAt) ?? DateTimeOffset.Now,
        };
        RunConversationChange(() => ChatRules.Require(activity.Check()), () => $"Send {kind} ({activity.AuthorType})",
            (client, id, call) => client.SendActivityAsync(id, activity, call.Context));
    }
}
