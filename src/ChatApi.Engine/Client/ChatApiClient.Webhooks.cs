using System;
using System.Threading.Tasks;
using ChatApi.Engine.Http;
using ChatApi.Engine.Json;

namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        private string WebhooksPath => TenantPath("web-hooks");

        /// <summary>Lists webhooks; with <paramref name="version"/>, only those on that notification version.</summary>
        public Task ListWebhooksAsync(string version, int? first, int skip, Action<Webhook> emit, CallContext ctx) =>
            ListPagesAsync(WebhooksPath, null, first, skip, e => ModelReader.Webhook(e, region, tenant), w => w.Id, emit, ctx, "Listing webhooks",
                version == null ? (Func<Webhook, bool>)null : w => w.Version == version);

        public async Task<Webhook> GetWebhookAsync(string id, CallContext ctx)
        {
            var request = new ApiRequest("GET", $"{WebhooksPath}/{Segment(id, "Id")}");
            var response = await SendCheckedAsync(request, ctx, $"Reading webhook {id}").ConfigureAwait(false);
            return ReadWebhook(response, "reading webhook " + id);
        }

        public async Task<Webhook> CreateWebhookAsync(string name, string uri, string version, CallContext ctx)
        {
            version = version ?? ChatRules.DefaultVersion;
            ChatRules.Require("Name", ChatRules.CheckName(name, ChatRules.MaxWebhookNameLength));
            ChatRules.Require("Uri", ChatRules.CheckAbsoluteUri(uri));
            ChatRules.Require("Version", ChatRules.CheckVersion(version));
            var request = new ApiRequest("POST", WebhooksPath) { JsonBody = RequestBodies.Webhook(name, uri, version) };
            var response = await SendCheckedAsync(request, ctx, $"Creating webhook '{name}'").ConfigureAwait(false);
            return ReadWebhook(response, "creating webhook " + name);
        }

        /// <summary>
        /// Partial update: reads the webhook, changes only the given fields, and writes it back with
        /// If-Match when the server gave a version. A v2.0 webhook is never taken back to v1.0.
        /// </summary>
        public async Task<Webhook> UpdateWebhookAsync(string id, string name, string uri, string version, CallContext ctx)
        {
            if (name != null) ChatRules.Require("Name", ChatRules.CheckName(name, ChatRules.MaxWebhookNameLength));
            if (uri != null) ChatRules.Require("Uri", ChatRules.CheckAbsoluteUri(uri));
            if (version != null) ChatRules.Require("Version", ChatRules.CheckVersion(version));
            var current = await GetWebhookAsync(id, ctx).ConfigureAwait(false);
            ChatRules.Require("Version", ChatRules.CheckVersionChange(current.Version, version ?? current.Version));
            var desired = new Webhook { Id = current.Id, Name = name ?? current.Name, Uri = uri ?? current.Uri, Version = version ?? current.Version };
            if (SameWebhook(desired, current))
            {
                ctx.Log.Verbose($"Webhook {id} already has these values; nothing to change");
                return current;
            }
            var request = new ApiRequest("PUT", $"{WebhooksPath}/{Segment(id, "Id")}") { JsonBody = RequestBodies.Webhook(desired.Name, desired.Uri, desired.Version) };
            return await ReplaceAsync(request, current.ETag, r => ReadWebhook(r, "updating webhook " + id),
                () => GetWebhookAsync(id, ctx), now => SameWebhook(now, desired), ctx, $"Updating webhook {id}").ConfigureAwait(false);
        }

        private static bool SameWebhook(Webhook a, Webhook b) => a.Name == b.Name && a.Uri == b.Uri && a.Version == b.Version;

        public Task RemoveWebhookAsync(string id, CallContext ctx) =>
            DeleteAsync(new ApiRequest("DELETE", $"{WebhooksPath}/{Segment(id, "Id")}"), ctx, $"Removing webhook {id}");

        /// <summary>
        /// The verify operation: 8x8 sends WEB_HOOK_VERIFY to the URI. An unreachable URI is a result
        /// (Success false, with the server's reason), not an exception.
        /// </summary>
        public async Task<WebhookTestResult> VerifyWebhookAsync(string uri, string version, CallContext ctx)
        {
            version = version ?? ChatRules.DefaultVersion;
            ChatRules.Require("Uri", ChatRules.CheckAbsoluteUri(uri));
            ChatRules.Require("Version", ChatRules.CheckVersion(version));
            var request = new ApiRequest("POST", $"{WebhooksPath}/verify") { JsonBody = RequestBodies.Verify(uri, version) };
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            var result = new WebhookTestResult { Uri = uri, Version = version, StatusCode = response.StatusCode, Success = response.IsSuccess };
            if (response.IsSuccess) { result.Message = "The URI answered the WEB_HOOK_VERIFY event."; return result; }
            if (response.StatusCode != 400 && response.StatusCode != 422) throw Failure(request, response, $"Verifying {uri}");
            result.Message = ProblemReader.Read(response.Body).Message ?? $"HTTP {response.StatusCode}";
            return result;
        }

        private Webhook ReadWebhook(ApiResponse response, string what)
        {
            using (var doc = JsonRead.Parse(response.Body, what))
                return ModelReader.Webhook(doc.RootElement, region, tenant, ETagOf(response));
        }
    }
}
