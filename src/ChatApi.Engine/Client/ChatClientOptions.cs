using System.Security;

namespace ChatApi.Engine
{
    /// <summary>Everything a client needs to connect to one tenant in one region.</summary>
    public sealed class ChatClientOptions
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.8x8.com");

        public string Region { get; set; }
        public string TenantId { get; set; }
        public Uri BaseUri { get; set; } = DefaultBaseUri;
        public string ApiKey { get; set; }
        public SecureString ApiSecret { get; set; }
        /// <summary>8x8 documents 5 requests per second per API key; 0 turns the client-side limit off.</summary>
        public double RequestsPerSecond { get; set; } = 5;
        public ResilienceOptions Resilience { get; set; } = new ResilienceOptions();
        /// <summary>Allow http:// to a host that is not loopback (the secret and tokens then travel in clear).</summary>
        public bool AllowUnencryptedHttp { get; set; }

        internal void Validate()
        {
            ChatRules.Require("Region", ChatRules.CheckRegion(Region));
            ChatRules.Require("TenantId", string.IsNullOrWhiteSpace(TenantId) ? "must not be empty" : null);
            ChatRules.Require("ApiKey", string.IsNullOrWhiteSpace(ApiKey) ? "must not be empty" : null);
            ChatRules.Require("ApiSecret", ApiSecret == null || ApiSecret.Length == 0 ? "must not be empty" : null);
            ChatRules.Require("BaseUri", ChatRules.CheckBaseUri(BaseUri, AllowUnencryptedHttp));
            ChatRules.Require("RequestsPerSecond", RequestsPerSecond < 0 || double.IsNaN(RequestsPerSecond) ? "must be 0 (no limit) or more" : null);
        }
    }
}
