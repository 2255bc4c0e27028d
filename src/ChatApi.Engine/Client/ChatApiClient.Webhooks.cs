namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        private IWebhookContract Webhooks => wire.Webhooks;

        private Webhook ReadWebhook(JsonElement e, ApiResponse r) => Webhooks.Read(e, scope, ETagOf(r));

        /// <summary>Lists webhooks; with <paramref name="version"/>, only those on that notification version.</summary>
        public Task ListWebhooksAsync(string version, int? first, int skip, Action<Webhook> emit, CallContext ctx) =>
            ListPagesAsync(PathOf(Families.Webhooks), null, first, skip, e => Webhooks.Read(e, scope, null), w => w.Id, emit, ctx, "Listing webhooks",
                version == null ? (Func<Webhook, bool>)null : w => w.Version == version);

        public Task<Webhook> GetWebhookAsync(string id, CallContext ctx) =>
            CallAsync(new ApiRequest("GET", ItemPath(Families.Webhooks, id)), ReadWebhook, ctx, $"Reading webhook {id}");

        public Task<Webhook> CreateWebhookAsync(string name, string uri, string version, CallContext ctx)
        {
            // Every field is given on a create: an absent one is checked as empty.
            var values = new WebhookChanges { Name = name ?? string.Empty, Uri = uri ?? string.Empty, Version = version ?? wire.DefaultVersion };
            ChatRules.Require(values.Check(wire.Versions));
            var body = Webhooks.Write(values.ApplyTo(new Webhook()));
            return CallAsync(new ApiRequest("POST", PathOf(Families.Webhooks)) { JsonBody = body }, ReadWebhook, ctx, $"Creating webhook '{name}'");
        }

        /// <summary>
        /// Partial update: reads the webhook, changes only the given fields, and writes it back with
        /// If-Match when the server gave a version. A v2.0 webhook is never taken back to v1.0.
        /// </summary>
        public async Task<Webhook> UpdateWebhookAsync(string id, WebhookChanges changes, CallContext ctx)
        {
            ChatRules.Require(changes.Check(wire.Versions));
            var current = await GetWebhookAsync(id, ctx).ConfigureAwait(false);
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
        public async Task<WebhookTestResult> VerifyWebhookAsync(string uri, string version, CallContext ctx)
        {
            version = version ?? wire.DefaultVersion;
            ChatRules.Require(new WebhookChanges { Uri = uri ?? string.Empty, Version = version }.Check(wire.VerifyVersions));
            var request = new ApiRequest("POST", $"{PathOf(Families.Webhooks)}/verify") { JsonBody = Webhooks.Verify(uri, version) };
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            var result = new WebhookTestResult { Uri = uri, Version = version, StatusCode = response.StatusCode, Success = response.IsSuccess, Api = wire.Api };
            if (response.IsSuccess) { result.Message = "The URI answered the WEB_HOOK_VERIFY event."; return result; }
            if (response.StatusCode != 400 && response.StatusCode != 422) throw Failure(request, response, $"Verifying {uri}");
            result.Message = wire.ReadProblem(response.Body).Message ?? $"HTTP {response.StatusCode}";
            return result;
        }
    }
}
