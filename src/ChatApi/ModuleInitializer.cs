using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ChatApi;

/// <summary>
/// Runs when PowerShell imports the module, before any cmdlet: sets up where the engine and its
/// packages come from. Cheap by design (no engine load, no I/O beyond two existence checks), so
/// importing the module in a runbook costs almost nothing.
/// </summary>
public sealed class ChatApiModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => DependencyIsolation.Install();
}

/// <summary>
/// The staged module keeps ChatApi.dll, ChatApi.Models.dll and ChatApi.Loader.dll beside the
/// manifest and everything else (ChatApi.Engine, RestSharp, Polly.Core, System.IO.Hashing,
/// Microsoft.Bcl.TimeProvider) in <c>Dependencies/</c>, which no loader probes by itself.
/// On PowerShell 7, ChatApi.Loader (net8.0) resolves ChatApi.Engine into a private
/// AssemblyLoadContext, and the engine's packages follow it there. On Windows PowerShell (not a
/// supported edition, but it must not crash) an AssemblyResolve handler loads them from the same
/// folder into the one context .NET Framework has.
/// </summary>
internal static class DependencyIsolation
{
    private const string DependencyFolder = "Dependencies";
    private static readonly object Gate = new object();
    private static bool installed;
    private static string dependencyDirectory;

    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            installed = true;
            string moduleDirectory = Path.GetDirectoryName(typeof(DependencyIsolation).Assembly.Location);
            if (string.IsNullOrEmpty(moduleDirectory)) return;
            dependencyDirectory = Path.Combine(moduleDirectory, DependencyFolder);
            // A build output folder (everything side by side) needs no help.
            if (!Directory.Exists(dependencyDirectory)) return;

            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                return;
            }
            var loader = Assembly.LoadFrom(Path.Combine(moduleDirectory, "ChatApi.Loader.dll"));
            loader.GetType("ChatApi.Loader.EngineResolver", throwOnError: true)
                .GetMethod("Register", BindingFlags.Public | BindingFlags.Static)
                .Invoke(null, new object[] { moduleDirectory, dependencyDirectory });
        }
    }

    private static Assembly ResolveOnFramework(object sender, ResolveEventArgs args)
    {
        string name = new AssemblyName(args.Name).Name;
        string path = Path.Combine(dependencyDirectory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
