using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ChatApi.Engine.Http;
using ChatApi.Engine.Json;
using ChatApi.Engine.Session;

namespace ChatApi.Engine
{
    /// <summary>
    /// One typed method per operation of the Chat API V2, for one tenant in one region. Thread-safe:
    /// every cmdlet and thread using a session shares its client, its rate limit and its token.
    /// The resource families live in the partial files beside this one.
    /// </summary>
    public sealed partial class ChatApiClient : IDisposable
    {
        private readonly ApiTransport transport;
        private readonly TokenProvider tokens;
        private readonly string region;
        private readonly string tenant;

        private ChatApiClient(ChatClientOptions options)
        {
            region = options.Region.ToLowerInvariant();
            tenant = options.TenantId;
            transport = new ApiTransport(options.BaseUri, options.RequestsPerSecond, options.Resilience ?? new ResilienceOptions());
            tokens = new TokenProvider(options.ApiKey, options.ApiSecret, (r, c) => transport.SendAsync(r, null, c));
            Session = new ChatSession(region, tenant, options.BaseUri, options.ApiKey, options.RequestsPerSecond, () => tokens.ExpiresAt?.ToLocalTime());
        }

        /// <summary>Checks the options, fetches a first token (so a wrong key fails here) and returns the client.</summary>
        public static async Task<ChatApiClient> ConnectAsync(ChatClientOptions options, CallContext ctx)
        {
            options.Validate();
            var client = new ChatApiClient(options);
            try
            {
                await client.tokens.GetTokenAsync(ctx).ConfigureAwait(false);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public ChatSession Session { get; }

        /// <summary>How many tokens this client has fetched.</summary>
        public int TokenFetches => tokens.Fetches;

        /// <summary>Forgets the token and the secret; later calls fail until a new Connect.</summary>
        public void Disconnect()
        {
            tokens.Forget();
            Session.IsConnected = false;
        }

        public void Dispose()
        {
            Disconnect();
            transport.Dispose();
        }

        private string TenantPath(string rest) => $"vcc/{region}/chat/v2/tenant/{Uri.EscapeDataString(tenant)}/{rest}";

        private static string Segment(string id, string parameter)
        {
            ChatRules.Require(parameter, string.IsNullOrWhiteSpace(id) ? "must not be empty" : null);
            return Uri.EscapeDataString(id);
        }

        /// <summary>Sends with the session's token; a 401 drops the token and tries once more with a fresh one.</summary>
        private async Task<ApiResponse> SendAsync(ApiRequest request, CallContext ctx)
        {
            string token = await tokens.GetTokenAsync(ctx).ConfigureAwait(false);
            var response = await transport.SendAsync(request, "Bearer " + token, ctx).ConfigureAwait(false);
            if (response.StatusCode != 401) return response;
            ctx.Log.Verbose($"{request.Display}: the token was refused; fetching a new one and trying once more");
            tokens.Invalidate(token);
            token = await tokens.GetTokenAsync(ctx).ConfigureAwait(false);
            return await transport.SendAsync(request, "Bearer " + token, ctx).ConfigureAwait(false);
        }

        /// <summary>Sends and throws a <see cref="ChatApiException"/> unless the answer is 2xx.</summary>
        private async Task<ApiResponse> SendCheckedAsync(ApiRequest request, CallContext ctx, string what)
        {
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            if (!response.IsSuccess) throw Failure(request, response, what);
            return response;
        }

        private static ChatApiException Failure(ApiRequest request, ApiResponse response, string what)
        {
            var problem = ProblemReader.Read(response.Body);
            var kind = ProblemReader.KindOf(response.StatusCode);
            string text = problem.Message ?? $"HTTP {response.StatusCode}";
            string message = $"{what} failed: {text} ({response.StatusCode} {request.Method} /{request.Path})";
            if (kind == ChatErrorKind.PreconditionFailed)
                message = $"{what} failed: it changed on the server since it was read (If-Match refused, 412). Read it again and retry.";
            if (response.StatusCode >= 300 && response.StatusCode < 400)
                message = $"{what} failed: the server redirected ({response.StatusCode}) to {Redactor.Redact(response.Header("Location") ?? "(no Location)")}; redirects are not followed, so the token never goes to another address. Check -BaseUri.";
            if (response.Attempts > 1) message += $" after {response.Attempts} attempts";
            message = Redactor.Redact(message);
            return new ChatApiException(kind, message, response.StatusCode, request.Method, request.Path, Redactor.Redact(problem.Message),
                problem.Errors?.Select(Redactor.Redact).ToList(), problem.ReferenceId, response.Attempts);
        }

        private static int? ETagOf(ApiResponse response)
        {
            var etag = response.Header("ETag");
            if (string.IsNullOrEmpty(etag)) return null;
            etag = etag.Trim();
            if (etag.StartsWith("W/", StringComparison.Ordinal)) etag = etag.Substring(2);
            etag = etag.Trim('"');
            return int.TryParse(etag, out var version) ? (int?)version : null;
        }

        /// <summary>
        /// PUT under If-Match of the version that was read (when the server gave one). A 412 after an
        /// attempt whose answer was lost is done when the server now holds what was wanted: that
        /// attempt landed and bumped the version.
        /// </summary>
        private async Task<T> ReplaceAsync<T>(ApiRequest request, int? etag, Func<ApiResponse, T> read, Func<Task<T>> reread,
            Func<T, bool> isWanted, CallContext ctx, string what)
        {
            if (etag.HasValue) request.Headers["If-Match"] = etag.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            if (response.IsSuccess) return read(response);
            if (response.StatusCode == 412 && response.EarlierAttemptUncertain)
            {
                var now = await reread().ConfigureAwait(false);
                if (isWanted(now)) return now;
            }
            throw Failure(request, response, what);
        }

        /// <summary>DELETE; a 404 after an attempt that may have landed counts as done.</summary>
        private async Task DeleteAsync(ApiRequest request, CallContext ctx, string what)
        {
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            if (response.IsSuccess) return;
            if (response.StatusCode == 404 && response.EarlierAttemptUncertain)
            {
                ctx.Log.Verbose($"{request.Display}: 404 after an attempt whose answer was lost; it was removed by that attempt");
                return;
            }
            throw Failure(request, response, what);
        }

        /// <summary>
        /// Streams a paged list: pages are fetched one after the other and each item handed to
        /// <paramref name="emit"/> as its page arrives; fetching stops once <paramref name="first"/> items
        /// went out. <paramref name="where"/> filters on this side (Skip and First count what passes it).
        /// Offset pages shift when items are removed while the list is read (Get-ChatWebhook |
        /// Remove-ChatWebhook removes page 0 while page 1 is fetched): when the server's elementCount
        /// shrinks, the list steps back over the pages the unread items may have moved into, and items
        /// already seen (by <paramref name="key"/>) are not emitted twice. Items added while the list is
        /// read are not followed past the count the server gave at the start.
        /// </summary>
        private async Task ListPagesAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int? first, int skip,
            Func<JsonElement, T> map, Func<T, string> key, Action<T> emit, CallContext ctx, string what, Func<T, bool> where = null)
        {
            if (first.HasValue && first.Value <= 0) return;
            bool serverSkips = where == null;
            int size = first.HasValue && serverSkips ? Math.Min(100, Math.Max(1, first.Value + skip)) : 100;
            int page = serverSkips ? skip / size : 0;
            long index = (long)page * size;
            int sent = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int? lastTotal = null;
            // Items that existed when the list began, from where it began: a pipeline that adds to the
            // list it reads (Get-ChatWebhook | New-ChatWebhook on one tenant) must not chase its own tail.
            long? budget = null;
            while (true)
            {
                var request = new ApiRequest("GET", path).WithQuery("page", page.ToString()).WithQuery("size", size.ToString());
                if (filters != null) foreach (var f in filters) request.WithQuery(f.Key, f.Value);
                var response = await SendCheckedAsync(request, ctx, what).ConfigureAwait(false);
                int count = 0;
                int? pageCount, total;
                using (var doc = JsonRead.Parse(response.Body, what))
                {
                    var root = doc.RootElement;
                    var block = JsonRead.Obj(root, "page");
                    pageCount = block.HasValue ? JsonRead.Int(block.Value, "pageCount") : null;
                    total = block.HasValue ? JsonRead.Int(block.Value, "elementCount") : null;
                    // Negative counts are no counts: the list goes on until a short or empty page.
                    if (pageCount < 0) pageCount = null;
                    if (total < 0) total = null;
                    if (lastTotal == null && total.HasValue && where == null) ctx.TotalCount?.Invoke(total.Value);
                    if (budget == null && total.HasValue) budget = Math.Max(0, total.Value - (long)page * size);
                    foreach (var element in ModelReader.Items(root, "data"))
                    {
                        count++;
                        var item = map(element);
                        string id = key(item);
                        if (id != null && !seen.Add(id)) continue;
                        bool last = budget.HasValue && seen.Count >= budget.Value;
                        if (where == null || where(item))
                        {
                            if (index++ >= skip)
                            {
                                emit(item);
                                if (first.HasValue && ++sent >= first.Value) return;
                            }
                        }
                        if (last) return;
                    }
                }
                int shrunk = lastTotal.HasValue && total.HasValue ? lastTotal.Value - total.Value : 0;
                lastTotal = total;
                if (shrunk > 0 && page > 0)
                {
                    // Unread items that stood at this page's start moved up to 'shrunk' places to the front.
                    int back = Math.Max(0, (int)(((long)page * size - shrunk) / size));
                    ctx.Log.Verbose($"{what}: {shrunk} item(s) went away while listing; reading again from page {back}");
                    page = back;
                    continue;
                }
                page++;
                if (count == 0 || (pageCount.HasValue ? page >= pageCount.Value : count < size)) return;
            }
        }
    }
}
