using System.Collections.Concurrent;
using ChatApi.Engine;
using ChatApi.Engine.Migration;

namespace ChatApi.Tests.Migration;

/// <summary>Records what the engine reports; answers every question with <see cref="Answer"/>.</summary>
public sealed class RecordingHost : IMigrationHost
{
    public Consent Answer { get; set; } = Consent.Yes;
    public ConcurrentQueue<(string Target, string Action)> Questions { get; } = new();
    public ConcurrentQueue<MigrationResult> Results { get; } = new();
    public ConcurrentQueue<UndoResult> UndoResults { get; } = new();
    public ConcurrentQueue<Exception> Errors { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public int ProgressCount;
    /// <summary>Each progress as it came, with how many results (of either kind) were out at that moment.</summary>
    public ConcurrentQueue<(int ResultsOut, MigrationProgress Progress)> ProgressRecords { get; } = new();

    public Task<Consent> ConfirmAsync(string target, string action) { Questions.Enqueue((target, action)); return Task.FromResult(Answer); }
    public void Result(MigrationResult result, Exception error) { Results.Enqueue(result); if (error != null) Errors.Enqueue(error); }
    public void UndoResult(UndoResult result, Exception error) { UndoResults.Enqueue(result); if (error != null) Errors.Enqueue(error); }
    public void Warning(string message) => Warnings.Enqueue(message);
    public void Progress(MigrationProgress progress)
    {
        Interlocked.Increment(ref ProgressCount);
        ProgressRecords.Enqueue((Results.Count + UndoResults.Count(r => r.Kind == "Channel"), progress));
    }
}
