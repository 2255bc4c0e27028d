using System.Collections.Concurrent;
using System.Threading;

namespace ChatApi.Cmdlets;

/// <summary>
/// One piece of a cmdlet's async work, run off the pipeline thread: the work gets this object,
/// which carries its call context (cancellation, log) and the output, error, verbose, warning,
/// progress and question methods. Everything PowerShell must see is queued back to the pipeline
/// thread and written there as soon as it happens.
/// </summary>
internal sealed class CmdletCall : IChatLog
{
    private readonly Cmdlet cmdlet;
    /// <summary>
    /// How far the work may run ahead of the pipeline thread. Bounded, so that when downstream stops
    /// (Select-Object -First 3) the work is still waiting to hand over its first page instead of
    /// having fetched the rest of the list.
    /// </summary>
    private const int Backlog = 16;
    private readonly BlockingCollection<Action> queue;
    private readonly CancellationToken cancellation;
    private Task task;

    /// <param name="bounded">
    /// False for an item of a window (<see cref="ItemWindow"/>): it may run well ahead of its turn to
    /// be written, and must not hold a thread waiting for it.
    /// </param>
    public CmdletCall(Cmdlet cmdlet, CancellationToken cancellation, bool bounded = true)
    {
        this.cmdlet = cmdlet;
        this.cancellation = cancellation;
        queue = bounded ? new BlockingCollection<Action>(Backlog) : new BlockingCollection<Action>();
        Context = new CallContext(cancellation, this);
    }

    public CallContext Context { get; }

    public void Output(object item) => _ = Post(() => cmdlet.WriteObject(OutputShape.Of(item)));
    public void Error(ErrorRecord record) => _ = Post(() => cmdlet.WriteError(record));
    public void Progress(ProgressRecord record) => _ = Post(() => cmdlet.WriteProgress(record));
    /// <summary>Writes, on the pipeline thread, the record <paramref name="latest"/> gives when it runs (null: nothing).</summary>
    public void Progress(Func<ProgressRecord> latest) => _ = Post(() => { var r = latest(); if (r != null) cmdlet.WriteProgress(r); });
    public void Verbose(string message) => _ = Post(() => cmdlet.WriteVerbose(Redactor.Redact(message)));
    public void Debug(string message) => _ = Post(() => cmdlet.WriteDebug(Redactor.Redact(message)));
    public void Warning(string message) => _ = Post(() => cmdlet.WriteWarning(Redactor.Redact(message)));

    /// <summary>Runs <paramref name="question"/> on the pipeline thread (ShouldProcess, prompts) and awaits its answer.</summary>
    public Task<T> AskAsync<T>(Func<T> question)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool posted = Post(() =>
        {
            try { answer.TrySetResult(question()); }
            catch (Exception e) { answer.TrySetException(e); throw; }
        });
        if (!posted) answer.TrySetCanceled();
        return answer.Task;
    }

    /// <summary>Queues <paramref name="action"/> for the pipeline thread; false when the pipeline no longer listens.</summary>
    private bool Post(Action action)
    {
        try
        {
            queue.Add(action, cancellation);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // the pipeline stopped listening
        }
        catch (OperationCanceledException)
        {
            return false; // stopped (Ctrl+C, or downstream has what it wanted): the work ends at its next await
        }
    }

    /// <summary>Starts <paramref name="work"/> off the pipeline thread; what it emits waits for <see cref="Pump"/>.</summary>
    public void Start(Func<CmdletCall, Task> work)
    {
        task = Task.Run(async () =>
        {
            try { await work(this).ConfigureAwait(false); }
            finally { queue.CompleteAdding(); }
        });
    }

    /// <summary>On the pipeline thread: writes what the work emits until it ends, then rethrows its failure, if any.</summary>
    public void Pump()
    {
        foreach (var action in queue.GetConsumingEnumerable()) action();
        task.GetAwaiter().GetResult();
    }

    /// <summary>Pumps until <paramref name="work"/> ends, then rethrows its failure, if any.</summary>
    public void Run(Func<CmdletCall, Task> work)
    {
        Start(work);
        Pump();
    }
}
