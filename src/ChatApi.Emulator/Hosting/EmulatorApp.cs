using ChatApi.Emulator.Api;
using ChatApi.Emulator.Auth;
using ChatApi.Emulator.Contract;
using ChatApi.Emulator.Conversations;
using ChatApi.Emulator.Events;
using ChatApi.Emulator.Faults;
using ChatApi.Emulator.Gateway;
using ChatApi.Emulator.Idempotency;
using ChatApi.Emulator.RateLimit;
using ChatApi.Emulator.Receiver;
using ChatApi.Emulator.Seeding;
using ChatApi.Emulator.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatApi.Emulator.Hosting;

/// <summary>Builds and starts the emulator; tests start it in-process on port 0 the same way Program does.</summary>
public static class EmulatorApp
{
    public static WebApplication Create(EmulatorOptions options, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => EmulatorJson.Configure(o.SerializerOptions));
        services.AddSingleton(options);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<EmulatorState>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<TokenBucketLimiter>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<EventSigner>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<ConversationFlow>();
        services.AddSingleton<ReceiverStore>();
        services.AddSingleton<ReadyGate>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton<ContractViolations>();
        services.AddHostedService<DeliveryWorker>();

        var app = builder.Build();
        var gate = app.Services.GetRequiredService<ReadyGate>();
        app.Use(async (context, next) => { await gate.WhenReady; await next(context); });
        var requests = app.Services.GetRequiredService<RequestLog>();
        app.UseWhen(IsApiCall, api => api.Use(async (context, next) =>
        {
            long mark = requests.Begin(context.Request.Method, context.Request.Path + context.Request.QueryString);
            try { await next(context); }
            finally { requests.End(mark, context.Response.StatusCode, context.RequestAborted.IsCancellationRequested); }
        }));
        app.UseWhen(IsApiCall, api => api.UseMiddleware<FaultInjectionMiddleware>());
        // Inside the faults: an answer cut off is checked as the emulator made it; an injected 503 is not the emulator's answer.
        app.UseWhen(IsApiCall, api => api.UseMiddleware<ContractCheckMiddleware>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/vcc") && !JwkEndpoint.IsKeyPath(c.Request.Path), vcc => vcc
            .UseMiddleware<BearerAuthMiddleware>()
            .UseMiddleware<RateLimitMiddleware>()
            .UseMiddleware<IdempotencyMiddleware>());
        app.UseWhen(c => (GatewayPaths.IsGateway(c.Request.Path) && !GatewayPaths.IsKeyPath(c.Request.Path)) || GatewayPaths.IsCardAction(c.Request.Path), gateway => gateway
            .UseMiddleware<GatewayAuthMiddleware>()
            .UseMiddleware<RateLimitMiddleware>()
            .UseMiddleware<IdempotencyMiddleware>());

        TokenEndpoint.Map(app);
        JwkEndpoint.Map(app);
        var tenant = app.MapTenantGroup();
        WebhookEndpoints.Map(tenant);
        ChannelEndpoints.Map(tenant);
        ConversationEndpoints.Map(tenant);
        GatewayWebhookEndpoints.Map(app);
        GatewayChannelEndpoints.Map(app);
        GatewayConversationEndpoints.Map(app);
        GatewayJwkEndpoint.Map(app);
        GatewayAttachmentEndpoints.MapFiles(app);
        GatewayCardEndpoints.MapActions(app);
        AgentEndpoints.Map(app);
        EmulatorControlEndpoints.Map(app);
        RequestLog.Map(app);
        ReceiverEndpoints.Map(app);
        app.MapFallback((HttpContext http) => new Problem(404, $"No such endpoint: {http.Request.Method} {http.Request.Path}", []));
        return app;
    }

    /// <summary>Starts the app, seeds with its real address, opens the gate; returns the base address.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancel = default)
    {
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        LegacySeeder.Seed(app.Services.GetRequiredService<EmulatorState>(), app.Services.GetRequiredService<EmulatorOptions>(), baseAddress);
        OtherChannelSeeder.Seed(app.Services.GetRequiredService<EmulatorState>(), app.Services.GetRequiredService<EmulatorOptions>(), baseAddress);
        app.Services.GetRequiredService<ReadyGate>().Open();
        return baseAddress;
    }

    private static bool IsApiCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/vcc") || context.Request.Path.StartsWithSegments("/oauth") || GatewayPaths.IsGateway(context.Request.Path) || GatewayPaths.IsCardAction(context.Request.Path);
}
