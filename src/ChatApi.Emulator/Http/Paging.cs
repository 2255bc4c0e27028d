using System.Globalization;

namespace ChatApi.Emulator.Http;

/// <summary>The <c>page</c> block of a list answer.</summary>
public sealed record PageInfo(int PageSize, int PageIndex, int ElementCount, int PageCount);

/// <summary>A list answer: <c>{data: [...], page: {...}}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Data, PageInfo Page);

/// <summary>Reads <c>page</c> (0-based) and <c>size</c> (default 20, 1..1000) and cuts a list into a page.</summary>
public static class Paging
{
    public const int DefaultSize = 20, MaxSize = 1000;

    public static (int Page, int Size, Problem? Error) Read(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var page = ReadInt(request, "page", 0, 0, int.MaxValue, "must be a whole number, 0 or more", errors);
        var size = ReadInt(request, "size", DefaultSize, 1, MaxSize, $"must be a whole number from 1 to {MaxSize}", errors);
        return (page, size, errors.Count > 0 ? Problem.BadRequest(errors) : null);
    }

    /// <summary>Reads page and size, takes the items under the tenant's lock, and answers one page.</summary>
    public static IResult Answer<T>(HttpContext http, Func<TenantState, IEnumerable<T>> items)
    {
        var (page, size, error) = Read(http.Request);
        if (error is not null) return error;
        var tenant = Api.TenantScope.Of(http);
        List<T> all;
        lock (tenant.Lock) all = items(tenant).ToList();
        return Results.Json(Cut(all, page, size));
    }

    public static PagedResult<T> Cut<T>(IReadOnlyList<T> all, int page, int size)
    {
        var data = all.Skip((int)Math.Min((long)page * size, int.MaxValue)).Take(size).ToList();
        var pageCount = (all.Count + size - 1) / size;
        return new PagedResult<T>(data, new PageInfo(size, page, all.Count, pageCount));
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, int min, int max, string rule, List<FieldError> errors)
    {
        if (!request.Query.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(new FieldError(name, rule));
        return fallback;
    }
}
