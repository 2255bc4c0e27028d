namespace ChatApi.Tests;

/// <summary>
/// Tests that measure time (retry delays, rate limits, cancellation within a second) run alone: beside
/// the rest of the suite on a 2-core machine the thread pool can hold them up by seconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
