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

        private ChatApiClient(ChatClientOptions options)
        {
            region = options.Region.ToLowerInvariant();
            tenant = options.TenantId;
            scope = new ApiScope(region, tenant);
            wire = WireFor(options);
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

        /// <summary>The wire of the session's API. Chat API V2 today; the Chat Gateway plugs in here.</summary>
        private static IChatWire WireFor(ChatClientOptions options) => V2Wire.Instance;

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
