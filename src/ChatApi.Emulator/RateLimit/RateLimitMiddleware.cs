using ChatApi.Emulator.Auth;

namespace ChatApi.Emulator.RateLimit;

/// <summary>429 with <c>Retry-After</c> (whole seconds) when the caller's API key has used up its bucket.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, TokenBucketLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (limiter.TryTake(BearerAuthMiddleware.ApiKeyOf(context)) is int wait)
        {
            context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Problem.TooManyRequests().ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
