namespace ChatApi;

/// <summary>What the format views (ChatApi.format.ps1xml) call to make long values fit a column.</summary>
public static class Display
{
    /// <summary>
    /// <paramref name="value"/> cut to <paramref name="width"/> characters in the middle, so a URI keeps its
    /// host and the end of its path: https://hooks.example.com/…/tenant-acme/v2.
    /// </summary>
    public static string Cut(string value, int width)
    {
        if (value == null || width < 3 || value.Length <= width) return value;
        int head = (width - 1) / 2, tail = width - 1 - head;
        return value.Substring(0, head) + "\u2026" + value.Substring(value.Length - tail);
    }
}
