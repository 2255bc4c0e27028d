using System.Text.RegularExpressions;

namespace ChatApi.Engine;

/// <summary>
/// A 403 that is not about the tenant's region is a key without the operation's OAuth scope: the
/// error names the scope (as the server named it, else as the wire says the operation needs it) and
/// where it is granted.
/// </summary>
internal static class ScopeAdvice
{
    public const string Where = "the 8x8 Admin Console";
    public const string Product = "VCC Chat API";

    private static readonly Regex Named = new Regex(@"vcc-chat\.[A-Za-z-]+\.(read|write)", RegexOptions.CultureInvariant);

    /// <summary>8x8's other 403: "The tenant does not belong to customer" (a wrong region or tenant).</summary>
    public static bool IsAboutTenant(Problem problem) =>
        (problem.Message ?? string.Empty).IndexOf("tenant", StringComparison.OrdinalIgnoreCase) >= 0 &&
        (problem.Message ?? string.Empty).IndexOf("scope", StringComparison.OrdinalIgnoreCase) < 0;

    /// <summary>The missing scope: named in the answer, else the one the wire says the call needs (null when neither knows).</summary>
    public static string MissingScope(Problem problem, IChatWire wire, ApiRequest request)
    {
        foreach (var text in new[] { problem.Message }.Concat(problem.Errors))
            if (text != null && Named.Match(text) is Match m && m.Success) return m.Value;
        return (wire as IScopedWire)?.ScopeOf(request.Method, request.Path);
    }

    public static string Describe(string what, string scope, ApiRequest request, int status) =>
        $"{what} failed: the API key lacks the scope {scope ?? "this operation needs"} ({status} {request.Method} /{request.Path}). " +
        $"Grant it in {Where}: open the API key, its product '{Product}', add {scope ?? "the scope"}; then run Connect-ChatApi again for a token that carries it.";
}
