namespace ChatApi.Emulator.Hosting;

/// <summary>
/// Holds requests until the emulator has seeded (which needs the bound port, known only after the
/// server started and printed its address).
/// </summary>
public sealed class ReadyGate
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Task WhenReady => _ready.Task;
    public void Open() => _ready.TrySetResult();
}
