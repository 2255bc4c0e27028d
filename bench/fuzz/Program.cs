using System;
using System.Globalization;
using System.Linq;

namespace ChatApi.Fuzz;

/// <summary>
/// dotnet ChatApi.Fuzz.dll [--inputs N] [--seed S] [--target name]: runs every target (or one) for a
/// fixed number of inputs in all, prints inputs tried, crashes and false accepts per target and in
/// total, and exits 1 unless both are 0.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        long inputs = 1_000_000;
        string seed = null, only = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--inputs": inputs = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = args[i + 1]; break;
                case "--target": only = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        var targets = AllTargets.Create().Where(t => only == null || t.Target.Name == only).ToList();
        if (targets.Count == 0) { Console.Error.WriteLine($"no target '{only}'"); return 2; }
        double shares = targets.Sum(t => t.Share);
        Console.WriteLine($"{"target",-18} {"inputs",10} {"taken",10} {"refused",10} {"crashes",8} {"false accepts",14} {"seconds",8}");
        long total = 0, crashes = 0, falseAccepts = 0;
        foreach (var (target, share) in targets)
        {
            long n = (long)Math.Ceiling(inputs * share / shares);
            var r = target.Run(n, seed: seed);
            Console.WriteLine($"{r.Target,-18} {r.Inputs,10} {r.Taken,10} {r.Refused,10} {r.Crashes,8} {r.FalseAccepts,14} {r.Elapsed.TotalSeconds,8:0.0}");
            if (r.FirstProblem != null) Console.WriteLine("  first: " + r.FirstProblem);
            total += r.Inputs; crashes += r.Crashes; falseAccepts += r.FalseAccepts;
        }
        Console.WriteLine($"{"total",-18} {total,10} {"",10} {"",10} {crashes,8} {falseAccepts,14}");
        Console.WriteLine($"inputs tried: {total}; crashes: {crashes}; false accepts: {falseAccepts}; bar: 0 and 0 -> {(crashes == 0 && falseAccepts == 0 ? "PASS" : "FAIL")}");
        return crashes == 0 && falseAccepts == 0 ? 0 : 1;
    }
}
