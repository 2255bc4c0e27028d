using System;
using System.Threading;
using CsCheck;

namespace ChatApi.Fuzz;

/// <summary>What one input did: refused or taken as the module means to, crashed (any other exception), or a false accept.</summary>
public enum Outcome { Taken, Refused, Crash, FalseAccept }

/// <summary>Counts of one run of a target.</summary>
public sealed class FuzzReport
{
    public string Target;
    public long Inputs;
    public long Taken;
    public long Refused;
    public long Crashes;
    public long FalseAccepts;
    public TimeSpan Elapsed;
    public string FirstProblem;

    public bool Clean => Crashes == 0 && FalseAccepts == 0;
}

/// <summary>A fuzz target: a generator of hostile inputs and a check that classifies what the module did with one.</summary>
public interface IFuzzTarget
{
    string Name { get; }
    /// <summary>Runs <paramref name="inputs"/> inputs and counts; never throws for what an input does.</summary>
    FuzzReport Run(long inputs, int threads = -1, string seed = null);
    /// <summary>Runs and throws (with CsCheck's shrunk input) at the first crash or false accept: for the test suite.</summary>
    void Check(long inputs, int threads = -1, string seed = null);
}

public abstract class FuzzTarget<T> : IFuzzTarget
{
    public abstract string Name { get; }
    protected abstract Gen<T> Inputs { get; }

    /// <summary>What the module did with one input; the exception when it crashed or accepted falsely.</summary>
    protected abstract Outcome Classify(T input, out Exception problem);

    public FuzzReport Run(long inputs, int threads = -1, string seed = null)
    {
        var report = new FuzzReport { Target = Name };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Inputs.Sample(input =>
        {
            Outcome outcome;
            Exception problem;
            try { outcome = Classify(input, out problem); }
            catch (Exception e) { outcome = Outcome.Crash; problem = e; }
            Interlocked.Increment(ref report.Inputs);
            switch (outcome)
            {
                case Outcome.Taken: Interlocked.Increment(ref report.Taken); break;
                case Outcome.Refused: Interlocked.Increment(ref report.Refused); break;
                case Outcome.Crash: Interlocked.Increment(ref report.Crashes); break;
                case Outcome.FalseAccept: Interlocked.Increment(ref report.FalseAccepts); break;
            }
            if (outcome >= Outcome.Crash)
                Interlocked.CompareExchange(ref report.FirstProblem, $"{outcome}: {problem?.GetType().Name}: {problem?.Message} for {CsCheck.Check.Print(input)}", null);
        }, iter: inputs, threads: threads, seed: seed, writeLine: _ => { });
        report.Elapsed = watch.Elapsed;
        return report;
    }

    public void Check(long inputs, int threads = -1, string seed = null) =>
        Inputs.Sample(input =>
        {
            var outcome = Classify(input, out var problem);
            if (outcome >= Outcome.Crash) throw new InvalidOperationException($"{outcome}: {problem?.GetType().Name}: {problem?.Message}", problem);
        }, iter: inputs, threads: threads, seed: seed, writeLine: _ => { });
}
