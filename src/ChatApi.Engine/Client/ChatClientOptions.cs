using System.Security;

namespace ChatApi.Engine;

/// <summary>Everything a client needs to connect to one tenant: in one region through Chat API V2, or through the Chat Gateway.</summary>
public sealed class ChatClientOptions
{
    public static readonly Uri DefaultBaseUri = new Uri("https://api.8x8.com");

    /// <summary><see cref="ChatValues.ApiV2"/> (the default) or <see cref="ChatValues.ApiGateway"/>.</summary>
    public string Api { get; set; } = ChatValues.ApiV2;
    /// <summary>The Chat Gateway's API key (its only credential, so a secret); V2 uses <see cref="ApiKey"/> and <see cref="ApiSecret"/>.</summary>
    public SecureString GatewayKey { get; set; }

    internal bool IsGateway => string.Equals(Api, ChatValues.ApiGateway, StringComparison.OrdinalIgnoreCase);

    public string Region { get; set; }
    public string TenantId { get; set; }
    public Uri BaseUri { get; set; } = DefaultBaseUri;
    public string ApiKey { get; set; }
    public SecureString ApiSecret { get; set; }
    /// <summary>8x8 documents 5 requests per second per API key; 0 turns the client-side limit off.</summary>
    public double RequestsPerSecond { get; set; } = 5;
    public ResilienceOptions Resilience { get; set; } = new ResilienceOptions();
    /// <summary>The proxy and the User-Agent's shell: every call of the session goes through the handler they describe.</summary>
    public NetworkOptions Network { get; set; } = NetworkOptions.Default;
    /// <summary>Allow http:// to a host that is not loopback (the secret and tokens then travel in clear).</summary>
    public bool AllowUnencryptedHttp { get; set; }

    internal void Validate()
    {
        ChatRules.Require("Api", ChatValues.Apis.Contains(Api, StringComparer.OrdinalIgnoreCase) ? null : $"must be one of {string.Join(", ", ChatValues.Apis)}");
        if (IsGateway)
        {
            // No region in the Gateway's paths; the tenant (X-8x8-Tenant) is needed only when the key serves several.
            ChatRules.Require("ApiKey", GatewayKey == null || GatewayKey.Length == 0 ? "must not be empty" : null);
        }
        else
        {
            ChatRules.Require("Region", ChatRules.CheckRegion(Region));
            ChatRules.Require("TenantId", string.IsNullOrWhiteSpace(TenantId) ? "must not be empty" : null);
            ChatRules.Require("ApiKey", string.IsNullOrWhiteSpace(ApiKey) ? "must not be empty" : null);
            ChatRules.Require("ApiSecret", ApiSecret == null || ApiSecret.Length == 0 ? "must not be empty" : null);
        }
        ChatRules.Require("BaseUri", ChatRules.CheckBaseUri(BaseUri, AllowUnencryptedHttp));
        (Network ?? NetworkOptions.Default).Validate();
        ChatRules.Require("RequestsPerSecond", RequestsPerSecond < 0 || double.IsNaN(RequestsPerSecond) ? "must be 0 (no limit) or more" : null);
    }
}
