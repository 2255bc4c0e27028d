using System.Diagnostics;
using ChatApi.Engine.Migration;

namespace ChatApi.Engine.Configuration;

/// <summary>
/// Compares a document with the session's tenant, or applies it: webhooks first, then channels on
/// the new webhook ids, then updates, then (only with removals asked) removals. One result per
/// change, one failed item never stops the rest, and since everything matches by URI and name a
/// second run, or a re-run after a killed one, finds what is done and does only the rest.
/// </summary>
public sealed class ConfigurationApplier
{
    private const string Activity = "Applying the configuration";
    private readonly ChatApiClient client;
    private readonly CallContext ctx;

    public ConfigurationApplier(ChatApiClient client, CallContext ctx)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.ctx = ctx ?? CallContext.None;
    }

    /// <param name="webhookVersion">The version the document's v1.0 webhooks are created at (-WebhookVersion); null: they are refused.</param>
    public async Task<IReadOnlyList<ConfigurationChange>> CompareAsync(ChatConfiguration doc, IDictionary<string, string> uriMap, bool includeRemovals,
        string webhookVersion = null)
    {
        var plan = await PlanAsync(doc, uriMap, includeRemovals, webhookVersion).ConfigureAwait(false);
        return plan.Changes.Select(c => c.Change).ToList();
    }

    /// <summary>
    /// Applies the plan; when it holds a webhook the target will not create (Refuse), reports it and refuses the
    /// whole document before its first write (a ChatApiException naming the webhooks and the rule).
    /// </summary>
    public async Task<ConfigurationSummary> ApplyAsync(ChatConfiguration doc, IDictionary<string, string> uriMap, bool removeMissing, IConfigurationHost host,
        string webhookVersion = null)
    {
        var watch = Stopwatch.StartNew();
        var plan = await PlanAsync(doc, uriMap, removeMissing, webhookVersion).ConfigureAwait(false);
        RefuseUncreatable(plan, host);
        var summary = new ConfigurationSummary { Source = $"{doc.Api} {doc.TenantId}@{doc.Region}", Target = $"{client.Api} {client.Session.TenantId}@{client.Session.Region}" };
        int total = plan.Changes.Count(IsWork), done = 0, failed = 0;
        foreach (var planned in plan.Changes)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var (result, error) = await ApplyOneAsync(planned, plan, host).ConfigureAwait(false);
            Count(summary, result);
            host.ConfigurationResult(result, error);
            if (!IsWork(planned)) continue;
            done++;
            if (result.Status == ConfigurationStatus.Failed) failed++;
            host.Progress(new MigrationProgress { Activity = Activity, Noun = "change(s)", Done = done, Total = total, Failed = failed, Elapsed = watch.Elapsed });
        }
        summary.Duration = watch.Elapsed;
        return summary;
    }

    private async Task<ConfigurationPlan> PlanAsync(ChatConfiguration doc, IDictionary<string, string> uriMap, bool includeRemovals, string webhookVersion)
    {
        ConfigurationFile.Check(doc, null);
        if (webhookVersion != null) ChatRules.Require("WebhookVersion", ChatRules.CheckVersion(webhookVersion, ConfigurationApis.CreatableVersions(client.Api)));
        var (webhooks, channels) = await ConfigurationState.ReadAsync(client, ctx).ConfigureAwait(false);
        return ConfigurationComparer.Compare(doc, client.Api, uriMap, webhooks, channels, includeRemovals, webhookVersion);
    }

    /// <summary>Reports each webhook that cannot be created and refuses the document, before any write; nothing when there is none.</summary>
    private static void RefuseUncreatable(ConfigurationPlan plan, IConfigurationHost host)
    {
        var refused = plan.Changes.Where(p => p.Change.Action == ConfigurationAction.Refuse).Select(p => p.Change).ToList();
        if (refused.Count == 0) return;
        foreach (var c in refused) host.ConfigurationResult(new ConfigurationResult(c) { Status = ConfigurationStatus.Refused, Message = c.Reason }, null);
        string names = string.Join(", ", refused.Select(c => $"'{c.Name}'"));
        throw new ChatApiException(ChatErrorKind.InvalidArgument,
            $"Configuration document refused: its webhook(s) {names} cannot be created: {refused[0].Reason}. Nothing was changed.");
    }

    private static bool IsWork(PlannedChange p) =>
        p.Change.Action == ConfigurationAction.Create || p.Change.Action == ConfigurationAction.Update || p.Change.Action == ConfigurationAction.Remove;

    private async Task<(ConfigurationResult, Exception)> ApplyOneAsync(PlannedChange planned, ConfigurationPlan plan, IConfigurationHost host)
    {
        var c = planned.Change;
        var result = new ConfigurationResult(c);
        if (c.Action == ConfigurationAction.Unchanged) { result.Status = ConfigurationStatus.Unchanged; return (result, null); }
        if (c.Action == ConfigurationAction.Skip) { result.Status = ConfigurationStatus.Skipped; result.Message = c.Reason; return (result, null); }

        string target = $"{c.Kind.ToString().ToLowerInvariant()} '{c.Name}'" + (c.Id != null ? $" ({c.Id})" : "");
        string action = c.Action == ConfigurationAction.Create ? $"Create ({c.Desired})" : c.Action == ConfigurationAction.Update ? $"Set {c.Desired}" : "Remove";
        var consent = await host.ConfirmAsync(target, action).ConfigureAwait(false);
        if (consent != Consent.Yes)
        {
            result.Status = consent == Consent.WhatIf ? ConfigurationStatus.WhatIf : ConfigurationStatus.Declined;
            return (result, null);
        }
        try
        {
            result.Id = await DoAsync(planned, plan).ConfigureAwait(false) ?? c.Id;
            result.Status = ConfigurationStatus.Done;
            return (result, null);
        }
        catch (Exception e) when (!(e is OperationCanceledException && ctx.Cancellation.IsCancellationRequested))
        {
            result.Status = ConfigurationStatus.Failed;
            result.Message = e.Message;
            return (result, e);
        }
    }

    /// <summary>Does one change; returns the id of what it created.</summary>
    private async Task<string> DoAsync(PlannedChange p, ConfigurationPlan plan)
    {
        var c = p.Change;
        switch (c.Kind, c.Action)
        {
            case (ConfigurationItemKind.Webhook, ConfigurationAction.Create):
                var created = await client.CreateWebhookAsync(p.Webhook.Name, p.Webhook.Uri, p.Webhook.Version, ctx).ConfigureAwait(false);
                plan.WebhookIds[p.Webhook.Key] = created.Id;
                return created.Id;
            case (ConfigurationItemKind.Webhook, ConfigurationAction.Update):
                await client.UpdateWebhookAsync(c.Id, new WebhookChanges { Name = p.Webhook.Name, Version = p.Webhook.Version }, ctx).ConfigureAwait(false);
                return null;
            case (ConfigurationItemKind.Channel, ConfigurationAction.Create):
                var channel = await client.CreateChannelAsync(p.Channel.Name, WebhookIdOf(p, plan), p.Channel.QueueId, ctx).ConfigureAwait(false);
                return channel.Id;
            case (ConfigurationItemKind.Channel, ConfigurationAction.Update):
                await client.UpdateChannelAsync(c.Id, new ChannelChanges { WebhookId = WebhookIdOf(p, plan), QueueId = p.Channel.QueueId }, ctx).ConfigureAwait(false);
                return null;
            case (ConfigurationItemKind.Channel, ConfigurationAction.Remove):
                await client.RemoveChannelAsync(c.Id, ctx).ConfigureAwait(false);
                return null;
            case (ConfigurationItemKind.Webhook, ConfigurationAction.Remove):
                await client.RemoveWebhookAsync(c.Id, ctx).ConfigureAwait(false);
                return null;
            default:
                throw new InvalidOperationException($"No way to {c.Action} a {c.Kind}");
        }
    }

    private static string WebhookIdOf(PlannedChange p, ConfigurationPlan plan) =>
        plan.WebhookIds.TryGetValue(p.Channel.Webhook, out var id) ? id
            : throw new InvalidOperationException($"its webhook '{p.Channel.Webhook}' was not created in this run (see its result); run the import again once it is");

    private static void Count(ConfigurationSummary s, ConfigurationResult r)
    {
        switch (r.Status)
        {
            case ConfigurationStatus.Done:
                if (r.Action == ConfigurationAction.Create) s.Created++;
                else if (r.Action == ConfigurationAction.Update) s.Updated++;
                else s.Removed++;
                break;
            case ConfigurationStatus.Unchanged: s.Unchanged++; break;
            case ConfigurationStatus.Skipped: s.Skipped++; break;
            case ConfigurationStatus.Failed: s.Failed++; break;
            case ConfigurationStatus.WhatIf: s.WhatIf++; break;
            case ConfigurationStatus.Declined: s.Declined++; break;
        }
    }
}
