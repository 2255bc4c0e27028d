namespace ChatApi.Emulator.Auth;

/// <summary>The scope an operation needs (8x8's description, per operation); a key without it gets 403.</summary>
public static class ScopeFilter
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = BearerAuthMiddleware.ApiKeyOf(http);
            var options = http.RequestServices.GetRequiredService<EmulatorOptions>();
            var allowed = options.ApiKeys.FirstOrDefault(k => k.Key == key)?.Allows(scope) ?? false;
            return allowed ? await next(context) : Problem.MissingScope(scope);
        });
}
