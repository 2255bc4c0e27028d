using System.Threading;

namespace ChatApi.Cmdlets;

/// <summary>
/// Write-Progress for one file moving (upload or download), from the engine's byte counts: shown only
/// for files of <see cref="ShownFrom"/> bytes or more (a smaller one is done before a bar helps), and
/// written when the percentage (or, size unknown, the MiB) changes, not on every chunk.
/// </summary>
internal sealed class TransferProgress
{
    public const long ShownFrom = 1024 * 1024;
    private const double MiB = 1024 * 1024;
    private static int nextId = 7000;

    private readonly CmdletCall call;
    private readonly string activity;
    private readonly int id = Interlocked.Increment(ref nextId);
    private long lastStep = -1;

    public TransferProgress(CmdletCall call, string activity)
    {
        this.call = call;
        this.activity = activity;
    }

    /// <summary>For the engine: <paramref name="done"/> bytes of <paramref name="total"/> (-1 when not known).</summary>
    public void Report(long done, long total)
    {
        if (total >= 0 && total < ShownFrom) return;
        long step = total > 0 ? done * 100 / total : done / (long)MiB;
        if (total < 0 && done < ShownFrom) return;
        if (Interlocked.Exchange(ref lastStep, step) == step) return;
        string status = total > 0 ? $"{done / MiB:n1} of {total / MiB:n1} MiB" : $"{done / MiB:n1} MiB";
        call.Progress(new ProgressRecord(id, activity, status) { PercentComplete = total > 0 ? (int)Math.Min(100, step) : -1 });
    }

    /// <summary>Ends the bar, if one was shown.</summary>
    public void Complete()
    {
        if (Interlocked.Read(ref lastStep) >= 0)
            call.Progress(new ProgressRecord(id, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
