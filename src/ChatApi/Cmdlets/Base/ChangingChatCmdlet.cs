namespace ChatApi.Cmdlets;

/// <summary>
/// A cmdlet that creates, changes or removes one item per pipeline input, -ThrottleLimit items in
/// flight at once (default 4; 1 runs each item's calls before the next item starts, as before).
/// </summary>
public abstract class ChangingChatCmdlet : ChatCmdlet
{
    public const int DefaultThrottleLimit = 4;

    /// <summary>How many items' calls may be in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override int InFlight => ThrottleLimit;
}
