using System;

namespace ChatApi;

/// <summary>
/// A connection to one tenant: in one region through Chat API V2, or through the Chat Gateway.
/// Holds no secret, no token and no Gateway key: those stay in the engine; this object only shows
/// what an admin needs to see.
/// </summary>
public sealed class ChatSession
{
    private readonly Func<DateTimeOffset?> tokenExpiry;

    public ChatSession(string region, string tenantId, Uri baseUri, string apiKey, double requestsPerSecond, Func<DateTimeOffset?> tokenExpiry,
        string api = "V2", string proxy = null)
    {
        Api = api;
        Proxy = proxy;
        Region = region;
        TenantId = tenantId;
        BaseUri = baseUri;
        ApiKey = apiKey;
        RequestsPerSecond = requestsPerSecond;
        this.tokenExpiry = tokenExpiry ?? (() => null);
        ConnectedAt = DateTimeOffset.Now;
    }

    public Guid Id { get; } = Guid.NewGuid();
    /// <summary>The API the session speaks: V2 (Chat API V2) or Gateway (the Chat Gateway).</summary>
    public string Api { get; }
    public string Region { get; }
    public string TenantId { get; }
    public Uri BaseUri { get; }
    /// <summary>The V2 API key (the public half of the credential; the secret is never kept here). Null on a Gateway session, whose key is its secret.</summary>
    public string ApiKey { get; }
    public double RequestsPerSecond { get; }
    /// <summary>The proxy given to Connect-ChatApi (scheme, host and port; never its user or password), "none" for -NoProxy, null for the environment's.</summary>
    public string Proxy { get; }
    public DateTimeOffset ConnectedAt { get; }
    /// <summary>When the current access token expires (local time); null before the first token or after Disconnect-ChatApi.</summary>
    public DateTimeOffset? TokenExpiresAt => IsConnected ? tokenExpiry() : null;
    public bool IsConnected { get; set; } = true;

    public override string ToString() => Region != null ? $"{TenantId}@{Region} ({BaseUri})" : $"{TenantId ?? "(key's tenant)"}@{Api} ({BaseUri})";
}
