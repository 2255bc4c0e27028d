namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        private IChannelContract Channels => wire.Channels;

        private Channel ReadChannel(JsonElement e, ApiResponse r) => Channels.Read(e, scope, ETagOf(r)).MarkAsRead();

        /// <summary>Lists channels; with <paramref name="webhookId"/>, only those on that webhook (filtered here, so it works on any server).</summary>
        public Task ListChannelsAsync(string webhookId, int? first, int skip, Action<Channel> emit, CallContext ctx) =>
            ListPagesAsync(PathOf(Families.Channels), null, first, skip, e => Channels.Read(e, scope, null).MarkAsRead(), c => c.Id, emit, ctx, "Listing channels",
                webhookId == null ? (Func<Channel, bool>)null : c => c.WebhookId == webhookId);

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
}
