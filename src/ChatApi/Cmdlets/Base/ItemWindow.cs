namespace ChatApi.Cmdlets;

/// <summary>
/// Keeps up to N pipeline items' work in flight at once and writes what each one emits (results,
/// errors, Verbose) in input order: the oldest item is pumped on the pipeline thread while the
/// younger ones run. Questions (ShouldProcess) stay with the cmdlet, asked before an item joins.
/// </summary>
internal sealed class ItemWindow
{
    private readonly Queue<(CmdletCall Call, object Target)> flight = new Queue<(CmdletCall, object)>();
    private readonly Action<CmdletCall, object> complete;
    private readonly int limit;

    /// <param name="complete">Pumps one call on the pipeline thread and reports its failure.</param>
    public ItemWindow(int limit, Action<CmdletCall, object> complete)
    {
        this.limit = Math.Max(1, limit);
        this.complete = complete;
    }

    /// <summary>Waits (writing the oldest items' output) until there is room, then starts <paramref name="call"/>.</summary>
    public void Add(CmdletCall call, Func<CmdletCall, Task> work, object target)
    {
        while (flight.Count >= limit) CompleteOldest();
        call.Start(work);
        flight.Enqueue((call, target));
    }

    /// <summary>Writes every item still in flight, in order.</summary>
    public void CompleteAll()
    {
        while (flight.Count > 0) CompleteOldest();
    }

    private void CompleteOldest()
    {
        var (call, target) = flight.Dequeue();
        complete(call, target);
    }
}
