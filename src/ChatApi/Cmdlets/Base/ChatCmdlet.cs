using System.Threading;

namespace ChatApi.Cmdlets;

/// <summary>
/// Base of every ChatApi cmdlet: runs the engine's async work with output streamed on the pipeline
/// thread, cancels on Ctrl+C, and turns failures into non-terminating error records so the rest of
/// a pipeline goes on. <see cref="ChatCmdlet"/> adds the session.
/// </summary>
public abstract class ChatCmdletBase : PSCmdlet
{
    private readonly CancellationTokenSource stopping = new CancellationTokenSource();

    /// <summary>
    /// Runs <paramref name="work"/>; whatever it emits through the <see cref="CmdletCall"/> it is given
    /// reaches the pipeline as it happens. A failure becomes a non-terminating error naming
    /// <paramref name="target"/>. Returns false when the work failed.
    /// </summary>
    private protected bool Run(Func<CmdletCall, Task> work, object target) => Complete(new CmdletCall(this, stopping.Token).Run, work, target);

    /// <summary>Loads the module's views into the session with its first command (see <see cref="ModuleFormats"/>).</summary>
    protected override void BeginProcessing()
    {
        ModuleFormats.EnsureLoaded(this);
        base.BeginProcessing();
    }

    /// <summary>Whether <paramref name="parameter"/> was given (on the command line or bound from the pipeline).</summary>
    private protected bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    /// <summary><paramref name="value"/> when <paramref name="parameter"/> was given, else null: a value type's default is no choice.</summary>
    private protected T? IfGiven<T>(string parameter, T value) where T : struct => Given(parameter) ? value : (T?)null;

    /// <summary>Cancelled by Ctrl+C, or when downstream stopped the pipeline.</summary>
    private protected CancellationToken StopToken => stopping.Token;

    /// <summary>
    /// Runs <paramref name="finish"/> (which pumps a call's output and rethrows its failure) and turns
    /// the failure into what PowerShell expects: a stop, or a non-terminating error naming <paramref name="target"/>.
    /// </summary>
    private protected bool Complete<TArg>(Action<TArg> finish, TArg arg, object target)
    {
        try
        {
            finish(arg);
            return true;
        }
        catch (Exception e) when (stopping.IsCancellationRequested && (e is OperationCanceledException || e is AggregateException))
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (IsUserFailure(e))
        {
            WriteError(ErrorRecords.From(e, target));
            return false;
        }
        catch
        {
            // Downstream stopped us (Select-Object -First) or the host is stopping: stop the work too.
            stopping.Cancel();
            throw;
        }
    }

    /// <summary>Runs work that returns one object and writes it.</summary>
    protected void RunAndWrite<T>(Func<CallContext, Task<T>> work, object target) =>
        Run(async call => { var result = await work(call.Context).ConfigureAwait(false); if (result != null) call.Output(result); }, target);

    private static bool IsUserFailure(Exception e) =>
        e is ChatApiException || e is ArgumentException || e is InvalidOperationException && !(e is ObjectDisposedException)
        || e is System.Net.Http.HttpRequestException || e is TimeoutException || e is FormatException || e is System.IO.IOException;

    // The source is never disposed: StopProcessing may come from another thread at any time,
    // and a source without timers holds nothing that needs it.
    protected override void StopProcessing() => stopping.Cancel();
}

/// <summary>
/// A cmdlet that talks to the API: -Session (default: the last Connect-ChatApi) resolves to the
/// session's engine client. ChatCmdlet.Items.cs holds the window of items in flight.
/// </summary>
public abstract partial class ChatCmdlet : ChatCmdletBase
{
    /// <summary>The session to use; by default the one of the last Connect-ChatApi.</summary>
    [Parameter]
    public ChatSession Session { get; set; }

    /// <summary>The session's engine client, or a terminating error when there is none.</summary>
    protected ChatApiClient Client => ClientOf(Session ?? SessionRegistry.Current);

    /// <summary>A session's engine client (-SourceSession's too), or a terminating error when it has none.</summary>
    protected ChatApiClient ClientOf(ChatSession session)
    {
        if (session == null)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("No ChatApi session: run Connect-ChatApi first, or pass -Session."),
                "ChatApi.NotConnected", ErrorCategory.ConnectionError, null));
        var client = SessionRegistry.ClientOf(session);
        if (client == null || !session.IsConnected)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"The session {session} was disconnected: run Connect-ChatApi again."),
                "ChatApi.Disconnected", ErrorCategory.ConnectionError, session));
        return client;
    }

    /// <summary>-First of SupportsPaging, or null when not given.</summary>
    protected int? PageFirst =>
        PagingParameters == null || PagingParameters.First == ulong.MaxValue ? (int?)null : (int)Math.Min(int.MaxValue, PagingParameters.First);

    /// <summary>-Skip of SupportsPaging.</summary>
    protected int PageSkip => PagingParameters == null ? 0 : (int)Math.Min(int.MaxValue, PagingParameters.Skip);

    /// <summary>Streams a list: each item is written as its page arrives.</summary>
    protected void RunList<T>(Func<int?, int, Action<T>, CallContext, Task> list, object target) =>
        Run(call =>
        {
            if (PagingParameters != null && PagingParameters.IncludeTotalCount)
                call.Context.TotalCount = total => call.Output(PagingParameters.NewTotalCount((ulong)Math.Max(0, total), 1.0));
            return list(PageFirst, PageSkip, item => call.Output(item), call.Context);
        }, target);
}
