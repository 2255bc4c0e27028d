using System.Net;
using System.Net.Http;
using System.Threading;

namespace ChatApi.Engine.Signatures;

/// <summary>
/// Where an API publishes the public halves of its signing keys. 8x8's key endpoints need no
/// authentication, so keys are fetched without a session, a token or an API key: the usual case
/// of an event handler in a function app. A new API (the Chat Gateway) is one more instance.
/// </summary>
public sealed class KeyEndpoint
{
    /// <summary>Chat API V2: GET /vcc/{region}/chat/v2/jwk/{kid}/public.</summary>
    public static readonly KeyEndpoint ChatV2 = new KeyEndpoint("chat-v2", ChatValues.V2KeyPathTemplate);

    /// <summary>Chat Gateway: GET /chat-gateway/v1/jwk/{kid}/public.</summary>
    public static readonly KeyEndpoint Gateway = new KeyEndpoint("chat-gateway", ChatValues.GatewayKeyPathTemplate);

    public KeyEndpoint(string name, string pathTemplate)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
    }

    public string Name { get; }
    /// <summary>Relative to the base URI; {region} and {kid} are filled in (escaped).</summary>
    public string PathTemplate { get; }

    public Uri KeyUri(Uri baseUri, string region, string keyId)
    {
        var root = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new Uri(root, PathFor(region, keyId));
    }

    /// <summary>The key's path relative to the base URI.</summary>
    public string PathFor(string region, string keyId) => PathTemplate
        .Replace("{region}", Uri.EscapeDataString(region ?? ""))
        .Replace("{kid}", Uri.EscapeDataString(keyId ?? ""));
}

/// <summary>
/// Fetches one public key over HTTP, unauthenticated and outside any session: one attempt with its
/// own short timeout (not the session's rate limit and seven retries), no redirects, a small answer
/// cap. 404 means "no such key" (null); anything else that is not a key throws <see cref="KeyFetchException"/>.
/// </summary>
public sealed class KeyEndpointClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly Uri baseUri;
    private readonly string region;
    private readonly KeyEndpoint endpoint;
    private readonly TimeSpan timeout;
    private readonly HttpClient http;

    /// <param name="network">The proxy to go through (a session's, or -Proxy); null: the environment's.</param>
    public KeyEndpointClient(Uri baseUri, string region, KeyEndpoint endpoint = null, TimeSpan? timeout = null, NetworkOptions network = null)
    {
        network?.Validate();
        if (baseUri == null || !baseUri.IsAbsoluteUri || (baseUri.Scheme != "https" && baseUri.Scheme != "http"))
            throw new ArgumentException("Parameter 'BaseUri' must be an absolute http or https URI.", nameof(baseUri));
        this.baseUri = baseUri;
        this.region = region;
        this.endpoint = endpoint ?? KeyEndpoint.ChatV2;
        this.timeout = timeout ?? DefaultTimeout;
        http = HttpStack.SessionlessClient(network);
    }

    /// <summary>Names the source in the process-wide key cache: keys of one source never serve another.</summary>
    public string SourceName => $"{endpoint.Name}|{baseUri.AbsoluteUri}|{region}";

    public async Task<Jwk> FetchAsync(string keyId, CancellationToken cancellationToken)
    {
        var uri = endpoint.KeyUri(baseUri, region, keyId);
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
        {
            deadline.CancelAfter(timeout);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            try
            {
                using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false))
                {
                    int status = (int)response.StatusCode;
                    if (status == ProxyRefusal.Status) throw new KeyFetchException(ProxyRefusal.Advice, status);
                    if (status == 404) return null;
                    if (status < 200 || status > 299)
                        throw new KeyFetchException($"GET /{uri.AbsolutePath.TrimStart('/')} answered {status}", status);
                    var text = await BoundedBody.ReadTextAsync(response.Content, MaxAnswerBytes, deadline.Token).ConfigureAwait(false);
                    if (text == null) throw new KeyFetchException($"the key answer is larger than {MaxAnswerBytes} bytes", status);
                    IList<Jwk> keys;
                    try { keys = JwkJson.Parse(text); }
                    catch (FormatException e) { throw new KeyFetchException("the key answer is not a JWK: " + e.Message, status); }
                    foreach (var key in keys) if (string.Equals(key.KeyId, keyId, StringComparison.Ordinal)) return key;
                    if (keys.Count == 1 && string.IsNullOrEmpty(keys[0].KeyId)) { keys[0].KeyId = keyId; return keys[0]; }
                    return keys.Count == 1 ? keys[0] : null; // a lone key with another kid is refused by the cache
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new KeyFetchException($"no answer within {timeout.TotalSeconds:0.#} s", 0);
            }
            catch (HttpRequestException e)
            {
                if (ProxyRefusal.StatusOf(e) == ProxyRefusal.Status) throw new KeyFetchException(ProxyRefusal.Advice, ProxyRefusal.Status);
                throw new KeyFetchException("no answer: " + e.Message, 0);
            }
        }
    }
}

/// <summary>A key could not be fetched; StatusCode 404 is never used (that is "no such key").</summary>
public sealed class KeyFetchException : Exception
{
    public KeyFetchException(string message, int statusCode) : base(message) { StatusCode = statusCode; }
    public int StatusCode { get; }
}
