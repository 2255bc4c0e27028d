namespace ChatApi.Engine.Migration;

/// <summary>
/// One execution of a migration: what every strategy step reads and writes (the client, the host,
/// the throttle, the journal, the tally, the plan), and the steps the strategies share.
/// </summary>
internal sealed class MigrationRun
{
    /// <summary>The version the channels move to (v2.0, or Chat Gateway v1.0 on a Gateway session).</summary>
    public string Target => Options.Target;

    public MigrationRun(ChatApiClient client, IMigrationHost host, CallContext ctx, ThrottledCalls calls, MigrationOptions options,
        JournalState state, JournalWriter journal, MigrationTally tally, bool whatIf)
    {
        Client = client; Host = host; Ctx = ctx; Calls = calls; Options = options; State = state; Journal = journal; Tally = tally; WhatIf = whatIf;
    }

    public ChatApiClient Client { get; }
    public IMigrationHost Host { get; }
    public CallContext Ctx { get; }
    public ThrottledCalls Calls { get; }
    public MigrationOptions Options { get; }
    public JournalState State { get; }
    public JournalWriter Journal { get; }
    public MigrationTally Tally { get; }
    public bool WhatIf { get; }
    public MigrationPlan Plan { get; set; }
    public List<Webhook> Webhooks { get; set; }

    public bool IsCancellation(Exception e) => MigrationRunner.IsCancellation(e, Ctx);

    /// <summary>A channel on a webhook of the target version needs nothing; a move the journal started and the server shows done is recorded as done.</summary>
    public void AlreadyOnV2(Channel c, Webhook hook)
    {
        if (State.Moves.TryGetValue(c.Id, out var move) && !move.Done && move.To == c.WebhookId)
        {
            Ctx.Log.Verbose($"Channel {c.Id}: the journal shows its move started and the server shows it done; recording it");
            Journal.Repointed(c.Id, c.Name, move.From, move.To, reconciled: true);
        }
        if (Options.Strategy == MigrationStrategy.InPlace && State.SwitchStarted.Contains(hook.Id) && !State.Switched.Contains(hook.Id))
        {
            Journal.Switched(hook.Id, null, reconciled: true);
            State.Switched.Add(hook.Id);
        }
        string from = State.Moves.TryGetValue(c.Id, out move) ? move.From : hook.Id;
        Tally.Report(Result(c, null, MigrationStatus.AlreadyMigrated, null, from, hook.Id), null);
    }

    /// <summary>Verifies the group's URI once (unless skipped or already verified by the journal). Returns whether to go on, and whether in what-if mode.</summary>
    public async Task<(bool Go, bool WhatIf)> VerifyAsync(UriGroup g)
    {
        if (Options.SkipVerify || State.Verified.Contains(g.Key)) return (true, false);
        string safe = MigrationPlanner.SafeUri(g.Uri);
        try
        {
            var consent = await Host.ConfirmAsync($"URI {g.Uri}", $"Verify with a {Target} WEB_HOOK_VERIFY event").ConfigureAwait(false);
            if (consent == Consent.WhatIf) return (true, true);
            if (consent == Consent.No) { SkipAll(g, "the verify of its URI was declined"); return (false, false); }
            var result = await Calls.Run(() => Client.VerifyWebhookAsync(g.Uri, Target, Ctx)).ConfigureAwait(false);
            if (!result.Success)
            {
                result.Message = (result.Message ?? $"HTTP {result.StatusCode}").Replace(g.Uri, safe);
                Journal.VerifyFailed(g.Key, safe, result.Message);
                FailAll(g, $"its webhook URI {safe} failed the {Target} verify ({result.Message}); left untouched", null);
                return (false, false);
            }
            Journal.Verified(g.Key, safe);
            return (true, false);
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            FailAll(g, $"verifying its webhook URI {safe} failed: {e.Message}", e);
            return (false, false);
        }
    }

    public void SkipAll(UriGroup g, string why)
    {
        foreach (var c in g.Channels) Tally.Report(Result(c, g, MigrationStatus.Skipped, why, c.WebhookId, g.Target?.Id), null);
    }

    public void FailAll(UriGroup g, string why, Exception inner)
    {
        foreach (var c in g.Channels) Fail(c, g, why, c.WebhookId, g.Target?.Id, $"Channel '{c.Name}' ({c.Id}) was not migrated: {why}.", inner);
    }

    /// <summary>Reports a channel as failed, with an error naming it.</summary>
    public void Fail(Channel c, UriGroup g, string why, string from, string to, string message, Exception inner) =>
        Tally.Report(Result(c, g, MigrationStatus.Failed, why, from, to), new MigrationException(message, c.Id, inner));

    public static MigrationResult Result(Channel c, UriGroup g, MigrationStatus status, string error, string from = null, string to = null) =>
        new MigrationResult { ChannelId = c.Id, ChannelName = c.Name, FromWebhookId = from ?? c.WebhookId, ToWebhookId = to, Uri = g?.Uri, Status = status, Error = error };
}

/// <summary>
/// How a strategy moves one receiver URI's channels to v2.0. The URI is verified first (once);
/// nothing of the group moves unless it passed.
/// </summary>
internal abstract class MigrationStrategyRunner
{
    protected MigrationStrategyRunner(MigrationRun run) { Run = run; }

    protected MigrationRun Run { get; }

    public async Task RunGroupAsync(UriGroup g)
    {
        var (go, whatIf) = await Run.VerifyAsync(g).ConfigureAwait(false);
        if (go) await MoveGroupAsync(g, whatIf).ConfigureAwait(false);
    }

    /// <summary>Moves the verified group; <paramref name="whatIf"/> when the verify was only described.</summary>
    protected abstract Task MoveGroupAsync(UriGroup g, bool whatIf);
}
