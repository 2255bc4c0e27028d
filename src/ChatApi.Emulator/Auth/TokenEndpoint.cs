using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ChatApi.Emulator.Auth;

/// <summary><c>POST /oauth/v2/token</c>: client credentials with HTTP Basic, in 8x8's (Apigee's) shapes.</summary>
public static class TokenEndpoint
{
    public static void Map(WebApplication app) => app.MapPost("/oauth/v2/token", Handle);

    /// <summary>8x8's RequestOAuthProblem: <c>{ErrorCode, Error}</c> as <c>application/problem+json</c>.</summary>
    private static IResult OAuthProblem(int status, string code, string error) =>
        Results.Json(new Dictionary<string, string> { ["ErrorCode"] = code, ["Error"] = error }, statusCode: status, contentType: "application/problem+json");

    private static async Task<IResult> Handle(HttpContext context, TokenStore tokens, EmulatorOptions options)
    {
        var (key, secret) = ReadBasic(context.Request);
        if (key is null || secret is null || !tokens.IsValidKey(key, secret))
            return OAuthProblem(401, "invalid_client", "ClientId is Invalid");

        var grant = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync()).TryGetValue("grant_type", out var g) ? g.ToString() : "" : "";
        if (grant != "client_credentials")
            return OAuthProblem(400, "invalid_request", $"Unsupported grant type : {grant}");

        var token = tokens.Issue(key);
        return Results.Json(new Dictionary<string, object>
        {
            ["refresh_token_expires_in"] = "0",
            ["api_product_list"] = new[] { "vcc" },
            ["api_product_list_json"] = new[] { "vcc" },
            ["organization_name"] = "8x8gateway",
            ["developer.email"] = "emulator@example.invalid",
            ["token_type"] = "BearerToken",
            ["issued_at"] = token.IssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["client_id"] = key,
            ["access_token"] = token.AccessToken,
            ["application_name"] = ApplicationName(key),
            ["scope"] = string.Join(" ", options.ApiKeys.First(k => k.Key == key).Scopes ?? Scopes.All),
            ["expires_in"] = options.TokenLifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["refresh_count"] = "0",
            ["status"] = "approved",
        });
    }

    private static (string? Key, string? Secret) ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null) return (null, null);
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = text.IndexOf(':');
            return colon < 0 ? (null, null) : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException) { return (null, null); }
    }

    /// <summary>A stable GUID-looking application name per key, as Admin Console shows.</summary>
    private static string ApplicationName(string key) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(key))).ToString();
}
