namespace ChatApi.Emulator.Tests.Support;

/// <summary>A clock the test moves by hand (timers and timestamps stay real).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
