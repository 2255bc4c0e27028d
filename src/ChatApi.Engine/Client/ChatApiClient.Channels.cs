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
            if (desired.Name == current.Name && desired.WebhookId == current.WebhookId && desired.QueueId == current.QueueId)
            {
                ctx.Log.Verbose($"Channel {current.Id} already has these values; nothing to change");
                return current;
            }
            var request = WithIfMatch(new ApiRequest("PUT", $"{ChannelsPath}/{Segment(current.Id, "Id")}") { JsonBody = RequestBodies.Channel(desired.Name, desired.WebhookId, desired.QueueId) }, current.ETag);
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            if (response.IsSuccess) return ReadChannel(response, "updating channel " + current.Id);
            if (response.StatusCode == 412 && response.EarlierAttemptUncertain)
            {
                var now = await GetChannelAsync(current.Id, ctx).ConfigureAwait(false);
                if (now.Name == desired.Name && now.WebhookId == desired.WebhookId && now.QueueId == desired.QueueId) return now;
            }
            throw Failure(request, response, $"Updating channel {current.Id}");
        }

        public Task RemoveChannelAsync(string id, CallContext ctx) =>
            DeleteAsync(new ApiRequest("DELETE", $"{ChannelsPath}/{Segment(id, "Id")}"), ctx, $"Removing channel {id}");

        private Channel ReadChannel(ApiResponse response, string what)
        {
            using (var doc = JsonRead.Parse(response.Body, what))
                return ModelReader.Channel(doc.RootElement, region, tenant, ETagOf(response));
        }
    }
}
