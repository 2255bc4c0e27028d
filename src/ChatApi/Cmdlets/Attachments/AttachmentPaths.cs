using System.IO;
using System.Linq;
using Microsoft.PowerShell.Commands;

namespace ChatApi.Cmdlets;

/// <summary>
/// The files a cmdlet is to upload, from PowerShell paths: relative ones against the current location,
/// wildcards expanded (unless literal), file-system paths only, each an existing file. Every refusal
/// names the parameter and is found before any call.
/// </summary>
internal static class AttachmentPaths
{
    /// <summary>The full paths of the files; a path that names none is an error naming <paramref name="parameter"/>.</summary>
    public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, string parameter)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path)) throw ChatApiException.InvalidArgument(parameter, "must not be empty");
            foreach (var full in Expand(cmdlet, path, literal, parameter))
            {
                if (Directory.Exists(full)) throw ChatApiException.InvalidArgument(parameter, $"'{full}' is a folder, not a file");
                if (!File.Exists(full)) throw ChatApiException.InvalidArgument(parameter, $"the file '{full}' does not exist");
                files.Add(full);
            }
        }
        return files;
    }

    private static IEnumerable<string> Expand(PSCmdlet cmdlet, string path, bool literal, string parameter)
    {
        ProviderInfo provider;
        List<string> found;
        try
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                found = new List<string> { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
            else
            {
                found = cmdlet.GetResolvedProviderPathFromPSPath(path, out provider).ToList();
                if (found.Count == 0) throw ChatApiException.InvalidArgument(parameter, $"no file matches '{path}'");
            }
        }
        catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
        {
            throw ChatApiException.InvalidArgument(parameter, literal || !WildcardPattern.ContainsWildcardCharacters(path)
                ? $"'{path}' cannot be read: {e.Message}" : $"no file matches '{path}'");
        }
        if (provider.ImplementingType != typeof(FileSystemProvider))
            throw ChatApiException.InvalidArgument(parameter, $"'{path}' is on the {provider.Name} provider; give a file-system path");
        return found;
    }

    /// <summary>A path to write to (a file or a folder, which need not exist yet) as a full file-system path.</summary>
    public static string Destination(PSCmdlet cmdlet, string path, string parameter)
    {
        if (string.IsNullOrWhiteSpace(path)) throw ChatApiException.InvalidArgument(parameter, "must not be empty");
        string full;
        ProviderInfo provider;
        try { full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _); }
        catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
        {
            throw ChatApiException.InvalidArgument(parameter, $"'{path}' cannot be written: {e.Message}");
        }
        if (provider.ImplementingType != typeof(FileSystemProvider))
            throw ChatApiException.InvalidArgument(parameter, $"'{path}' is on the {provider.Name} provider; give a file-system path");
        if (WildcardPattern.ContainsWildcardCharacters(path) && !File.Exists(full) && !Directory.Exists(full))
            throw ChatApiException.InvalidArgument(parameter, $"'{path}' holds wildcard characters; name one file or folder");
        return full;
    }
}
