using System.Net;
using System.Security;

namespace ChatApi.Engine.Session;

/// <summary>
/// How the calls of one session prove who they are: the header they carry, how it is got before
/// the first call, and what a 401 means. <see cref="For"/> picks the one the wire's scheme names.
/// </summary>
internal abstract class CallCredentials
{
    public static CallCredentials For(AuthScheme scheme, ChatClientOptions options, ApiTransport transport)
    {
        switch (scheme)
        {
            case AuthScheme.BearerToken:
                return new BearerTokenCredentials(new TokenProvider(options.ApiKey, options.ApiSecret, (r, c) => transport.SendAsync(r, null, c)));
            case AuthScheme.ApiKeyHeader:
                return new ApiKeyCredentials(options.GatewayKey);
            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown authentication scheme");
        }
    }

    /// <summary>Whatever must happen before the first call (a first token), with fail-fast on an unreachable host.</summary>
    public abstract Task ConnectAsync(CallContext ctx);

    /// <summary>The header of the next call.</summary>
    public abstract Task<KeyValuePair<string, string>> HeaderAsync(CallContext ctx);

    /// <summary>The server refused <paramref name="used"/>: true when a fresh credential is worth one more try.</summary>
    public abstract bool Refused(KeyValuePair<string, string> used);

    public abstract DateTimeOffset? ExpiresAt { get; }
    public abstract int Fetches { get; }

    /// <summary>Forgets the secret; later calls fail until a new Connect.</summary>
    public abstract void Forget();

    protected static ChatApiException Disconnected() =>
        new ChatApiException(ChatErrorKind.Unauthorized, "This session was disconnected; run Connect-ChatApi again.");
}

/// <summary>Chat API V2: an OAuth token as Authorization: Bearer, refreshed once after a 401.</summary>
internal sealed class BearerTokenCredentials : CallCredentials
{
    private readonly TokenProvider tokens;

    public BearerTokenCredentials(TokenProvider tokens) { this.tokens = tokens; }

    public override Task ConnectAsync(CallContext ctx) => tokens.GetTokenAsync(ctx, connecting: true);

    public override async Task<KeyValuePair<string, string>> HeaderAsync(CallContext ctx) =>
        new KeyValuePair<string, string>("Authorization", "Bearer " + await tokens.GetTokenAsync(ctx).ConfigureAwait(false));

    public override bool Refused(KeyValuePair<string, string> used)
    {
        tokens.Invalidate(used.Value.Substring("Bearer ".Length));
        return true;
    }

    public override DateTimeOffset? ExpiresAt => tokens.ExpiresAt;
    public override int Fetches => tokens.Fetches;
    public override void Forget() => tokens.Forget();
}

/// <summary>
/// The Chat Gateway: the API key itself in x-api-key on every call. The key is the only credential,
/// so it stays a SecureString and becomes text only for the header.
/// </summary>
internal sealed class ApiKeyCredentials : CallCredentials
{
    public const string Header = "x-api-key";
    private SecureString key;

    public ApiKeyCredentials(SecureString key)
    {
        this.key = key.Copy();
        this.key.MakeReadOnly();
    }

    public override Task ConnectAsync(CallContext ctx) => Task.CompletedTask;

    public override Task<KeyValuePair<string, string>> HeaderAsync(CallContext ctx)
    {
        var held = key ?? throw Disconnected();
        return Task.FromResult(new KeyValuePair<string, string>(Header, new NetworkCredential(string.Empty, held).Password));
    }

    /// <summary>A key does not expire: a 401 is final.</summary>
    public override bool Refused(KeyValuePair<string, string> used) => false;

    public override DateTimeOffset? ExpiresAt => null;
    public override int Fetches => 0;

    public override void Forget()
    {
        key?.Dispose();
        key = null;
    }
}
