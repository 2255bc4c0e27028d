namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    private IWebhookContract Webhooks => wire.Webhooks;

    private Webhook ReadWebhook(JsonElement e, ApiResponse r) => Webhooks.Read(e, scope, ETagOf(r)).MarkAsRead();

    /// <summary>Lists webhooks; with <paramref name="version"/>, only those on that notification version.</summary>
    public Task ListWebhooksAsync(string version, int? first, int skip, Action<Webhook> emit, CallContext ctx) =>
        ListWebhooksAsync(version, null, first, skip, emit, ctx);

    /// <summary>
    /// Lists webhooks, with <paramref name="name"/> matched on this side: the V2 webhook list takes no
    /// filter, so every page is read.
    /// </summary>
    public Task ListWebhooksAsync(string version, NamePattern name, int? first, int skip, Action<Webhook> emit, CallContext ctx) =>
        QueryWebhooksAsync(new WebhookQuery { Version = version, Name = name }, first, skip, emit, ctx);

    /// <summary>
    /// Lists webhooks as <paramref name="query"/> says: its filter and sort go to the server (the
    /// Gateway's list takes both; on V2 either is refused before any call), version and name are
    /// matched here. A filter or sort the server refuses (400) is an InvalidArgument error naming
    /// -Filter or -Sort. With ChannelCount or Unused, every channel is read once first.
    /// </summary>
    public async Task QueryWebhooksAsync(WebhookQuery query, int? first, int skip, Action<Webhook> emit, CallContext ctx)
    {
        query.Check();
        var parameters = Webhooks.Query(query.Filter, query.Sort).ToList();
        Func<Webhook, bool> where = query.Version == null && query.Name == null ? null : w => query.Matches(w);
        if (query.WithChannelCount || query.Unused)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await ListChannelsAsync(null, null, 0, c => { if (c.WebhookId != null) counts[c.WebhookId] = CountOf(c.WebhookId) + 1; }, ctx).ConfigureAwait(false);
            int CountOf(string id) => counts.TryGetValue(id, out int n) ? n : 0;
            var inner = emit;
            emit = w => { w.ChannelCount = CountOf(w.Id); inner(w); };
            where = w => query.Matches(w) && (!query.Unused || CountOf(w.Id) == 0);
        }
        try
        {
            await ListPagesAsync(PathOf(Families.Webhooks), parameters, first, skip, e => Webhooks.Read(e, scope, null).MarkAsRead(), w => w.Id, emit, ctx,
                "Listing webhooks", where).ConfigureAwait(false);
        }
        catch (ChatApiException e) when (e.StatusCode == 400 && parameters.Count > 0)
        {
            throw RefusedQuery(query.Filter, query.Filter, query.Sort, ChatValues.WebhookFields, e);
        }
    }

    public Task<Webhook> GetWebhookAsync(string id, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", ItemPath(Families.Webhooks, id)), ReadWebhook, ctx, $"Reading webhook {id}");

    public Task<Webhook> CreateWebhookAsync(string name, string uri, string version, CallContext ctx)
    {
        // Every field is given on a create: an absent one is checked as empty.
        var values = new WebhookChanges { Name = name ?? string.Empty, Uri = uri ?? string.Empty, Version = version ?? wire.DefaultVersion };
        ChatRules.Require(values.Check(wire.Versions));
        var wanted = values.ApplyTo(new Webhook());
        string what = $"Creating webhook '{name}'";
        var check = new CreateCheck<Webhook>($"webhook '{name}'", $"look for it with Get-ChatWebhook (name '{name}', URI {uri})",
            c => MatchesAsync<Webhook>(emit => ListWebhooksAsync(null, null, 0, emit, c), w => WebhookChanges.Same(w, wanted), w => w.Id), before: false,
            identity: $"webhook\n{wanted.Name}\n{wanted.Uri}\n{wanted.Version}");
        var request = new ApiRequest("POST", PathOf(Families.Webhooks)) { JsonBody = Webhooks.Write(wanted) };
        return CreateAsync(request, r => Map(r, ReadWebhook, what), check, ctx, what);
    }

    /// <summary>
    /// Partial update: reads the webhook, changes only the given fields, and writes it back with
    /// If-Match when the server gave a version. With <paramref name="expected"/> (the webhook as the
    /// caller read it), a field left alone that the server now holds otherwise is a Conflict. A v2.0 webhook is never taken back to v1.0.
    /// </summary>
    public async Task<Webhook> UpdateWebhookAsync(string id, WebhookChanges changes, CallContext ctx, Webhook expected = null)
    {
        ChatRules.Require(changes.Check(wire.Versions));
        var current = await GetWebhookAsync(id, ctx).ConfigureAwait(false);
        if (expected != null && changes.Conflict(expected, current) is var conflict && conflict.HasValue)
            throw Changes.ConflictError($"Webhook {id}", conflict.Value);
        ChatRules.Require("Version", ChatRules.CheckVersionChange(current.Version, changes.Version ?? current.Version));
        var desired = changes.ApplyTo(current);
        var request = new ApiRequest("PUT", ItemPath(Families.Webhooks, id)) { JsonBody = Webhooks.Write(desired) };
        return await ReplaceAsync(current, desired, current.ETag, request, ReadWebhook, () => GetWebhookAsync(id, ctx), WebhookChanges.Same,
            ctx, $"Updating webhook {id}", $"Webhook {id} already has these values; nothing to change").ConfigureAwait(false);
    }

    public Task RemoveWebhookAsync(string id, CallContext ctx) => DeleteAsync(ItemPath(Families.Webhooks, id), ctx, $"Removing webhook {id}");

    /// <summary>
    /// The verify operation: 8x8 sends WEB_HOOK_VERIFY to the URI. An unreachable URI is a result
    /// (Success false, with the server's reason), not an exception.
    /// </summary>
    public Task<WebhookTestResult> VerifyWebhookAsync(string uri, string version, CallContext ctx) => VerifyWebhookAsync(uri, version, null, ctx);

    /// <summary>The verify operation for <paramref name="webhook"/>'s URI; the result names the webhook (id and name) when one is given.</summary>
    public async Task<WebhookTestResult> VerifyWebhookAsync(string uri, string version, Webhook webhook, CallContext ctx)
    {
        version = version ?? wire.DefaultVersion;
        ChatRules.Require(new WebhookChanges { Uri = uri ?? string.Empty, Version = version }.Check(wire.VerifyVersions));
        var request = new ApiRequest("POST", $"{PathOf(Families.Webhooks)}/verify") { JsonBody = Webhooks.Verify(uri, version) };
        var response = await SendAsync(request, ctx).ConfigureAwait(false);
        var result = new WebhookTestResult
        {
            WebhookId = webhook?.Id, WebhookName = webhook?.Name, Uri = uri, Version = version, StatusCode = response.StatusCode, Success = response.IsSuccess, Api = wire.Api,
        };
        if (response.IsSuccess) { result.Message = "The URI answered the WEB_HOOK_VERIFY event."; return result; }
        if (response.StatusCode != 400 && response.StatusCode != 422) throw Failure(request, response, $"Verifying {uri}");
        result.Message = wire.ReadProblem(response.Body).Message ?? $"HTTP {response.StatusCode}";
        return result;
    }
}
