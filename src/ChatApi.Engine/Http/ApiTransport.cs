using System.Diagnostics;
using System.Threading;
using Polly;
using RestSharp;

namespace ChatApi.Engine.Http;

/// <summary>
/// Sends API requests: the resilience pipeline around rate limit and RestSharp. Knows nothing of
/// resources or tokens; the caller passes the credential header (Authorization or x-api-key).
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private readonly RestClient rest;
    private readonly ResiliencePipeline<ApiResponse> pipeline;
    private readonly ResiliencePipeline attemptTimeout;
    private readonly RequestRateLimiter limiter;
    private readonly TransferSender transfers;

    /// <summary>
    /// The session's one handler (<see cref="HttpStack"/>: proxy, TLS, redirects, connections) serves
    /// RestSharp, behind the answer size cap, and the streamed transfers.
    /// </summary>
    public ApiTransport(Uri baseUri, double requestsPerSecond, ResilienceOptions options, NetworkOptions network = null)
    {
        network = network ?? NetworkOptions.Default;
        var handler = HttpStack.CreateHandler(network);
        var restOptions = new RestClientOptions(baseUri)
        {
            ThrowOnAnyError = false,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // the pipeline times each attempt
            UserAgent = HttpStack.UserAgent(network),
            FollowRedirects = false, // RestSharp follows redirects itself, above the handler: off here too
        };
        rest = new RestClient(HttpStack.CreateClient(new AnswerSizeLimit(handler), network), restOptions, disposeHttpClient: true);
        pipeline = ResiliencePipelineFactory.Create(options);
        attemptTimeout = ResiliencePipelineFactory.CreateAttemptTimeout(options);
        limiter = new RequestRateLimiter(requestsPerSecond, options.RateWindowMargin);
        transfers = new TransferSender(baseUri, HttpStack.CreateClient(handler, network, disposeHandler: false));
    }


    public async Task<ApiResponse> SendAsync(ApiRequest request, KeyValuePair<string, string>? credential, CallContext ctx)
    {
        string idempotencyKey = request.IsChanging ? Guid.NewGuid().ToString() : null;
        int attempts = 0;
        bool uncertain = false;
        var context = ResilienceContextPool.Shared.Get(ctx.Cancellation);
        context.Properties.Set(ResiliencePipelineFactory.LogKey, ctx.Log);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request.Display);
        context.Properties.Set(ResiliencePipelineFactory.CreateKey, request.IsCreate);
        if (request.AttemptTimeout.HasValue) context.Properties.Set(ResiliencePipelineFactory.TimeoutKey, request.AttemptTimeout.Value);
        try
        {
            if (request.LogBodies && request.JsonBody != null) ctx.Log.Debug(Redactor.Redact($"{request.Display} body: {request.JsonBody}"));
            var outcome = await pipeline.ExecuteOutcomeAsync(async (rc, _) =>
            {
                try
                {
                    attempts++;
                    // The turn at the rate limit is waited for before the attempt's clock starts: a
                    // request that was never sent must not time out as one that may have been done.
                    var waited = Stopwatch.StartNew();
                    await limiter.WaitAsync(rc.CancellationToken).ConfigureAwait(false);
                    AttemptLog.RateLimitWait(ctx.Log, request, attempts, waited.ElapsedMilliseconds);
                    var response = await attemptTimeout.ExecuteAsync(
                        inner => new ValueTask<ApiResponse>(AttemptAsync(request, credential, idempotencyKey, attempts, ctx.Log, inner.CancellationToken)),
                        rc).ConfigureAwait(false);
                    response.Attempts = attempts;
                    response.EarlierAttemptUncertain = uncertain;
                    if (ResiliencePipelineFactory.IsUncertain(response.StatusCode)) uncertain = true;
                    return Outcome.FromResult(response);
                }
                catch (Exception e)
                {
                    if (!(e is OperationCanceledException) || !ctx.Cancellation.IsCancellationRequested) uncertain = true;
                    return Outcome.FromException<ApiResponse>(e);
                }
            }, context, 0).ConfigureAwait(false);

            if (outcome.Exception != null) throw Translate(outcome.Exception, request, attempts, ctx.Cancellation);
            return outcome.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<ApiResponse> AttemptAsync(ApiRequest request, KeyValuePair<string, string>? credential, string idempotencyKey, int attempt, IChatLog log, CancellationToken cancellation)
    {
        if (request.Transfer != null) return await transfers.AttemptAsync(request, HeadersOf(request, credential, idempotencyKey), attempt, log, cancellation).ConfigureAwait(false);
        var rr = new RestRequest(request.Path, ToMethod(request.Method));
        foreach (var q in request.Query) rr.AddQueryParameter(q.Key, q.Value);
        foreach (var h in HeadersOf(request, credential, idempotencyKey)) rr.AddHeader(h.Key, h.Value);
        rr.AddHeader("Accept", MediaTypes.ApiAnswers);
        if (request.JsonBody != null) rr.AddStringBody(request.JsonBody, request.ContentType ?? ContentType.Json);
        foreach (var f in request.Form) rr.AddParameter(f.Key, f.Value, ParameterType.GetOrPost);

        var watch = Stopwatch.StartNew();
        var response = await rest.ExecuteAsync(rr, cancellation).ConfigureAwait(false);
        watch.Stop();
        cancellation.ThrowIfCancellationRequested();

        int status = (int)response.StatusCode;
        ProxyRefusal.ThrowIfRefused(status == 0 ? ProxyRefusal.StatusOf(response.ErrorException) : status, request, attempt);
        if (AnswerTooLargeException.Find(response.ErrorException) is AnswerTooLargeException tooLarge)
            throw new ChatApiException(ChatErrorKind.InvalidResponse, $"{Redactor.Redact(request.Display)} failed: {tooLarge.Message}; it was not read.", status, request.Method, request.Path, attempts: attempt);
        if (status == 0)
        {
            string why = Unreachable.Describe(response.ErrorException) ?? response.ErrorMessage ?? response.ResponseStatus.ToString();
            AttemptLog.NoAnswer(log, request, attempt, watch.ElapsedMilliseconds, why);
            if (request.FailFastWhenUnreachable && Unreachable.IsPermanent(response.ErrorException))
                throw new ChatApiException(ChatErrorKind.Network, $"{request.Display} failed: {why}. Check -BaseUri ({Unreachable.HostOf(rest.Options.BaseUrl)}).",
                    0, request.Method, request.Path, attempts: attempt, inner: response.ErrorException);
            throw new TransientHttpException($"no answer from the server: {why}", response.ErrorException);
        }

        AttemptLog.Answer(log, request, status, attempt, watch.ElapsedMilliseconds, response.Content);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.Headers != null) foreach (var h in response.Headers) headers[h.Name] = h.Value?.ToString();
        if (response.ContentHeaders != null) foreach (var h in response.ContentHeaders) headers[h.Name] = h.Value?.ToString();
        return new ApiResponse(status, response.Content, headers);
    }

    /// <summary>The request's headers, its credential and, on a change, the Idempotency-Key of all its attempts.</summary>
    private static IEnumerable<KeyValuePair<string, string>> HeadersOf(ApiRequest request, KeyValuePair<string, string>? credential, string idempotencyKey)
    {
        foreach (var h in request.Headers) yield return h;
        if (credential.HasValue) yield return credential.Value;
        if (idempotencyKey != null) yield return new KeyValuePair<string, string>("Idempotency-Key", idempotencyKey);
    }

    private static Exception Translate(Exception e, ApiRequest request, int attempts, CancellationToken cancellation)
    {
        if (e is OperationCanceledException && cancellation.IsCancellationRequested) return e;
        if (e is Polly.Timeout.TimeoutRejectedException)
            return new ChatApiException(ChatErrorKind.Timeout, $"{Redactor.Redact(request.Display)} timed out on each of {attempts} attempts.", 0, request.Method, request.Path, attempts: attempts, inner: e);
        if (e is TransientHttpException)
            return new ChatApiException(ChatErrorKind.Network, Redactor.Redact($"{request.Display} failed after {attempts} attempts: {e.Message}"), 0, request.Method, request.Path, attempts: attempts, inner: e);
        return e;
    }

    private static Method ToMethod(string method)
    {
        switch (method)
        {
            case "GET": return Method.Get;
            case "POST": return Method.Post;
            case "PUT": return Method.Put;
            case "DELETE": return Method.Delete;
            case "PATCH": return Method.Patch;
            default: throw new ArgumentOutOfRangeException(nameof(method), method, "unsupported HTTP method");
        }
    }

    public void Dispose()
    {
        rest.Dispose();
        transfers.Dispose();
    }
}
