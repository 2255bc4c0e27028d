using System.Text;
using System.Text.RegularExpressions;

namespace ChatApi.Engine;

/// <summary>
/// A -Name value with PowerShell's wildcards (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, a backtick
/// escapes), matched ignoring case like <c>-like</c>. <see cref="Matches"/> is the exact test, made on
/// this side; <see cref="ToFiql"/> is the widest FIQL comparison a server can apply first (FIQL has
/// only <c>*</c>, so <c>?</c> and <c>[...]</c> widen to <c>*</c> and the exact test narrows again).
/// </summary>
public sealed class NamePattern
{
    private readonly Regex regex;
    private readonly string glob;

    public NamePattern(string pattern)
    {
        ChatRules.Require("Name", ChatRules.CheckNotEmpty(pattern));
        Text = pattern;
        var re = new StringBuilder("^");
        var fiql = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length) { c = pattern[++i]; Literal(c, re, fiql); continue; }
            if (c == '*') { re.Append(".*"); Wild(fiql); continue; }
            if (c == '?') { re.Append('.'); Wild(fiql); continue; }
            if (c == '[')
            {
                int close = pattern.IndexOf(']', i + 1);
                if (close < 0) throw ChatApiException.InvalidArgument("Name", $"the wildcard '{pattern}' opens a '[' it does not close");
                re.Append('[').Append(Regex.Escape(pattern.Substring(i + 1, close - i - 1)).Replace("\\-", "-")).Append(']');
                Wild(fiql);
                i = close;
                continue;
            }
            Literal(c, re, fiql);
        }
        regex = new Regex(re.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        glob = fiql.ToString();
    }

    /// <summary>The pattern of a -Name, or null when none was given.</summary>
    public static NamePattern OrNull(string pattern) => pattern == null ? null : new NamePattern(pattern);

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    public bool Matches(string name) => name != null && regex.IsMatch(name);

    /// <summary>
    /// <c>field=="value"</c> with the pattern's literal parts quoted, or null when FIQL cannot hold the
    /// value (a name with both quote characters): the whole list is then read and matched here.
    /// </summary>
    public string ToFiql(string field)
    {
        if (glob.IndexOf('"') < 0) return $"{field}==\"{glob}\"";
        if (glob.IndexOf('\'') < 0) return $"{field}=='{glob}'";
        return null;
    }

    private static void Literal(char c, StringBuilder re, StringBuilder fiql)
    {
        re.Append(Regex.Escape(c.ToString()));
        // A literal '*' cannot be said in FIQL (it is the wildcard there): widen it, the exact test narrows.
        fiql.Append(c);
    }

    private static void Wild(StringBuilder fiql)
    {
        if (fiql.Length == 0 || fiql[fiql.Length - 1] != '*') fiql.Append('*');
    }
}
