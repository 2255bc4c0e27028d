using ChatApi.Emulator.Auth;

namespace ChatApi.Emulator.Idempotency;

/// <summary>
/// POST, PUT and DELETE under /vcc with an <c>Idempotency-Key</c>: the first answer is recorded and
/// replayed for every repeat of the key by the same API key; a repeat changes nothing. Only with
/// <c>--idempotency honour</c>: by default the header is ignored, as 8x8 uses it in no operation.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, TimeProvider time, EmulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var header = context.Request.Headers["Idempotency-Key"].ToString();
        if (options.Idempotency != IdempotencyMode.Honour || header.Length == 0 || !(HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)))
        {
            await next(context);
            return;
        }

        var key = BearerAuthMiddleware.ApiKeyOf(context) + "\n" + header;
        var (owner, entry) = store.Claim(key);
        if (!owner)
        {
            await Replay(context, await entry.Task.WaitAsync(context.RequestAborted));
            return;
        }

        var original = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        StoredResponse stored;
        try
        {
            await next(context);
            var headers = StoredResponse.KeptHeaders
                .Where(h => context.Response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => context.Response.Headers[h].ToString());
            stored = new StoredResponse(context.Response.StatusCode, headers, buffer.ToArray(), time.GetUtcNow());
            entry.TrySetResult(stored);
        }
        catch (Exception e)
        {
            store.Release(key, entry, e);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        await WriteBody(context, stored.Body);
    }

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.Status;
        foreach (var (name, value) in stored.Headers) context.Response.Headers[name] = value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await WriteBody(context, stored.Body);
    }

    private static async Task WriteBody(HttpContext context, byte[] body)
    {
        if (body.Length > 0) await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
