namespace ChatApi.Emulator.Faults;

/// <summary>
/// Runs first on API calls (/oauth and /vcc): adds <c>--latency</c>, then either answers 503 without
/// doing anything, or lets the call do its work, throws the answer away and aborts the connection.
/// </summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, EmulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.LatencyMs > 0) await Task.Delay(options.LatencyMs, context.RequestAborted);
        switch (faults.Next())
        {
            case Fault.Unavailable:
                await Problem.Unavailable().ExecuteAsync(context);
                return;
            case Fault.CutOff:
                // Buffer the answer so nothing reaches the client, then cut the connection.
                context.Response.Body = new MemoryStream();
                await next(context);
                context.Abort();
                return;
            default:
                await next(context);
                return;
        }
    }
}
