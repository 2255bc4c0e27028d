using System.IO;
using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>The document a cmdlet was given: a file (path or FileInfo) read and checked, or an object from Export-ChatConfiguration -AsObject.</summary>
internal static class ConfigurationInput
{
    public static ChatConfiguration Resolve(PSCmdlet cmdlet, object input, string parameter)
    {
        var value = input is PSObject ps ? ps.BaseObject : input;
        if (value is ChatConfiguration doc)
        {
            ConfigurationFile.Check(doc, "(object)");
            return doc;
        }
        string path = value is FileInfo file ? file.FullName : value as string;
        if (string.IsNullOrWhiteSpace(path))
            throw ChatApiException.InvalidArgument(parameter, "must be the path of a configuration file or the object Export-ChatConfiguration -AsObject writes");
        string full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
        if (!File.Exists(full)) throw ChatApiException.InvalidArgument(parameter, $"'{full}' does not exist");
        return ConfigurationFile.Read(File.ReadAllText(full), full);
    }

    /// <summary>
    /// The document and the URI map, both checked before any call; false (with the error written, naming
    /// <paramref name="parameter"/> or the place in the file) when either is refused.
    /// </summary>
    public static bool TryResolve(PSCmdlet cmdlet, object input, string parameter, Hashtable uriMap,
        out ChatConfiguration doc, out IDictionary<string, string> map)
    {
        try
        {
            doc = Resolve(cmdlet, input, parameter);
            map = UriMap(uriMap);
            return true;
        }
        catch (ChatApiException e)
        {
            cmdlet.WriteError(ErrorRecords.From(e, input));
            doc = null;
            map = null;
            return false;
        }
    }

    /// <summary>-UriMap as old prefix → new prefix; each value must be an absolute URI.</summary>
    public static IDictionary<string, string> UriMap(Hashtable map)
    {
        if (map == null) return null;
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in map)
        {
            string from = e.Key?.ToString(), to = (e.Value is PSObject p ? p.BaseObject : e.Value)?.ToString();
            ChatRules.Require("UriMap", string.IsNullOrWhiteSpace(from) ? "keys must be the URI prefixes to replace, not empty" : null);
            ChatRules.Require("UriMap", ChatRules.CheckAbsoluteUri(to) == null ? null : $"the value for '{from}' must be an absolute http or https URI prefix");
            result[from] = to;
        }
        return result;
    }
}
