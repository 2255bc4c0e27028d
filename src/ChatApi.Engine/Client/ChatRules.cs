namespace ChatApi.Engine;

/// <summary>
/// The rules of 8x8's contract that can be checked before any call. Each check returns null when
/// the value is fine, or the rule it breaks in words a user reads after the parameter name.
/// The values themselves are <see cref="ChatValues"/>.
/// </summary>
public static class ChatRules
{
    public static readonly IReadOnlyList<string> Regions = ChatValues.Regions;
    public static readonly IReadOnlyList<string> Versions = ChatValues.Versions;
    public static readonly IReadOnlyList<string> AuthorTypes = ChatValues.AuthorTypes;
    public static readonly IReadOnlyList<string> ConversationStatuses = ChatValues.StatusFilters;
    public const string DefaultVersion = ChatValues.DefaultVersion;
    public const int MaxWebhookNameLength = 255;
    public const int MaxChannelNameLength = 255;

    public static string CheckRegion(string region) =>
        region != null && Regions.Contains(region, StringComparer.OrdinalIgnoreCase) ? null : $"must be one of {string.Join(", ", Regions)}";

    /// <summary>
    /// An absolute http(s) URI without user info, query or fragment; http only to a loopback host
    /// unless <paramref name="allowUnencryptedHttp"/> (the API secret and tokens would travel in clear).
    /// </summary>
    public static string CheckBaseUri(Uri uri, bool allowUnencryptedHttp)
    {
        if (uri == null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "must be an absolute http or https URI";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not carry a user name or password (user@host): pass the credentials with -Credential";
        if (!string.IsNullOrEmpty(uri.Query) && uri.Query != "?") return "must not have a query string (?...)";
        if (!string.IsNullOrEmpty(uri.Fragment) && uri.Fragment != "#") return "must not have a fragment (#...)";
        if (uri.OriginalString.IndexOf('?') >= 0) return "must not have a query string (?...)";
        if (uri.OriginalString.IndexOf('#') >= 0) return "must not have a fragment (#...)";
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowUnencryptedHttp)
            return $"is http:// to '{uri.Host}', which is not this machine: the API secret and tokens would travel unencrypted. Use https://, or pass -AllowUnencryptedHttp if you really mean it";
        return null;
    }

    /// <summary>One of <paramref name="allowed"/> (by default V2's v1.0 and v2.0; a Gateway session allows Chat Gateway v1.0 only).</summary>
    public static string CheckVersion(string version, IReadOnlyList<string> allowed = null) => OneOf(version, allowed ?? Versions);

    public static string CheckAuthorType(string authorType) => AuthorTypes.Contains(authorType) ? null : $"must be {string.Join(" or ", AuthorTypes)}";

    public static string CheckStatus(string status) => OneOf(status, ConversationStatuses);

    public static string CheckName(string name, int max) =>
        string.IsNullOrWhiteSpace(name) ? "must not be empty" : name.Length > max ? $"must be at most {max} characters (got {name.Length})" : null;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null (not given) is fine.</summary>
    public static string CheckRange(int? value, int min, int max) =>
        value == null || (value.Value >= min && value.Value <= max) ? null : $"must be from {min} to {max} (got {value.Value})";

    public static string CheckNotEmpty(string value) => string.IsNullOrWhiteSpace(value) ? "must not be empty" : null;

    public static string CheckAbsoluteUri(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == "http" || parsed.Scheme == "https")
            ? null : "must be an absolute http or https URI";

    /// <summary>8x8 lets no webhook go back to an older version (v1.0, v2.0, Chat Gateway v1.0, in that order).</summary>
    public static string CheckVersionChange(string from, string to) =>
        VersionRank(to) >= 0 && VersionRank(to) < VersionRank(from) ? $"a {from} webhook cannot go back to {to} (8x8 refuses downgrades)" : null;

    /// <summary>The place of a notification version in <see cref="ChatValues.AllVersions"/> (oldest 0); -1 when it is none of them.</summary>
    public static int VersionRank(string version) => Array.IndexOf(ChatValues.AllVersions, version);

    /// <summary>Throws <see cref="ChatApiException"/> of kind InvalidArgument when <paramref name="problem"/> is not null.</summary>
    public static void Require(string parameter, string problem)
    {
        if (problem != null) throw ChatApiException.InvalidArgument(parameter, problem);
    }

    /// <summary>Throws the InvalidArgument error of a (parameter, rule) pair, if any.</summary>
    public static void Require((string Parameter, string Rule)? problem)
    {
        if (problem.HasValue) Require(problem.Value.Parameter, problem.Value.Rule);
    }

    private static string OneOf(string value, IReadOnlyList<string> allowed) =>
        value != null && allowed.Contains(value) ? null : $"must be one of {string.Join(", ", allowed)}";
}
