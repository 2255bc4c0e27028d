namespace ChatApi.Emulator.Faults;

public enum Fault { None, Unavailable, CutOff }

/// <summary>
/// Decides which API calls fail. A fraction <c>--fail-rate</c> of calls fail; the failures alternate
/// between a 503 before any work and a connection cut after the work, so exactly half are of each kind.
/// A test may pause the faults (<c>POST /_emulator/faults?paused=true</c>) while it sets up or reads
/// back what it checks, so that only the calls under test meet them.
/// </summary>
public sealed class FaultInjector(EmulatorOptions options)
{
    private readonly Random _random = options.RandomSeed is int seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();
    private long _failures;
    private volatile bool _paused;

    public bool Paused { get => _paused; set => _paused = value; }

    public Fault Next()
    {
        if (options.FailRate <= 0 || _paused) return Fault.None;
        lock (_lock)
        {
            if (options.FailRate < 1 && _random.NextDouble() >= options.FailRate) return Fault.None;
            return _failures++ % 2 == 0 ? Fault.Unavailable : Fault.CutOff;
        }
    }
}
