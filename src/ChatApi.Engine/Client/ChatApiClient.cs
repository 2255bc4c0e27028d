using ChatApi.Engine.Session;
using ChatApi.Engine.Wire.V2;

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
        /// <summary>The API this session speaks: every path, body, page and error goes through it.</summary>
        private readonly IChatWire wire;
        private readonly ApiScope scope;
        private readonly ResilienceOptions resilience;

        private ChatApiClient(ChatClientOptions options)
        {
            region = options.Region.ToLowerInvariant();
            tenant = options.TenantId;
            scope = new ApiScope(region, tenant);
            wire = WireFor(options);
            resilience = options.Resilience ?? new ResilienceOptions();
            transport = new ApiTransport(options.BaseUri, options.RequestsPerSecond, resilience);
            tokens = new TokenProvider(options.ApiKey, options.ApiSecret, (r, c) => transport.SendAsync(r, null, c));
            Session = new ChatSession(region, tenant, options.BaseUri, options.ApiKey, options.RequestsPerSecond, () => tokens.ExpiresAt?.ToLocalTime());
        }

        /// <summary>
        /// Checks the options, fetches a first token (so a wrong key or base URI fails here) and returns
        /// the client. An unknown or unreachable host fails at once, without retries.
        /// </summary>
        public static async Task<ChatApiClient> ConnectAsync(ChatClientOptions options, CallContext ctx)
        {
            options.Validate();
            var client = new ChatApiClient(options);
            try
            {
                await client.tokens.GetTokenAsync(ctx, connecting: true).ConfigureAwait(false);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>The wire of the session's API. Chat API V2 today; the Chat Gateway plugs in here.</summary>
        private static IChatWire WireFor(ChatClientOptions options) => V2Wire.Instance;

        public ChatSession Session { get; }

        /// <summary>The API this client speaks (ChatValues.ApiV2 or ChatValues.ApiGateway), as configuration documents name it.</summary>
        public string Api => wire is V2Wire ? ChatValues.ApiV2 : ChatValues.ApiGateway;

        /// <summary>
        /// One cheap read of the tenant (the first webhook), so a wrong region or tenant fails at connect
        /// instead of at the first real call. A key that lacks only the webhooks scope is not refused here.
        /// </summary>
        public async Task VerifyTenantAsync(CallContext ctx)
        {
            var request = new ApiRequest("GET", PathOf(Families.Webhooks));
            wire.AddPage(request, 0, 1);
            var response = await SendAsync(request, ctx).ConfigureAwait(false);
            if (response.IsSuccess) return;
            var problem = wire.ReadProblem(response.Body);
            bool scope = response.StatusCode == 403 && (problem.Message ?? "").IndexOf("scope", StringComparison.OrdinalIgnoreCase) >= 0;
            if (scope)
            {
                ctx.Log.Verbose($"Tenant check skipped: the key may not read webhooks ({problem.Message})");
                return;
            }
            if (response.StatusCode == 403 || response.StatusCode == 404)
                throw new ChatApiException(response.StatusCode == 403 ? ChatErrorKind.Forbidden : ChatErrorKind.NotFound,
                    $"Tenant '{tenant}' is not reachable in region '{region}' with this key: {problem.Message ?? "HTTP " + response.StatusCode}. " +
                    "Check -Region and -TenantId (a tenant lives in one region).",
                    response.StatusCode, request.Method, request.Path, problem.Message, problem.Errors, problem.ReferenceId, response.Attempts);
            throw Failure(request, response, $"Checking tenant '{tenant}' in region '{region}'");
        }

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

        /// <summary>Sends with the session's credentials; a refused token is dropped and the call tried once more with a fresh one.</summary>
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
    }
}
