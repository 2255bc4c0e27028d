using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ChatApi.Loader;

/// <summary>
/// Hooks the default context's Resolving event for one name only, ChatApi.Engine, and answers it
/// from the private <see cref="DependencyLoadContext"/>. ChatApi.Engine.dll lives in the
/// <c>Dependencies</c> folder that the default loader never probes, so the event fires the first
/// time a cmdlet touches an engine type; from then on the engine's own references (RestSharp,
/// Polly.Core, ...) resolve inside the private context. This is the "Resolving event with an
/// ALC" recipe of PowerShell's documentation on module assembly dependency conflicts.
/// </summary>
public static class EngineResolver
{
    /// <summary>The one assembly the default context may ask us for.</summary>
    public const string EngineName = "ChatApi.Engine";

    private static readonly object Gate = new object();
    private static DependencyLoadContext? context;

    /// <summary>The private context, or null before <see cref="Register"/>.</summary>
    public static AssemblyLoadContext? Context => context;

    /// <summary>
    /// Creates the private context for <paramref name="dependencyDirectory"/> and hooks the
    /// default context. Idempotent: a second import (Import-Module -Force) keeps the first hook,
    /// since an assembly loaded into a context stays there for the life of the process.
    /// </summary>
    public static void Register(string moduleDirectory, string dependencyDirectory)
    {
        lock (Gate)
        {
            if (context != null) return;
            context = new DependencyLoadContext(Path.GetFullPath(moduleDirectory), Path.GetFullPath(dependencyDirectory));
            AssemblyLoadContext.Default.Resolving += OnResolving;
        }
    }

    private static Assembly? OnResolving(AssemblyLoadContext requester, AssemblyName name)
    {
        var ctx = context;
        if (ctx == null || !string.Equals(name.Name, EngineName, StringComparison.Ordinal)) return null;
        string path = Path.Combine(ctx.DependencyDirectory, EngineName + ".dll");
        return File.Exists(path) ? ctx.LoadFromAssemblyName(name) : null;
    }
}
