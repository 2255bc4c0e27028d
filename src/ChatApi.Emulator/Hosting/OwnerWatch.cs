using System.Diagnostics;

namespace ChatApi.Emulator.Hosting;

/// <summary>
/// Stops the emulator when the process that started it ends (<c>--exit-with PID</c>), so an emulator
/// never outlives the test run, demo or benchmark that owns it, even when that one is killed or fails
/// before it could stop the emulator itself.
/// </summary>
public static class OwnerWatch
{
    /// <summary>How often the owner's existence is checked; the emulator is gone at most this long after it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Starts watching; stops the app when the owner is gone. An owner already gone stops it at once.</summary>
    public static void Start(WebApplication app, int ownerPid)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Interval);
            while (IsAlive(ownerPid))
            {
                if (!await timer.WaitForNextTickAsync(lifetime.ApplicationStopping).ConfigureAwait(false)) return;
            }
            lifetime.StopApplication();
        });
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;   // no process with that id
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
