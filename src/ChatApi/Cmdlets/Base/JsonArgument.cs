namespace ChatApi.Cmdlets;

/// <summary>
/// A parameter that takes JSON or a hashtable (-Card, -Data): a string goes as it is (the engine
/// checks it is a JSON object); a hashtable, an ordered dictionary or a [pscustomobject], nested
/// to any depth with arrays, becomes plain dictionaries and lists the engine writes as JSON.
/// </summary>
internal static class JsonArgument
{
    private const int MaxDepth = 64;

    public static string Read(object value, string parameter)
    {
        var plain = Plain(value, parameter, 0);
        return plain == null ? null : JsonInput.Write(plain, parameter);
    }

    private static object Plain(object value, string parameter, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"Parameter '{parameter}': nested deeper than {MaxDepth} levels.", parameter);
        var v = PSValues.Unwrap(value);
        switch (v)
        {
            case null: return null;
            case string _: return v;
            case PSCustomObject _:
                var fields = new Dictionary<string, object>();
                foreach (var p in PSObject.AsPSObject(value).Properties) fields[p.Name] = Plain(p.Value, parameter, depth + 1);
                return fields;
            case IDictionary d:
                var entries = new Dictionary<string, object>();
                foreach (DictionaryEntry e in d) entries[e.Key?.ToString() ?? ""] = Plain(e.Value, parameter, depth + 1);
                return entries;
            case IEnumerable list:
                var items = new List<object>();
                foreach (var item in list) items.Add(Plain(item, parameter, depth + 1));
                return items;
            default: return v;
        }
    }
}
