namespace ChatApi.Engine.Migration;

/// <summary>The answer to "may I do this?" (ShouldProcess in PowerShell).</summary>
public enum Consent
{
    Yes,
    No,
    /// <summary>-WhatIf: the action was described and must not be done.</summary>
    WhatIf,
}

/// <summary>Where a migration's progress goes while it runs.</summary>
public sealed class MigrationProgress
{
    public string Activity { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public int Failed { get; set; }
    public TimeSpan Elapsed { get; set; }
    /// <summary>Estimated time left; null until something is done.</summary>
    public TimeSpan? Remaining { get; set; }
    /// <summary>What is counted, for the status line.</summary>
    public string Noun { get; set; } = "channel(s)";
    /// <summary>Whether the amount of work is known yet; before that there is no count to show ("0 of 0").</summary>
    public bool Counted => Total > 0;
    /// <summary>-1 (no bar) until the work is counted.</summary>
    public int Percent => !Counted ? -1 : Math.Min(100, Done * 100 / Total);
    public string Status => !Counted ? "Starting" : $"{Done} of {Total} {Noun} done, {Failed} failed";
}

/// <summary>
/// What the migration engine needs from its caller: consent for each change, and somewhere to put
/// results, errors, warnings and progress. Every member may be called from any thread.
/// </summary>
public interface IMigrationHost
{
    /// <summary>Asks before one change. <paramref name="target"/> names the thing, <paramref name="action"/> what would happen.</summary>
    Task<Consent> ConfirmAsync(string target, string action);

    /// <summary>One channel is done; <paramref name="error"/> is set when it failed (the caller reports it as an error naming the channel).</summary>
    void Result(MigrationResult result, Exception error);

    /// <summary>One undo item is done; <paramref name="error"/> is set when it failed.</summary>
    void UndoResult(UndoResult result, Exception error);

    void Warning(string message);

    void Progress(MigrationProgress progress);
}

/// <summary>A failure about one channel or webhook of a migration, with a message that names it.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message, string targetId, Exception inner = null) : base(message, inner) { TargetId = targetId; }

    /// <summary>The channel or webhook id the failure is about.</summary>
    public string TargetId { get; }

    /// <summary>The HTTP status of the underlying call, 0 when there was none.</summary>
    public int StatusCode => (InnerException as ChatApiException)?.StatusCode ?? 0;
}
