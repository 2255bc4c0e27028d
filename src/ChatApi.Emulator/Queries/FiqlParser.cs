namespace ChatApi.Emulator.Queries;

/// <summary>A filter that is not FIQL as the emulator reads it; the message says where and why.</summary>
public sealed class FiqlException(string message) : Exception(message);

/// <summary>
/// Parses FIQL as 8x8's descriptions use it (<c>name==Sales,(routingOption.id==11)</c>):
/// <c>,</c> is OR, <c>;</c> is AND (binds tighter), parentheses group, comparisons are <c>==</c> and
/// <c>!=</c>; values are bare (no <c>;,()'"</c> or spaces) or quoted with <c>'</c> or <c>"</c>;
/// <c>*</c> in a value is a wildcard. Other FIQL operators (<c>=gt=</c> ...) are refused.
/// </summary>
public sealed class FiqlParser
{
    private readonly string _text;
    private int _at;

    private FiqlParser(string text) => _text = text;

    public static FiqlExpression Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FiqlException("the filter is empty");
        var parser = new FiqlParser(text);
        var expression = parser.Or();
        parser.SkipSpace();
        if (parser._at < text.Length) throw parser.Error($"unexpected '{text[parser._at]}'");
        return expression;
    }

    private FiqlExpression Or()
    {
        var parts = new List<FiqlExpression> { And() };
        while (Take(',')) parts.Add(And());
        return parts.Count == 1 ? parts[0] : new FiqlOr(parts);
    }

    private FiqlExpression And()
    {
        var parts = new List<FiqlExpression> { Constraint() };
        while (Take(';')) parts.Add(Constraint());
        return parts.Count == 1 ? parts[0] : new FiqlAnd(parts);
    }

    private FiqlExpression Constraint()
    {
        if (Take('('))
        {
            var inner = Or();
            if (!Take(')')) throw Error("a '(' is not closed");
            return inner;
        }
        return Comparison();
    }

    private FiqlComparison Comparison()
    {
        SkipSpace();
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] is '.' or '_' or '-')) _at++;
        if (_at == start) throw Error(_at < _text.Length ? $"expected a field name, found '{_text[_at]}'" : "expected a field name");
        var selector = _text[start.._at];
        SkipSpace();
        bool equal;
        if (Rest.StartsWith("==", StringComparison.Ordinal)) equal = true;
        else if (Rest.StartsWith("!=", StringComparison.Ordinal)) equal = false;
        else if (Rest.StartsWith('=') && Rest.IndexOf('=', 1) is var end and > 1)
            throw Error($"the operator '{Rest[..(end + 1)]}' is not supported; use == or !=");
        else throw Error($"expected == or != after '{selector}'");
        _at += 2;
        return new FiqlComparison(selector, equal, Value());
    }

    private string Value()
    {
        SkipSpace();
        if (_at < _text.Length && _text[_at] is '\'' or '"')
        {
            var quote = _text[_at];
            var close = _text.IndexOf(quote, _at + 1);
            if (close < 0) throw Error("a quoted value is not closed");
            var quoted = _text[(_at + 1)..close];
            _at = close + 1;
            return quoted;
        }
        var start = _at;
        while (_at < _text.Length && _text[_at] is not (';' or ',' or '(' or ')' or '\'' or '"') && !char.IsWhiteSpace(_text[_at])) _at++;
        if (_at == start) throw Error("expected a value");
        return _text[start.._at];
    }

    private string Rest => _text[_at..];

    private bool Take(char c)
    {
        SkipSpace();
        if (_at < _text.Length && _text[_at] == c) { _at++; return true; }
        return false;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }

    private FiqlException Error(string why) => new($"{why} at position {_at + 1} of '{_text}'");
}
