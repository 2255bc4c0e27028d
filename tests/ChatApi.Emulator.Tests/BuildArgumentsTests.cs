using System.Diagnostics;

namespace ChatApi.Emulator.Tests;

/// <summary>
/// <c>dotnet pwsh ./build.ps1 -Task Emulator -Arguments '--seed-legacy','20'</c> from bash: pwsh -File gets the
/// one string "--seed-legacy,20"; build/BuildTasks.psm1 splits it back before starting the emulator.
/// </summary>
public class BuildArgumentsTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatApi.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    /// <summary>Runs Split-EmulatorArguments in the pinned pwsh on the arguments as bash hands them over; returns the pieces.</summary>
    private static async Task<string[]> SplitAsync(params string[] joined)
    {
        var root = Root();
        var list = string.Join(",", joined.Select(a => "'" + a.Replace("'", "''") + "'"));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "pwsh", "-NoProfile", "-Command",
            $"Import-Module '{Path.Combine(root, "build", "BuildTasks.psm1")}'; (Split-EmulatorArguments @({list})) -join [char]10" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task TheReadmeCommandLineArrivesAsTwoArguments() =>
        Assert.Equal(["--seed-legacy", "20"], await SplitAsync("--seed-legacy,20"));

    [Fact]
    public async Task ValuesThatHoldCommasStayWhole() =>
        Assert.Equal(["--api-key", "k:s:vcc-chat.webhooks.read,vcc-chat.channels.read", "--legacy-mode", "--seed", "7"],
            await SplitAsync("--api-key,k:s:vcc-chat.webhooks.read,vcc-chat.channels.read,--legacy-mode,--seed,7"));

    [Fact]
    public async Task ArgumentsPassedSeparatelyAreKept() =>
        Assert.Equal(["--seed-legacy", "20", "--etags"], await SplitAsync("--seed-legacy", "20", "--etags"));
}
