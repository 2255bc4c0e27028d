namespace ChatApi.Cmdlets;

/// <summary>
/// The items a cmdlet runs one per pipeline input: <see cref="InFlight"/> of them at once (a
/// cmdlet with -ThrottleLimit says how many; 1 runs each item's calls before the next item starts);
/// results and per-item errors are written in input order, and -WhatIf/-Confirm are asked item by
/// item on the pipeline thread before an item starts.
/// </summary>
public abstract partial class ChatCmdlet
{
    /// <summary>How many items' calls may be in flight at once: -ThrottleLimit where the cmdlet has it.</summary>
    private protected virtual int InFlight => 1;

    private ItemWindow window;

    /// <summary>The last item started for each key of <see cref="RunItemInOrder"/>: the next one with that key waits for it.</summary>
    private readonly Dictionary<string, Task> lastOfKey = new Dictionary<string, Task>(StringComparer.Ordinal);

    /// <summary>Runs one item's work in the window; its output and failure come out in input order.</summary>
    private protected void RunItem(Func<CmdletCall, Task> work, object target)
    {
        if (InFlight <= 1)
        {
            Run(work, target);
            return;
        }
        window = window ?? new ItemWindow(InFlight, (call, t) => Complete(c => c.Pump(), call, t));
        window.Add(new CmdletCall(this, StopToken, bounded: false), work, target);
    }

    /// <summary>
    /// Like <see cref="RunItem"/>, but items with the same <paramref name="key"/> (the same channel set
    /// twice, two messages to one conversation) run one after the other, in input order: a second
    /// change of one resource must see the first, and a conversation's messages keep their order.
    /// </summary>
    private protected void RunItemInOrder(string key, Func<CmdletCall, Task> work, object target)
    {
        if (InFlight <= 1 || key == null)
        {
            RunItem(work, target);
            return;
        }
        lastOfKey.TryGetValue(key, out var before);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lastOfKey[key] = done.Task;
        RunItem(async call =>
        {
            try
            {
                if (before != null) await before.ConfigureAwait(false);
                await work(call).ConfigureAwait(false);
            }
            finally { done.TrySetResult(true); }
        }, target);
    }

    /// <summary>Runs work that returns one object and writes it, in the window.</summary>
    private protected void RunItemAndWrite<T>(Func<CallContext, Task<T>> work, object target) =>
        RunItem(async call => { var result = await work(call.Context).ConfigureAwait(false); if (result != null) call.Output(result); }, target);

    /// <summary>Reports a failure found before any call, in its place among the items in flight.</summary>
    private protected void FailItem(Exception failure, object target) => RunItem(_ => Task.FromException(failure), target);

    /// <summary>
    /// Reads and checks an item's input before any call; bad input (a ChatApiException or an ArgumentException
    /// naming the parameter) is reported with <see cref="FailItem"/> and false is returned.
    /// </summary>
    private protected bool Prepare(Action read, object target)
    {
        try
        {
            read();
            return true;
        }
        catch (Exception e) when (e is ChatApiException || e is ArgumentException)
        {
            FailItem(e, target);
            return false;
        }
    }

    protected override void EndProcessing()
    {
        window?.CompleteAll();
        base.EndProcessing();
    }
}
