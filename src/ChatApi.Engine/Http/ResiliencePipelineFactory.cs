using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatApi.Engine.Http;

/// <summary>
/// The resilience of a client: retry with exponential backoff and jitter that honours Retry-After,
/// and, inside it, a timeout for each attempt (after the attempt's turn at the rate limit). Built
/// once per client; every delay is cancellable.
/// </summary>
internal static class ResiliencePipelineFactory
{
    private static readonly int[] TransientStatuses = { 408, 429, 502, 503, 504 };

    public static bool IsTransient(int status) => Array.IndexOf(TransientStatuses, status) >= 0;

    /// <summary>An answer after which the server may or may not have done the work (a 5xx, a 408).</summary>
    public static bool IsUncertain(int status) => status >= 500 || status == 408;

    /// <summary>An outcome after which the work may have been done without the answer reaching us.</summary>
    private static bool IsUncertain(Outcome<ApiResponse> outcome) =>
        outcome.Exception is TransientHttpException || outcome.Exception is TimeoutRejectedException
        || (outcome.Exception == null && IsUncertain(outcome.Result.StatusCode));

    /// <summary>The caller's log, carried in the resilience context so retries are reported to the right cmdlet.</summary>
    public static readonly ResiliencePropertyKey<IChatLog> LogKey = new ResiliencePropertyKey<IChatLog>("chatapi.log");
    public static readonly ResiliencePropertyKey<string> RequestKey = new ResiliencePropertyKey<string>("chatapi.request");
    /// <summary>Set for creates: an uncertain outcome is handed back to the client, not retried blindly.</summary>
    public static readonly ResiliencePropertyKey<bool> CreateKey = new ResiliencePropertyKey<bool>("chatapi.create");

    /// <summary>Set for a call whose attempts may take longer than the options' timeout (a large transfer).</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new ResiliencePropertyKey<TimeSpan>("chatapi.timeout");

    public static ResiliencePipeline<ApiResponse> Create(ResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse>();
        // Polly's retry demands at least one retry; MaxRetries = 0 means no retry strategy at all.
        if (options.MaxRetries > 0) builder.AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(
                    !(IsUncertain(args.Outcome) && args.Context.Properties.GetValue(CreateKey, false))
                    && (args.Outcome.Exception is TransientHttpException
                        || args.Outcome.Exception is TimeoutRejectedException
                        || (args.Outcome.Exception == null && IsTransient(args.Outcome.Result.StatusCode)))),
                DelayGenerator = args =>
                {
                    var header = args.Outcome.Result?.Header("Retry-After");
                    var delay = RetryAfter.Parse(header, DateTimeOffset.UtcNow);
                    if (delay.HasValue && delay.Value > options.MaxRetryAfter) delay = options.MaxRetryAfter;
                    return new ValueTask<TimeSpan?>(delay);
                },
                OnRetry = args =>
                {
                    string why = args.Outcome.Exception != null
                        ? (args.Outcome.Exception is TimeoutRejectedException ? "timed out" : args.Outcome.Exception.Message)
                        : $"status {args.Outcome.Result.StatusCode}"
                          + (args.Outcome.Result.Header("Retry-After") is string after ? $", Retry-After {after}" : "");
                    if (args.Context.Properties.TryGetValue(LogKey, out var log))
                    {
                        args.Context.Properties.TryGetValue(RequestKey, out var request);
                        log.Verbose($"{request}: attempt {args.AttemptNumber + 1} failed ({why}); retrying in {args.RetryDelay.TotalMilliseconds:n0} ms");
                    }
                    return default;
                },
            });
        return builder.Build();
    }

    /// <summary>
    /// The timeout of one attempt, from sending it to its answer: the options' AttemptTimeout, or the
    /// request's own (a transfer's grows with its size) set under <see cref="TimeoutKey"/>.
    /// </summary>
    public static ResiliencePipeline CreateAttemptTimeout(ResilienceOptions options) =>
        new ResiliencePipelineBuilder().AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(TimeoutKey, options.AttemptTimeout)),
        }).Build();
}
