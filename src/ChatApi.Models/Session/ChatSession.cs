using System;

namespace ChatApi
{
    /// <summary>
    /// A connection to one tenant in one region. Holds no secret and no token: those stay in the
    /// engine's token provider; this object only shows what an admin needs to see.
    /// </summary>
    public sealed class ChatSession
    {
        private readonly Func<DateTimeOffset?> tokenExpiry;

        public ChatSession(string region, string tenantId, Uri baseUri, string apiKey, double requestsPerSecond, Func<DateTimeOffset?> tokenExpiry)
        {
            Region = region;
            TenantId = tenantId;
            BaseUri = baseUri;
            ApiKey = apiKey;
            RequestsPerSecond = requestsPerSecond;
            this.tokenExpiry = tokenExpiry ?? (() => null);
            ConnectedAt = DateTimeOffset.Now;
        }

        public Guid Id { get; } = Guid.NewGuid();
        public string Region { get; }
        public string TenantId { get; }
        public Uri BaseUri { get; }
        /// <summary>The API key (the public half of the credential; the secret is never kept here).</summary>
        public string ApiKey { get; }
        public double RequestsPerSecond { get; }
        public DateTimeOffset ConnectedAt { get; }
        /// <summary>When the current access token expires (local time); null before the first token or after Disconnect-ChatApi.</summary>
        public DateTimeOffset? TokenExpiresAt => IsConnected ? tokenExpiry() : null;
        public bool IsConnected { get; set; } = true;

        public override string ToString() => $"{TenantId}@{Region} ({BaseUri})";
    }
}
