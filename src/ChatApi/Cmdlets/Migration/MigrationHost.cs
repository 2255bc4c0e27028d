using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>
/// The migration engine's view of a cmdlet: ShouldProcess asked on the pipeline thread through the
/// call, results written as they come, failures as non-terminating errors naming the channel,
/// progress with counts and time left.
/// </summary>
internal sealed class MigrationHost : IMigrationHost, IConfigurationHost
{
    private const int ProgressId = 0x8e8;
    private readonly Cmdlet cmdlet;
    private readonly CmdletCall call;
    private readonly bool whatIf;
    private readonly object gate = new object();
    private MigrationProgress latest;
    private bool progressQueued;

    public MigrationHost(Cmdlet cmdlet, CmdletCall call, bool whatIf)
    {
        this.cmdlet = cmdlet;
        this.call = call;
        this.whatIf = whatIf;
    }

    public Task<Consent> ConfirmAsync(string target, string action) =>
        call.AskAsync(() => cmdlet.ShouldProcess(Redactor.Redact(target), Redactor.Redact(action)) ? Consent.Yes : whatIf ? Consent.WhatIf : Consent.No);

    public void Result(MigrationResult result, Exception error)
    {
        call.Output(result);
        if (error != null) call.Error(Record(error, "ChatApi.Migration.ChannelNotMigrated", result.ChannelId));
    }

    public void UndoResult(UndoResult result, Exception error)
    {
        call.Output(result);
        if (error != null) call.Error(Record(error, "ChatApi.Migration.UndoFailed", result.Id));
    }

    public void ConfigurationResult(ConfigurationResult result, Exception error)
    {
        call.Output(result);
        if (error != null) call.Error(Record(error, "ChatApi.Configuration.ChangeFailed", result.Id ?? result.Name));
    }

    public void Warning(string message) => call.Warning(message);

    /// <summary>
    /// Progress is coalesced, never dropped: the newest state waits for the pipeline thread, at most one
    /// write is queued, and that write shows what is done when it runs (not when it was queued). A
    /// record older than the one already taken (another thread's, late) is ignored.
    /// </summary>
    public void Progress(MigrationProgress p)
    {
        lock (gate)
        {
            if (latest != null && latest.Activity == p.Activity && p.Done < latest.Done) return;
            latest = p;
            if (progressQueued) return;
            progressQueued = true;
        }
        call.Progress(() =>
        {
            MigrationProgress q;
            lock (gate) { q = latest; progressQueued = false; }
            var record = new ProgressRecord(ProgressId, q.Activity, q.Status) { PercentComplete = q.Percent };
            if (q.Remaining.HasValue) record.SecondsRemaining = (int)Math.Ceiling(q.Remaining.Value.TotalSeconds);
            return record;
        });
    }

    public void Completed(string activity) =>
        call.Progress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });

    private static ErrorRecord Record(Exception error, string errorId, string target)
    {
        var inner = (error as MigrationException)?.InnerException as ChatApiException ?? error as ChatApiException;
        var category = inner != null ? ErrorRecords.CategoryOf(inner.Kind) : ErrorCategory.ResourceUnavailable;
        return new ErrorRecord(error, errorId, category, target);
    }

    /// <summary>True when the cmdlet runs under -WhatIf (the switch or $WhatIfPreference).</summary>
    public static bool IsWhatIf(PSCmdlet cmdlet)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
        return LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
    }
}
