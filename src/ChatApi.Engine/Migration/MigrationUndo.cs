using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace ChatApi.Engine.Migration;

/// <summary>
/// Undoes a migration from its journal: each channel goes back to the webhook it had, but only if it
/// still sits on the one the migration gave it; then the webhooks the migration created are removed
/// when no channel uses them. In-place switches are reported as not undoable (8x8 refuses downgrades).
/// </summary>
public sealed class MigrationUndo(ChatApiClient client, IMigrationHost host, CallContext ctx) : MigrationWork(client, host, ctx)
{
    public async Task<UndoSummary> RunAsync(string journalPath, int throttleLimit, bool whatIf)
    {
        if (string.IsNullOrWhiteSpace(journalPath)) throw ChatApiException.InvalidArgument("JournalPath", "must not be empty");
        if (throttleLimit < 1 || throttleLimit > 64) throw ChatApiException.InvalidArgument("ThrottleLimit", $"must be between 1 and 64 (got {throttleLimit})");
        var watch = Stopwatch.StartNew();
        if (!System.IO.File.Exists(journalPath)) throw ChatApiException.InvalidArgument("JournalPath", $"'{journalPath}' does not exist");
        CheckSource();
        // Channels go back through the source session when one is given (the Gateway cannot point a channel at
        // a webhook it does not list); the webhooks the migration created are removed through the session.
        var channels = Source ?? client;
        calls = new ThrottledCalls(throttleLimit, ctx.Cancellation);
        var results = new ConcurrentBag<UndoResult>();
        // Held for the whole undo, like a migration run: nobody else writes to it meanwhile.
        var file = whatIf ? null : MigrationJournal.Open(journalPath);
        var journal = new JournalWriter(file);
        try
        {
            var state = JournalState.From(file != null ? file.ReadEntries(host.Warning) : MigrationJournal.Read(journalPath, host.Warning));
            if (state.Runs == 0) throw ChatApiException.InvalidArgument("JournalPath", $"'{journalPath}' holds no migration to undo");
            journal.Undo();
            var moves = state.Moves.Values.Where(m => m.From != null && m.To != null).OrderBy(m => m.ChannelId, MigrationPlanner.IdComparer.Instance).ToList();
            int done = 0;
            var gate = new object();
            // Each result and the progress it makes are reported under one lock: the records come in
            // order and each counts exactly the channels whose result is out.
            void Report(UndoResult result, Exception error)
            {
                lock (gate)
                {
                    results.Add(result);
                    host.UndoResult(result, error);
                    if (result.Kind != "Channel") return;
                    int n = ++done;
                    host.Progress(new MigrationProgress { Activity = "Putting channels back on their former webhooks", Done = n, Total = moves.Count, Elapsed = watch.Elapsed,
                        Remaining = n < moves.Count ? TimeSpan.FromTicks(watch.Elapsed.Ticks / n * (moves.Count - n)) : (TimeSpan?)null });
                }
            }

            // Channels first, so the created webhooks are free to go afterwards.
            await Task.WhenAll(moves.Select(async m =>
            {
                var result = new UndoResult { Kind = "Channel", Id = m.ChannelId, Name = m.ChannelName, FromWebhookId = m.To, ToWebhookId = m.From };
                try
                {
                    var current = await calls.Run(() => channels.GetChannelAsync(m.ChannelId, ctx)).ConfigureAwait(false);
                    result.Name = current.Name;
                    if (current.WebhookId == m.From) { result.Status = UndoStatus.AlreadyRestored; Report(result, null); return; }
                    if (current.WebhookId != m.To)
                    {
                        result.Status = UndoStatus.Skipped;
                        result.Message = $"it is now on webhook {current.WebhookId}, not on {m.To} where the migration put it; left alone";
                        Report(result, null);
                        return;
                    }
                    if (state.LegacyRemoved.Contains(m.From))
                    {
                        result.Status = UndoStatus.NotUndoable;
                        result.Message = $"its former webhook {m.From} was removed (-RemoveLegacyWebhook) and 8x8 no longer creates v1.0 webhooks; it stays on {m.To}";
                        host.Warning($"Channel '{current.Name}' ({m.ChannelId}) cannot go back: {result.Message}.");
                        Report(result, null);
                        return;
                    }
                    var consent = await host.ConfirmAsync($"channel '{current.Name}' ({m.ChannelId})", $"Repoint back from the webhook {m.To} to the webhook {m.From} it had before the migration").ConfigureAwait(false);
                    if (consent != Consent.Yes) { result.Status = consent == Consent.WhatIf ? UndoStatus.WhatIf : UndoStatus.Skipped; if (consent == Consent.No) result.Message = "declined"; Report(result, null); return; }
                    await calls.Run(() => channels.ReplaceChannelAsync(current, new ChannelChanges { WebhookId = m.From }, ctx)).ConfigureAwait(false);
                    journal.UndoRestored(m.ChannelId, m.To, m.From);
                    result.Status = UndoStatus.Restored;
                    Report(result, null);
                }
                catch (Exception e) when (!MigrationRunner.IsCancellation(e, ctx))
                {
                    result.Status = UndoStatus.Failed;
                    result.Message = e.Message;
                    if (Source == null && client.Api == ChatValues.ApiGateway && e is ChatApiException { StatusCode: 400 })
                        result.Message += $" (the Chat Gateway may not point a channel at a webhook it does not list: undo with -SourceSession, a Chat API V2 session of the tenant)";
                    Report(result, new MigrationException($"Channel {result.Name} ({m.ChannelId}) was not put back on webhook {m.From}: {result.Message}", m.ChannelId, e));
                }

            })).ConfigureAwait(false);

            // The webhooks this migration created: removed when no channel uses them (checked by listing).
            var createdIds = state.Created.Values.Where(id => id != null).Distinct().ToList();
            if (createdIds.Count > 0)
            {
                var users = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                int count = 0;
                await client.ListChannelsAsync(null, null, 0, c =>
                {
                    count++;
                    if (!users.TryGetValue(c.WebhookId ?? "", out var list)) users[c.WebhookId ?? ""] = list = new List<string>();
                    list.Add(c.Id);
                }, ctx).ConfigureAwait(false);
                calls.Count(ThrottledCalls.Pages(count));
                var wouldLeave = new HashSet<string>(results.Where(x => x.Kind == "Channel" && x.Status == UndoStatus.WhatIf).Select(x => x.Id), StringComparer.Ordinal);

                await Task.WhenAll(createdIds.Select(async id =>
                {
                    var result = new UndoResult { Kind = "Webhook", Id = id };
                    try
                    {
                        users.TryGetValue(id, out var on);
                        var still = (on ?? new List<string>()).Where(c => !wouldLeave.Contains(c)).ToList();
                        if (still.Count > 0)
                        {
                            result.Status = UndoStatus.Skipped;
                            result.Message = $"kept: still used by {still.Count} channel(s): {string.Join(", ", still.Take(5))}{(still.Count > 5 ? ", ..." : "")}";
                            Report(result, null);
                            return;
                        }
                        var consent = await host.ConfirmAsync($"webhook {id}", "Remove the webhook the migration created (no channel uses it)").ConfigureAwait(false);
                        if (consent != Consent.Yes) { result.Status = consent == Consent.WhatIf ? UndoStatus.WhatIf : UndoStatus.Skipped; Report(result, null); return; }
                        try
                        {
                            await calls.Run(() => client.RemoveWebhookAsync(id, ctx)).ConfigureAwait(false);
                            result.Status = UndoStatus.Removed;
                        }
                        catch (ChatApiException e) when (e.Kind == ChatErrorKind.NotFound)
                        {
                            result.Status = UndoStatus.AlreadyRemoved;
                        }
                        journal.UndoRemoved(id);
                        Report(result, null);
                    }
                    catch (Exception e) when (!MigrationRunner.IsCancellation(e, ctx))
                    {
                        result.Status = UndoStatus.Failed;
                        result.Message = e.Message;
                        Report(result, new MigrationException($"Webhook {id} (created by the migration) was not removed: {e.Message}", id, e));
                    }
                })).ConfigureAwait(false);
            }

            foreach (var id in state.Switched.Union(state.SwitchStarted).Distinct().OrderBy(x => x, MigrationPlanner.IdComparer.Instance))
            {
                var result = new UndoResult
                {
                    Kind = "Webhook", Id = id, Status = UndoStatus.NotUndoable,
                    Message = "switched to v2.0 in place; 8x8 refuses to take a webhook back to v1.0, so it stays on v2.0",
                };
                host.Warning($"Webhook {id}: {result.Message}.");
                Report(result, null);
            }

            journal.UndoEnd();
            var all = results.ToList();
            return new UndoSummary
            {
                ChannelsRestored = all.Count(x => x.Kind == "Channel" && x.Status == UndoStatus.Restored),
                ChannelsAlreadyRestored = all.Count(x => x.Kind == "Channel" && x.Status == UndoStatus.AlreadyRestored),
                ChannelsSkipped = all.Count(x => x.Kind == "Channel" && x.Status == UndoStatus.Skipped),
                WebhooksRemoved = all.Count(x => x.Kind == "Webhook" && (x.Status == UndoStatus.Removed || x.Status == UndoStatus.AlreadyRemoved)),
                WebhooksKept = all.Count(x => x.Kind == "Webhook" && x.Status == UndoStatus.Skipped),
                NotUndoable = all.Count(x => x.Status == UndoStatus.NotUndoable),
                Failed = all.Count(x => x.Status == UndoStatus.Failed),
                WhatIf = all.Count(x => x.Status == UndoStatus.WhatIf),
                Requests = calls.Requests,
                Duration = watch.Elapsed,
                JournalPath = System.IO.Path.GetFullPath(journalPath),
            };
        }
        finally
        {
            file?.Dispose();
        }
    }
}
