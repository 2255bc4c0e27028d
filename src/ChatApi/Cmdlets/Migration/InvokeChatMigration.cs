using System.IO;

namespace ChatApi.Cmdlets;

/// <summary>
/// Moves channels onto webhooks of a newer version: V1-era channels onto v2.0 (signed) webhooks on a
/// V2 session, or channels onto Chat Gateway v1.0 webhooks on a Gateway session (-TargetVersion, with
/// -UriMap for the receivers' new URIs). By default one shared webhook per target receiver URI (an
/// existing one is reused), each URI verified before any channel moves to it; or -Strategy InPlace (V2). Journals every step so -Resume finishes a killed run; -WhatIf prints every action.
/// Channels (or plan steps) come from the pipeline, else every channel of the session.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "ChatMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MigrationResult), typeof(MigrationSummary))]
public sealed class InvokeChatMigrationCommand : MigrationSelectionCmdlet
{
    /// <summary>The journal (JSON lines). Default: ChatMigration-yyyyMMdd-HHmmss.jsonl in the current folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string JournalPath { get; set; }

    /// <summary>Finish the migration recorded in -JournalPath: done steps are skipped, the rest reconciled with the server.</summary>
    [Parameter]
    public SwitchParameter Resume { get; set; }

    /// <summary>Calls in flight at once (the session's -RequestsPerSecond still applies).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void EndProcessing()
    {
        var client = Client;
        var source = SourceClient;
        bool whatIf = MigrationHost.IsWhatIf(this);
        var selection = Selection();
        if (selection != null && selection.Count == 0) { WriteVerbose("No channel came through the pipeline: nothing to migrate."); return; }
        if (Resume && JournalPath == null)
            ThrowTerminatingError(ErrorRecords.From(new ArgumentException("Parameter 'JournalPath': -Resume needs the journal of the run to finish.", nameof(JournalPath)), null));
        string journal = JournalPath != null ? GetUnresolvedProviderPathFromPSPath(JournalPath) : whatIf ? null : DefaultJournal();
        if (journal != null && !whatIf) WriteVerbose($"Journal: {journal}");

        var request = new MigrationRequest
        {
            ChannelIds = selection,
            Options = Options(),
            StrategyGiven = Given(nameof(Strategy)),
            JournalPath = journal,
            Resume = Resume,
            WhatIf = whatIf,
        };
        Run(async call =>
        {
            var host = new MigrationHost(this, call, whatIf);
            try
            {
                var summary = await new MigrationRunner(client, host, call.Context) { Source = source }.RunAsync(request).ConfigureAwait(false);
                call.Output(summary);
            }
            finally
            {
                host.Completed(MigrationPlanner.ActivityFor(request.Options.TargetVersion));
            }
        }, journal);
    }

    private protected override MigrationOptions Options()
    {
        var options = base.Options();
        options.ThrottleLimit = ThrottleLimit;
        return options;
    }

    private string DefaultJournal()
    {
        string name = $"ChatMigration-{DateTime.Now:yyyyMMdd-HHmmss}.jsonl";
        var location = SessionState.Path.CurrentFileSystemLocation?.ProviderPath;
        return Path.Combine(string.IsNullOrEmpty(location) ? Path.GetTempPath() : location, name);
    }
}
