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

    private protected MigrationWork(ChatApiClient client, IMigrationHost host, CallContext ctx)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.host = host ?? throw new ArgumentNullException(nameof(host));
        this.ctx = ctx ?? CallContext.None;
        calls = new ThrottledCalls(new MigrationOptions().ThrottleLimit, this.ctx.Cancellation);
    }
}
