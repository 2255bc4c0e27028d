using System.Collections;
using System.Collections.Specialized;
using System.Globalization;

namespace ChatApi.Engine;

/// <summary>
/// JSON text as plain values for the cmdlets to shape (Invoke-ChatApiRequest -OutputType PSObject):
/// objects as <see cref="OrderedDictionary"/> (the server's field order), arrays as object[], whole
/// numbers as long (decimal past long), other numbers as double, strings, booleans, null. Times stay
/// text, as ConvertFrom-Json -DateKind String would leave them.
/// </summary>
public static class JsonOutput
{
    public static object ToPlain(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        using (var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 }))
            return Plain(doc.RootElement);
    }

    private static object Plain(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                foreach (var p in e.EnumerateObject()) fields[p.Name] = Plain(p.Value);
                return fields;
            case JsonValueKind.Array:
                var items = new ArrayList();
                foreach (var item in e.EnumerateArray()) items.Add(Plain(item));
                return items.ToArray();
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number:
                if (e.TryGetInt64(out long whole)) return whole;
                string raw = e.GetRawText();
                if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && decimal.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big)) return big;
                return e.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }
}
