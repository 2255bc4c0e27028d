namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    private IChannelContract Channels => wire.Channels;

    private Channel ReadChannel(JsonElement e, ApiResponse r) => Channels.Read(e, scope, ETagOf(r)).MarkAsRead();

    /// <summary>Lists channels; with <paramref name="webhookId"/>, only those on that webhook (filtered here, so it works on any server).</summary>
    public Task ListChannelsAsync(string webhookId, int? first, int skip, Action<Channel> emit, CallContext ctx) =>
        QueryChannelsAsync(new ChannelQuery { WebhookId = webhookId }, first, skip, emit, ctx);

    /// <summary>
    /// Lists channels as <paramref name="query"/> says: its filter and sort go to the server. A filter or
    /// sort the server refuses (400) is an InvalidArgument error naming -Filter, -Sort or -Name.
    /// </summary>
    public async Task QueryChannelsAsync(ChannelQuery query, int? first, int skip, Action<Channel> emit, CallContext ctx)
    {
        query.Check();
        var parameters = Channels.Query(query.ServerFilter, query.Sort).ToList();
        if (query.WithWebhookVersion)
        {
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            await ListWebhooksAsync(null, null, 0, w => { lock (versions) versions[w.Id] = w.Version; }, ctx).ConfigureAwait(false);
            var inner = emit;
            emit = c =>
            {
                c.WebhookVersion = c.WebhookId != null && versions.TryGetValue(c.WebhookId, out var v) ? v : null;
                inner(c);
            };
        }
        try
        {
            await ListPagesAsync(PathOf(Families.Channels), parameters, first, skip, e => Channels.Read(e, scope, null).MarkAsRead(), c => c.Id, emit, ctx,
                "Listing channels", query.Where).ConfigureAwait(false);
        }
        catch (ChatApiException e) when (e.StatusCode == 400 && parameters.Count > 0)
        {
            throw RefusedQuery(query.Filter, query.ServerFilter, query.Sort, ChatValues.ChannelFields, e);
        }
    }

    private static bool Mentions(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The server's 400 to a list query, as the parameter the user gave: -Sort, -Filter, or -Name when
    /// only the name went into the server's filter.
    /// </summary>
    private static ChatApiException RefusedQuery(string filter, string serverFilter, string sort, IEnumerable<string> fields, ChatApiException e)
    {
        string said = string.Join("; ", e.Errors.Count > 0 ? e.Errors : new[] { e.ServerMessage ?? "HTTP 400" });
        bool aboutSort = sort != null && (serverFilter == null || Mentions(said, "sort") && !Mentions(said, "filter"));
        string parameter = aboutSort ? "Sort" : filter != null ? "Filter" : "Name";
        string rule = aboutSort
            ? $"the server refused the sort '{sort}': {said}. Give a field ({string.Join(", ", fields)}), optionally with ,{ChatValues.Ascending} or ,{ChatValues.Descending}"
            : $"the server refused the filter '{serverFilter}': {said}. Give FIQL: field==value or field!=value (* as a wildcard), ; for AND, , for OR, parentheses to group";
        return new ChatApiException(ChatErrorKind.InvalidArgument, $"Parameter '{parameter}': {rule}", e.StatusCode, e.Method, e.Path,
            e.ServerMessage, e.Errors, e.ReferenceId, e.Attempts, e);
    }

    public Task<Channel> GetChannelAsync(string id, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", ItemPath(Families.Channels, id)), ReadChannel, ctx, $"Reading channel {id}");

    public Task<Channel> CreateChannelAsync(string name, string webhookId, string queueId, CallContext ctx)
    {
        ChatRules.Require("Name", ChatRules.CheckName(name, ChatRules.MaxChannelNameLength));
        ChatRules.Require("WebhookId", ChatRules.CheckNotEmpty(webhookId));
        ChatRules.Require("QueueId", ChatRules.CheckNotEmpty(queueId));
        var wanted = new Channel { Name = name, WebhookId = webhookId, QueueId = queueId };
        string what = $"Creating channel '{name}'";
        var check = new CreateCheck<Channel>($"channel '{name}'", $"look for it with Get-ChatChannel (name '{name}', webhook {webhookId})",
            c => MatchesAsync<Channel>(emit => ListChannelsAsync(webhookId, null, 0, emit, c), ch => ChannelChanges.Same(ch, wanted), ch => ch.Id), before: false,
            identity: $"channel\n{name}\n{webhookId}\n{queueId}");
        var request = new ApiRequest("POST", PathOf(Families.Channels)) { JsonBody = Channels.Write(wanted) };
        return CreateAsync(request, r => Map(r, ReadChannel, what), check, ctx, what);
    }

    /// <summary>
    /// Partial update with If-Match, like <see cref="UpdateWebhookAsync"/>. With <paramref name="expected"/>
    /// (the channel as the caller read it), a field the change leaves alone that the server now holds
    /// otherwise is a Conflict, and nothing is written.
    /// </summary>
    public async Task<Channel> UpdateChannelAsync(string id, ChannelChanges changes, CallContext ctx, Channel expected = null)
    {
        ChatRules.Require(changes.Check());
        var current = await GetChannelAsync(id, ctx).ConfigureAwait(false);
        if (expected != null && changes.Conflict(expected, current) is var conflict && conflict.HasValue)
            throw Changes.ConflictError($"Channel {id}", conflict.Value);
        return await ReplaceChannelAsync(current, changes, ctx).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="current"/> (as read from the server) back with the given changes,
    /// under If-Match of its ETag. The migration uses it to move a channel it has just read.
    /// </summary>
    public Task<Channel> ReplaceChannelAsync(Channel current, ChannelChanges changes, CallContext ctx)
    {
        var desired = changes.ApplyTo(current);
        var request = new ApiRequest("PUT", ItemPath(Families.Channels, current.Id)) { JsonBody = Channels.Write(desired) };
        return ReplaceAsync(current, desired, current.ETag, request, ReadChannel, () => GetChannelAsync(current.Id, ctx), ChannelChanges.Same,
            ctx, $"Updating channel {current.Id}", $"Channel {current.Id} already has these values; nothing to change");
    }

    public Task RemoveChannelAsync(string id, CallContext ctx) => DeleteAsync(ItemPath(Families.Channels, id), ctx, $"Removing channel {id}");
}
