namespace ChatApi.Emulator.Queries;

/// <summary>
/// The <c>filter</c> (FIQL) and <c>sort</c> query parameters of a list, over named fields of its items.
/// <c>sort</c> is <c>field</c>, <c>field,asc|desc</c> or <c>field:asc|desc</c>; values that are whole
/// numbers on both sides compare as numbers, others ignoring case. Unknown fields, bad directions and
/// bad filters are 400s that name the parameter.
/// </summary>
public sealed class ListQuery<T>(IReadOnlyDictionary<string, Func<T, string?>> fields, string defaultSort)
{
    private readonly Dictionary<string, Func<T, string?>> _fields = new(fields, StringComparer.OrdinalIgnoreCase);

    public (Func<IEnumerable<T>, List<T>>? Apply, Problem? Error) Read(HttpRequest request)
    {
        var errors = new List<FieldError>();
        FiqlExpression? filter = null;
        var filterText = request.Query["filter"].ToString();
        if (filterText.Length > 0)
        {
            try
            {
                filter = FiqlParser.Parse(filterText);
                foreach (var unknown in filter.Selectors.Where(s => !_fields.ContainsKey(s)).Distinct())
                    errors.Add(new FieldError("filter", $"unknown field '{unknown}'; the fields are {Known}"));
            }
            catch (FiqlException e) { errors.Add(new FieldError("filter", e.Message)); }
        }
        var sortText = request.Query["sort"].ToString() is { Length: > 0 } s ? s : defaultSort;
        var sortParts = sortText.Split([',', ':'], StringSplitOptions.TrimEntries);
        var descending = false;
        if (sortParts.Length > 2) errors.Add(new FieldError("sort", $"'{sortText}' must be field, field,asc|desc or field:asc|desc"));
        else if (sortParts.Length == 2)
        {
            if (sortParts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)) descending = true;
            else if (!sortParts[1].Equals("asc", StringComparison.OrdinalIgnoreCase))
                errors.Add(new FieldError("sort", $"the direction '{sortParts[1]}' must be asc or desc"));
        }
        if (!_fields.TryGetValue(sortParts[0], out var sortField))
            errors.Add(new FieldError("sort", $"unknown field '{sortParts[0]}'; the fields are {Known}"));
        if (errors.Count > 0) return (null, Problem.BadRequest(errors));

        return (items =>
        {
            var kept = filter is null ? items : items.Where(i => filter.Matches(name => _fields[name](i)));
            return (descending ? kept.OrderByDescending(sortField!, ValueComparer.Instance) : kept.OrderBy(sortField!, ValueComparer.Instance)).ToList();
        }, null);
    }

    private string Known => string.Join(", ", _fields.Keys);

    private sealed class ValueComparer : IComparer<string?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(string? x, string? y) =>
            long.TryParse(x, out var a) && long.TryParse(y, out var b) ? a.CompareTo(b) : StringComparer.OrdinalIgnoreCase.Compare(x, y);
    }
}
