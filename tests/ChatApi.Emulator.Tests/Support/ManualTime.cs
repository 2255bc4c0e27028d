namespace ChatApi.Emulator.Tests.Support;

/// <summary>
/// A clock the test moves by hand: the time of day and the timestamps that measure elapsed time (the
/// rate limiter's refill) move only with <see cref="Advance"/>; timers stay real.
/// </summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public override long GetTimestamp() => Now.UtcTicks;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public void Advance(TimeSpan by) => Now += by;
}
