using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ChatApi.Loader;

/// <summary>
/// The private load context of the module's engine. It loads what it finds in the module's
/// <c>Dependencies</c> folder (ChatApi.Engine, RestSharp, Polly.Core, ...) and leaves everything
/// else to the default context: the framework, System.Management.Automation and the assemblies
/// beside ChatApi.dll (ChatApi.Models), so the engine and the cmdlets share one identity for the
/// model types and the BCL.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string dependencyDirectory;
    private readonly string moduleDirectory;

    public DependencyLoadContext(string moduleDirectory, string dependencyDirectory)
        : base("ChatApi", isCollectible: false)
    {
        this.moduleDirectory = moduleDirectory;
        this.dependencyDirectory = dependencyDirectory;
    }

    /// <summary>The folder the context loads from.</summary>
    public string DependencyDirectory => dependencyDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName.Name) || assemblyName.Name.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
            return null;

        // The module's own public assemblies (ChatApi.Models) live in the default context, beside
        // ChatApi.dll: return that copy (loading it there first if nobody has yet).
        string besideModule = Path.Combine(moduleDirectory, assemblyName.Name + ".dll");
        if (File.Exists(besideModule))
            return FromDefault(assemblyName.Name, besideModule);

        string private_ = Path.Combine(dependencyDirectory, assemblyName.Name + ".dll");
        if (File.Exists(private_))
            return LoadFromAssemblyPath(private_);

        // Framework and PowerShell assemblies: the default context supplies them.
        return null;
    }

    private static Assembly FromDefault(string name, string path)
    {
        foreach (var loaded in Default.Assemblies)
        {
            if (string.Equals(loaded.GetName().Name, name, StringComparison.OrdinalIgnoreCase))
                return loaded;
        }
        return Default.LoadFromAssemblyPath(path);
    }
}
