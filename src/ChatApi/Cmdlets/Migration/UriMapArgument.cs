using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace ChatApi.Cmdlets;

/// <summary>
/// -UriMap of the migration cmdlets: a hashtable (old receiver URI → new URI) or the path of a CSV
/// file with the columns OldUri and NewUri (one row per receiver). Read into one dictionary.
/// </summary>
internal static class UriMapArgument
{
    public const string OldColumn = "OldUri", NewColumn = "NewUri";

    public static IDictionary<string, string> Read(PSCmdlet cmdlet, object value)
    {
        var o = value is PSObject ps ? ps.BaseObject : value;
        if (o == null) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (o is IDictionary table)
        {
            foreach (DictionaryEntry e in table) Add(map, Text(e.Key), Text(e.Value), "an entry of the hashtable");
            return map;
        }
        if (o is string path)
        {
            string full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(full)) throw Bad($"'{path}' is neither a hashtable nor an existing CSV file");
            var rows = cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($p) Import-Csv -LiteralPath $p"), null, full);
            int line = 1;
            foreach (var row in rows)
            {
                line++;
                var oldUri = row.Properties[OldColumn]?.Value;
                var newUri = row.Properties[NewColumn]?.Value;
                if (row.Properties[OldColumn] == null || row.Properties[NewColumn] == null)
                    throw Bad($"the CSV file '{path}' must have the columns {OldColumn} and {NewColumn}");
                Add(map, Text(oldUri), Text(newUri), $"row {line} of '{path}'");
            }
            return map;
        }
        throw Bad($"must be a hashtable (old URI = new URI) or the path of a CSV file with the columns {OldColumn} and {NewColumn}, not {o.GetType().Name}");
    }

    private static void Add(Dictionary<string, string> map, string oldUri, string newUri, string where)
    {
        if (string.IsNullOrWhiteSpace(oldUri) || string.IsNullOrWhiteSpace(newUri)) throw Bad($"{where} needs both an old and a new URI");
        if (map.TryGetValue(oldUri, out var known) && known != newUri) throw Bad($"{where} maps an old URI a second time, to another new URI");
        map[oldUri] = newUri;
    }

    private static string Text(object value) => (value is PSObject ps ? ps.BaseObject : value)?.ToString()?.Trim();

    private static ArgumentException Bad(string rule) => new ArgumentException($"Parameter 'UriMap': {rule}.", "UriMap");
}
