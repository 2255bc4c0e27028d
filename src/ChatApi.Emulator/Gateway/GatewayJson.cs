using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// HAL answers (<c>application/hal+json</c>) and strict reading of request bodies: the Gateway's requests
/// are checked against its description, and a field the description does not define is refused.
/// </summary>
public static class GatewayJson
{
    public const string HalJson = "application/hal+json";

    public static IResult Hal(object body, int status = 200) => Results.Json(body, contentType: HalJson, statusCode: status);

    /// <summary>A JSON answer with a value re-typed as HAL; problems and empty answers pass unchanged.</summary>
    public static IResult AsHal(IResult result) => result is not Problem && result is IValueHttpResult { Value: { } value } ? Hal(value) : result;

    /// <summary>A tenant list with page, size, sort and filter read from the query, taken under the tenant's lock, as HAL.</summary>
    public static IResult ListAnswer<T, TDto>(HttpContext http, string name, ListQuery<T> query, Func<TenantState, IEnumerable<T>> items, Func<T, TDto> map)
    {
        var (page, size, bad) = Paging.Read(http.Request);
        var (apply, badQuery) = query.Read(http.Request);
        if ((bad ?? badQuery) is { } problem) return GatewayProblems.Adapt(problem);
        var tenant = Api.TenantScope.Of(http);
        List<TDto> all;
        lock (tenant.Lock) all = apply!(items(tenant)).Select(map).ToList();
        return List(http.Request, name, all, page, size);
    }

    /// <summary><c>{_embedded: {name: [...]}, _links: {self}, page: {size, number, totalElements, totalPages}}</c>.</summary>
    public static IResult List<T>(HttpRequest request, string name, IReadOnlyList<T> all, int page, int size)
    {
        var cut = Paging.Cut(all, page, size);
        return Hal(new Dictionary<string, object>
        {
            ["_embedded"] = new Dictionary<string, object> { [name] = cut.Data },
            ["_links"] = new { self = new { href = request.Path + request.QueryString } },
            ["page"] = new { size, number = page, totalElements = cut.Page.ElementCount, totalPages = cut.Page.PageCount },
        });
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent and not required.</summary>
    public static long? Int(JsonObject body, string name, long min, long max, bool required, List<FieldError> errors, string prefix = "")
    {
        var node = body[name];
        if (node is null)
        {
            if (required) errors.Add(new FieldError(prefix + name, "must not be null"));
            return null;
        }
        if (node is JsonValue v && v.TryGetValue<long>(out var n) && n >= min && n <= max) return n;
        errors.Add(new FieldError(prefix + name, $"must be a whole number from {min} to {max}"));
        return null;
    }

    /// <summary>
    /// The request's JSON object, or its problem in the Gateway's shape; with the list of field errors
    /// started, holding one for each top-level field not in <paramref name="allowed"/>.
    /// </summary>
    public static async Task<(JsonObject? Body, List<FieldError> Errors, Problem? Bad)> ReadStrictAsync(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        var errors = new List<FieldError>();
        var (body, bad) = await JsonBody.ReadObjectAsync(request);
        if (bad is not null) return (null, errors, GatewayProblems.Adapt(bad));
        RefuseUnknown(body!, "", allowed, errors);
        return (body, errors, null);
    }

    /// <summary>Adds an error for each field of <paramref name="body"/> not in <paramref name="allowed"/>.</summary>
    public static void RefuseUnknown(JsonObject body, string prefix, IReadOnlyCollection<string> allowed, List<FieldError> errors)
    {
        foreach (var (name, _) in body)
            if (!allowed.Contains(name)) errors.Add(new FieldError(prefix + name, "is not a field of this request"));
    }
}
