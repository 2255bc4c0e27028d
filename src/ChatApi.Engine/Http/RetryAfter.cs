using System.Globalization;

namespace ChatApi.Engine.Http;

/// <summary>Reads a Retry-After header: delta seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Parse(string value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - now;
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        return null;
    }
}
