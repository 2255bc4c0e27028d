namespace ChatApi.Engine.Wire.Gateway;

/// <summary>FIQL comparisons as the Chat Gateway's <c>filter</c> takes them: <c>field=="value"</c>, joined by <c>;</c> (AND).</summary>
internal static class Fiql
{
    /// <summary><c>field=="value"</c> (or <c>'value'</c>), or null when the value holds both quote characters.</summary>
    public static string Equal(string field, string value)
    {
        if (value.IndexOf('"') < 0) return $"{field}==\"{value}\"";
        if (value.IndexOf('\'') < 0) return $"{field}=='{value}'";
        return null;
    }

    /// <summary>The comparison, or an InvalidArgument naming <paramref name="parameter"/> when FIQL cannot hold the value.</summary>
    public static string EqualOrRefuse(string field, string value, string parameter) =>
        Equal(field, value) ?? throw ChatApiException.InvalidArgument(parameter, $"holds both ' and \" in '{value}', which a FIQL filter cannot quote");

    /// <summary>The parts ANDed; a part holding a ',' (OR) goes in parentheses, since ';' binds tighter. Null when there are none.</summary>
    public static string And(IEnumerable<string> parts)
    {
        var list = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (list.Count == 0) return null;
        if (list.Count == 1) return list[0];
        return string.Join(";", list.Select(p => p.IndexOf(',') >= 0 ? "(" + p + ")" : p));
    }
}
