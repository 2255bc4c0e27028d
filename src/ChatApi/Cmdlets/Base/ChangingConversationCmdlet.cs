namespace ChatApi.Cmdlets;

/// <summary>
/// A cmdlet that changes one conversation per input (a message, an indicator, a re-route), taken by
/// id from the pipeline like any <see cref="ConversationCmdlet"/>, -ThrottleLimit items in flight.
/// </summary>
public abstract class ChangingConversationCmdlet : ConversationCmdlet
{
    /// <summary>How many items' calls may be in flight at once (as on every cmdlet that changes items).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ChangingChatCmdlet.DefaultThrottleLimit;

    private protected override int InFlight => ThrottleLimit;

    /// <summary>
    /// One change of this input's conversation: its input read and checked by <paramref name="prepare"/>
    /// (bad input is an error before any call), -WhatIf/-Confirm asked with <paramref name="what"/> on
    /// <paramref name="resource"/> (the conversation unless given), then <paramref name="work"/> (the
    /// client, the conversation's id, the call) run after the earlier changes of the same conversation.
    /// </summary>
    private protected void RunConversationChange(Action prepare, Func<string> what, Func<ChatApiClient, string, CmdletCall, Task> work,
        string resource = null, object target = null)
    {
        var client = Client;
        string id = ConversationId; // the item runs while later ones are bound
        target = target ?? id;
        if (!Prepare(prepare ?? (() => { }), target)) return;
        if (!ShouldProcess(resource ?? $"conversation {id}", what())) return;
        RunItemInOrder(id, call => work(client, id, call), target);
    }
}
