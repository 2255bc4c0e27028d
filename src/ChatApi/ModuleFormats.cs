using System.IO;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ChatApi;

/// <summary>
/// The module's views (ChatApi.format.ps1xml), loaded into a session by its first ChatApi command
/// instead of at import: the first format file a PowerShell process reads costs it some 40 ms of
/// start-up (measured by bench/import.ps1), which every runbook that imports the module would pay
/// even when it prints nothing. Every object the module shows comes out of one of its commands, so
/// the views are in place before the first one is written.
/// </summary>
internal static class ModuleFormats
{
    public const string FileName = "ChatApi.format.ps1xml";

    /// <summary>The runspaces that have the views (each runspace has its own format tables).</summary>
    private static readonly ConditionalWeakTable<Runspace, object> Loaded = new ConditionalWeakTable<Runspace, object>();

    public static void EnsureLoaded(PSCmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null) return;
        lock (Loaded)
        {
            if (Loaded.TryGetValue(runspace, out _)) return;
            Loaded.Add(runspace, null);
        }
        string path = Path.Combine(Path.GetDirectoryName(typeof(ModuleFormats).Assembly.Location) ?? "", FileName);
        if (!File.Exists(path)) return;
        try
        {
            cmdlet.InvokeCommand.InvokeScript("param($path) Update-FormatData -PrependPath $path", false, PipelineResultTypes.None, null, path);
        }
        catch (RuntimeException e)
        {
            // Output still works without the views (as PowerShell's default tables and lists).
            cmdlet.WriteVerbose($"The ChatApi views were not loaded: {e.Message}");
        }
    }
}
