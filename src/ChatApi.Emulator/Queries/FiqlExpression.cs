using System.Text.RegularExpressions;

namespace ChatApi.Emulator.Queries;

/// <summary>A parsed FIQL filter. <see cref="Matches"/> asks <c>field</c> for a selector's value (null when absent).</summary>
public abstract record FiqlExpression
{
    public abstract bool Matches(Func<string, string?> field);

    /// <summary>The selectors the filter names, so a caller can reject unknown ones before evaluating.</summary>
    public abstract IEnumerable<string> Selectors { get; }
}

/// <summary><c>a;b;c</c>: every part matches.</summary>
public sealed record FiqlAnd(IReadOnlyList<FiqlExpression> Parts) : FiqlExpression
{
    public override bool Matches(Func<string, string?> field) => Parts.All(p => p.Matches(field));
    public override IEnumerable<string> Selectors => Parts.SelectMany(p => p.Selectors);
}

/// <summary><c>a,b,c</c>: any part matches.</summary>
public sealed record FiqlOr(IReadOnlyList<FiqlExpression> Parts) : FiqlExpression
{
    public override bool Matches(Func<string, string?> field) => Parts.Any(p => p.Matches(field));
    public override IEnumerable<string> Selectors => Parts.SelectMany(p => p.Selectors);
}

/// <summary>
/// <c>selector==value</c> or <c>selector!=value</c>. <c>*</c> in the value matches any run of characters;
/// the comparison ignores case (8x8 does not say; see <c>Assumptions.cs</c>).
/// </summary>
public sealed record FiqlComparison(string Selector, bool Equal, string Value) : FiqlExpression
{
    private readonly Regex _pattern = new("^" + string.Join(".*", Value.Split('*').Select(Regex.Escape)) + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    public override bool Matches(Func<string, string?> field)
    {
        var actual = field(Selector);
        var hit = actual is not null && _pattern.IsMatch(actual);
        return Equal ? hit : !hit;
    }

    public override IEnumerable<string> Selectors => [Selector];
}
