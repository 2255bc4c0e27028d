namespace ChatApi.Emulator.Auth;

/// <summary>Every /vcc call needs a live bearer token; the API key behind it is kept for rate limiting and idempotency.</summary>
public sealed class BearerAuthMiddleware(RequestDelegate next, TokenStore tokens)
{
    public const string ApiKeyItem = "emulator.apiKey";

    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var apiKey = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Resolve(header[7..].Trim()) : null;
        if (apiKey is null)
        {
            context.Response.StatusCode = 401;
            // 8x8's UnauthorizedResponse: Apigee's fault shape, as application/problem+json.
            await context.Response.WriteAsJsonAsync(new
            {
                fault = new { faultstring = "Invalid Access Token", detail = new { errorcode = "keymanagement.service.invalid_access_token" } },
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        context.Items[ApiKeyItem] = apiKey;
        await next(context);
    }

    public static string ApiKeyOf(HttpContext context) => (string)context.Items[ApiKeyItem]!;
}
