using System;
using System.Threading.Tasks;
using ChatApi.Engine.Http;
using ChatApi.Engine.Json;

namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        private string ChannelsPath => TenantPath("channels");

        /// <summary>Lists channels; with <paramref name="webhookId"/>, only those on that webhook (filtered here, so it works on any server).</summary>
        public Task ListChannelsAsync(string webhookId, int? first, int skip, Action<Channel> emit, CallContext ctx) =>
            ListPagesAsync(ChannelsPath, null, first, skip, e => ModelReader.Channel(e, region, tenant), c => c.Id, emit, ctx, "Listing channels",
                webhookId == null ? (Func<Channel, bool>)null : c => c.WebhookId == webhookId);

        public async Task<Channel> GetChannelAsync(string id, CallContext ctx)
        {
            var request = new ApiRequest("GET", $"{ChannelsPath}/{Segment(id, "Id")}");
            var response = await SendCheckedAsync(request, ctx, $"Reading channel {id}").ConfigureAwait(false);
            return ReadChannel(response, "reading channel " + id);
        }

        public async Task<Channel> CreateChannelAsync(string name, string webhookId, string queueId, CallContext ctx)
        {
            ChatRules.Require("Name", ChatRules.CheckName(name, ChatRules.MaxChannelNameLength));
            ChatRules.Require("WebhookId", string.IsNullOrWhiteSpace(webhookId) ? "must not be empty" : null);
            ChatRules.Require("QueueId", string.IsNullOrWhiteSpace(queueId) ? "must not be empty" : null);
            var request = new ApiRequest("POST", ChannelsPath) { JsonBody = RequestBodies.Channel(name, webhookId, queueId) };
            var response = await SendCheckedAsync(request, ctx, $"Creating channel '{name}'").ConfigureAwait(false);
            return ReadChannel(response, "creating channel " + name);
        }

        /// <summary>Partial update with If-Match, like <see cref="UpdateWebhookAsync"/>.</summary>
        public async Task<Channel> UpdateChannelAsync(string id, string name, string webhookId, string queueId, CallContext ctx)
        {
            if (name != null) ChatRules.Require("Name", ChatRules.CheckName(name, ChatRules.MaxChannelNameLength));
            var current = await GetChannelAsync(id, ctx).ConfigureAwait(false);
            return await ReplaceChannelAsync(current, name, webhookId, queueId, ctx).ConfigureAwait(false);
        }

        /// <summary>
        /// Writes <paramref name="current"/> (as read from the server) back with the given fields changed,
        /// under If-Match of its ETag. The migration uses it to move a channel it has just read.
        /// </summary>
        public async Task<Channel> ReplaceChannelAsync(Channel current, string name, string webhookId, string queueId, CallContext ctx)
        {
            var desired = new Channel { Id = current.Id, Name = name ?? current.Name, WebhookId = webhookId ?? current.WebhookId, QueueId = queueId ?? current.QueueId };
            if (SameChannel(desired, current))
            {
                ctx.Log.Verbose($"Channel {current.Id} already has these values; nothing to change");
                return current;
            }
            var request = new ApiRequest("PUT", $"{ChannelsPath}/{Segment(current.Id, "Id")}") { JsonBody = RequestBodies.Channel(desired.Name, desired.WebhookId, desired.QueueId) };
            return await ReplaceAsync(request, current.ETag, r => ReadChannel(r, "updating channel " + current.Id),
                () => GetChannelAsync(current.Id, ctx), now => SameChannel(now, desired), ctx, $"Updating channel {current.Id}").ConfigureAwait(false);
        }

        private static bool SameChannel(Channel a, Channel b) => a.Name == b.Name && a.WebhookId == b.WebhookId && a.QueueId == b.QueueId;

        public Task RemoveChannelAsync(string id, CallContext ctx) =>
            DeleteAsync(new ApiRequest("DELETE", $"{ChannelsPath}/{Segment(id, "Id")}"), ctx, $"Removing channel {id}");

        private Channel ReadChannel(ApiResponse response, string what)
        {
            using (var doc = JsonRead.Parse(response.Body, what))
                return ModelReader.Channel(doc.RootElement, region, tenant, ETagOf(response));
        }
    }
}
