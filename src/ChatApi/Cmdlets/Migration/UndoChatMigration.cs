namespace ChatApi.Cmdlets;

/// <summary>
/// Undoes a migration from its journal: each channel goes back to the webhook it had (only if it still
/// sits on the one the migration gave it), then the webhooks the migration created are removed when
/// nothing uses them. In-place switches cannot be undone (8x8 refuses downgrades): each is a warning
/// and a NotUndoable result; the rest goes on.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "ChatMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UndoResult), typeof(UndoSummary))]
public sealed class UndoChatMigrationCommand : ChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string JournalPath { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>A Chat API V2 session of the tenant, through which channels go back to webhooks the Gateway does not list.</summary>
    [Parameter]
    [ValidateNotNull]
    public ChatSession SourceSession { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        var source = SourceSession == null ? null : ClientOf(SourceSession);
        bool whatIf = MigrationHost.IsWhatIf(this);
        string journal = GetUnresolvedProviderPathFromPSPath(JournalPath);
        Run(async call =>
        {
            var host = new MigrationHost(this, call, whatIf);
            try
            {
                var summary = await new MigrationUndo(client, host, call.Context) { Source = source }.RunAsync(journal, ThrottleLimit, whatIf).ConfigureAwait(false);
                call.Output(summary);
            }
            finally
            {
                host.Completed("Putting channels back on their former webhooks");
            }
        }, journal);
    }
}
