using System.Globalization;

namespace ChatApi.Emulator.Http;

/// <summary>
/// Resource versions on the wire: <c>If-Match</c> as <c>3</c>, <c>"3"</c> or <c>W/"3"</c> in (always, as
/// 8x8 documents it on the two PUTs); <c>ETag: "3"</c> out only with <c>--etags</c> (8x8 documents none).
/// </summary>
public static class ETags
{
    /// <summary>A 200 JSON answer, carrying the resource's version as its ETag when <c>--etags</c> is on.</summary>
    public static IResult Json<T>(HttpContext http, int revision, T body)
    {
        if (http.RequestServices.GetRequiredService<Options.EmulatorOptions>().ETags)
            http.Response.Headers.ETag = $"\"{revision}\"";
        return Results.Json(body);
    }

    /// <summary>Null when the request has no If-Match, or it matches; else a 412 (stale) or 400 (unreadable) problem.</summary>
    public static Problem? Check(HttpRequest request, int current)
    {
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*") return null;
        foreach (var part in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var text = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            text = text.Trim('"');
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var given))
                return Problem.BadRequest("If-Match", $"'{raw}' is not a version number");
            if (given == current) return null;
        }
        return Problem.PreconditionFailed(current, raw);
    }
}
