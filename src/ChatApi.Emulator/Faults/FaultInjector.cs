namespace ChatApi.Emulator.Faults;

public enum Fault { None, Unavailable, CutOff }

/// <summary>
/// Decides which API calls fail. A fraction <c>--fail-rate</c> of calls fail; the failures alternate
/// between a 503 before any work and a connection cut after the work, so exactly half are of each kind.
/// </summary>
public sealed class FaultInjector(EmulatorOptions options)
{
    private readonly Random _random = options.RandomSeed is int seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();
    private long _failures;

    public Fault Next()
    {
        if (options.FailRate <= 0) return Fault.None;
        lock (_lock)
        {
            if (options.FailRate < 1 && _random.NextDouble() >= options.FailRate) return Fault.None;
            return _failures++ % 2 == 0 ? Fault.Unavailable : Fault.CutOff;
        }
    }
}
