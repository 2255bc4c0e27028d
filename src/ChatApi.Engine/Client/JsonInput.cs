using System.IO;
using System.Text;

namespace ChatApi.Engine;

/// <summary>
/// JSON text of what a user passed for a JSON parameter: a string is taken as JSON already; plain
/// values (dictionaries as objects, lists as arrays, text, numbers, booleans, times, null) are written.
/// </summary>
public static class JsonInput
{
    public static string Write(object value, string parameter)
    {
        if (value is string text) return text;
        using (var stream = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(stream)) WriteValue(writer, value, parameter);
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    private static void WriteValue(Utf8JsonWriter w, object value, string parameter)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int _: case long _: case short _: case byte _: case sbyte _: case uint _: case ushort _:
                w.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: w.WriteNumberValue(u); break;
            case decimal m: w.WriteNumberValue(m); break;
            case double d: WriteFinite(w, d, parameter); break;
            case float f: WriteFinite(w, f, parameter); break;
            case DateTimeOffset t: w.WriteStringValue(t.ToString("o", System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateTime t: w.WriteStringValue(t.ToString("o", System.Globalization.CultureInfo.InvariantCulture)); break;
            case System.Collections.IDictionary d:
                w.WriteStartObject();
                foreach (System.Collections.DictionaryEntry e in d)
                {
                    w.WritePropertyName(e.Key?.ToString() ?? "");
                    WriteValue(w, e.Value, parameter);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) WriteValue(w, item, parameter);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteFinite(Utf8JsonWriter w, double d, string parameter)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw ChatApiException.InvalidArgument(parameter, "holds a number JSON cannot carry (NaN or infinity)");
        w.WriteNumberValue(d);
    }
}
