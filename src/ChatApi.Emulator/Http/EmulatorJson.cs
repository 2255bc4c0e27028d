using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApi.Emulator.Http;

/// <summary>The one set of JSON settings: camelCase, nulls left out, compact.</summary>
public static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.WriteIndented = false;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>Times as 8x8 writes them: ISO 8601 UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day as 8x8's descriptions type interactions' <c>startTime</c>/<c>endTime</c> (<c>format: date</c>): <c>yyyy-MM-dd</c>, UTC.</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
