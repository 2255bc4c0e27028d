using ChatApi.Engine.Session;
using ChatApi.Engine.Wire.Gateway;
using ChatApi.Engine.Wire.V2;

namespace ChatApi.Engine;

/// <summary>
/// One typed method per operation, for one tenant through one API (Chat API V2 in one region, or
/// the Chat Gateway): the session's wire says how. Thread-safe: every cmdlet and thread using a
/// session shares its client, its rate limit and its credential.
/// The resource families live in the partial files beside this one.
/// </summary>
public sealed partial class ChatApiClient : IDisposable
{
    private readonly ApiTransport transport;
    private readonly CallCredentials credentials;
    private readonly string region;
    private readonly string tenant;
    /// <summary>The API this session speaks: every path, body, page and error goes through it.</summary>
    private readonly IChatWire wire;
    private readonly ApiScope scope;
    private readonly ResilienceOptions resilience;

    private ChatApiClient(ChatClientOptions options)
    {
        wire = WireFor(options);
        region = wire.NeedsRegion ? options.Region.ToLowerInvariant() : null;
        tenant = string.IsNullOrWhiteSpace(options.TenantId) ? null : options.TenantId;
        scope = new ApiScope(wire.Api, region, tenant);
        resilience = options.Resilience ?? new ResilienceOptions();
        Network = options.Network ?? NetworkOptions.Default;
        transport = new ApiTransport(options.BaseUri, options.RequestsPerSecond, resilience, Network);
        credentials = CallCredentials.For(wire.Auth, options, transport);
        // The Gateway's key is its secret: the session shows no key for it.
        Session = new ChatSession(region, tenant, options.BaseUri, wire.Auth == AuthScheme.BearerToken ? options.ApiKey : null, options.RequestsPerSecond,
            () => credentials.ExpiresAt?.ToLocalTime(), wire.Api, Network.ProxyDisplay);
    }

    /// <summary>How this session reaches the network; its key fetches use the same proxy.</summary>
    public NetworkOptions Network { get; }

    /// <summary>
    /// Checks the options, fetches a first token where the API has tokens (so a wrong V2 key or base URI
    /// fails here) and returns the client. An unknown or unreachable host fails at once, without retries.
    /// </summary>
    public static async Task<ChatApiClient> ConnectAsync(ChatClientOptions options, CallContext ctx)
    {
        options.Validate();
        var client = new ChatApiClient(options);
        try
        {
            await client.credentials.ConnectAsync(ctx).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The wire of the session's API: Chat API V2 or the Chat Gateway.</summary>
    private static IChatWire WireFor(ChatClientOptions options) => options.IsGateway ? (IChatWire)GatewayWire.Instance : V2Wire.Instance;

    /// <summary>The API this client speaks (ChatValues.ApiV2 or ChatValues.ApiGateway), as sessions and configuration documents name it.</summary>
    public string Api => wire.Api;

    /// <summary>The notification versions this API creates webhooks with, and its default.</summary>
    public IReadOnlyList<string> WebhookVersions => wire.Versions;
    public string DefaultWebhookVersion => wire.DefaultVersion;

    public ChatSession Session { get; }

    /// <summary>
    /// One cheap read of the tenant (the first webhook), so a wrong region or tenant fails at connect
    /// instead of at the first real call, and so does a wrong Gateway key (the Gateway has no token
    /// call). A key that lacks only the webhooks scope is not refused here.
    /// </summary>
    public async Task VerifyTenantAsync(CallContext ctx)
    {
        var request = new ApiRequest("GET", PathOf(Families.Webhooks)) { FailFastWhenUnreachable = true };
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
        if (response.StatusCode == 401)
            throw new ChatApiException(ChatErrorKind.Unauthorized,
                $"The {wire.Api} API refused the key (401): {Detail(problem, response)}. {wire.RefusedCredentialAdvice}",
                response.StatusCode, request.Method, request.Path, problem.Message, problem.Errors, problem.ReferenceId, response.Attempts);
        if (response.StatusCode == 403 || response.StatusCode == 404)
            throw new ChatApiException(response.StatusCode == 403 ? ChatErrorKind.Forbidden : ChatErrorKind.NotFound,
                (wire.NeedsRegion
                    ? $"Tenant '{tenant}' is not reachable in region '{region}' with this key: {Detail(problem, response)}. Check -Region and -TenantId (a tenant lives in one region)."
                    : $"Tenant '{tenant ?? "(none given)"}' is not reachable with this key: {Detail(problem, response)}. Check -TenantId (X-8x8-Tenant): it is needed when the key serves several tenants, and must be one the key serves."),
                response.StatusCode, request.Method, request.Path, problem.Message, problem.Errors, problem.ReferenceId, response.Attempts);
        throw Failure(request, response, wire.NeedsRegion ? $"Checking tenant '{tenant}' in region '{region}'" : $"Checking tenant '{tenant}'");
    }

    private static string Detail(Problem problem, ApiResponse response)
    {
        string text = problem.Message ?? "HTTP " + response.StatusCode;
        var more = problem.Errors.Where(e => !string.IsNullOrEmpty(e) && e != problem.Message).ToList();
        return more.Count == 0 ? text : $"{text} ({string.Join("; ", more)})";
    }

    /// <summary>How many tokens this client has fetched (0 on the Gateway, which has none).</summary>
    public int TokenFetches => credentials.Fetches;

    /// <summary>Forgets the token and the secret (or the Gateway key); later calls fail until a new Connect.</summary>
    public void Disconnect()
    {
        credentials.Forget();
        Session.IsConnected = false;
    }

    public void Dispose()
    {
        Disconnect();
        transport.Dispose();
    }

    /// <summary>
    /// Sends with the session's credential and the wire's headers; a refused token is dropped and the
    /// call tried once more with a fresh one (a refused Gateway key is final).
    /// </summary>
    private async Task<ApiResponse> SendAsync(ApiRequest request, CallContext ctx)
    {
        foreach (var h in wire.Headers(scope)) request.Headers[h.Key] = h.Value;
        var credential = await credentials.HeaderAsync(ctx).ConfigureAwait(false);
        var response = await transport.SendAsync(request, credential, ctx).ConfigureAwait(false);
        if (response.StatusCode != 401 || !credentials.Refused(credential)) return response;
        ctx.Log.Verbose($"{request.Display}: the token was refused; fetching a new one and trying once more");
        credential = await credentials.HeaderAsync(ctx).ConfigureAwait(false);
        return await transport.SendAsync(request, credential, ctx).ConfigureAwait(false);
    }
}
