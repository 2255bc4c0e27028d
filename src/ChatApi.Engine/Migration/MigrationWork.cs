namespace ChatApi.Engine.Migration;

/// <summary>
/// What a migration run and its undo work with: the session's client, the host that asks for consent
/// and shows progress, the call's context, and the throttle that keeps a few calls in flight and counts them.
/// </summary>
public abstract class MigrationWork
{
    private protected readonly ChatApiClient client;
    private protected readonly IMigrationHost host;
    private protected readonly CallContext ctx;
    private protected ThrottledCalls calls;

    /// <summary>
    /// -SourceSession: a Chat API V2 session of the same tenant, through which a run on a Gateway session
    /// reads the old webhooks (and their URIs) the Gateway does not list, and an undo puts channels back
    /// on them. Null for none.
    /// </summary>
    public ChatApiClient Source { get; set; }

    /// <summary>Throws (InvalidArgument SourceSession) unless the source is another API's session of the same tenant.</summary>
    private protected void CheckSource()
    {
        if (Source == null) return;
        if (Source.Api == client.Api)
            throw ChatApiException.InvalidArgument("SourceSession", $"must be a session of the other API (the migration runs on a {client.Api} session; pass a {(client.Api == ChatValues.ApiGateway ? ChatValues.ApiV2 : ChatValues.ApiGateway)} session)");
        if (!string.Equals(Source.Session.TenantId, client.Session.TenantId, StringComparison.OrdinalIgnoreCase))
            throw ChatApiException.InvalidArgument("SourceSession", $"must be a session of the same tenant ({client.Session.TenantId}, not {Source.Session.TenantId})");
    }

    private protected MigrationWork(ChatApiClient client, IMigrationHost host, CallContext ctx)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.host = host ?? throw new ArgumentNullException(nameof(host));
        this.ctx = ctx ?? CallContext.None;
        calls = new ThrottledCalls(new MigrationOptions().ThrottleLimit, this.ctx.Cancellation);
    }
}
