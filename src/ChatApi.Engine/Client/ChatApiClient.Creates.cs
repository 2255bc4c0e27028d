namespace ChatApi.Engine;

/// <summary>
/// How a create finds out, after an answer that was lost, whether it happened: the items on the
/// server that match what was created, each with a key. <see cref="Before"/>, when given, is read
/// before the first attempt, so that an item that matched already then (a second "ok" in a
/// conversation, a returning customer) is not taken for the new one.
/// </summary>
internal sealed class CreateCheck<T>(string item, string howToCheck, Func<CallContext, Task<List<KeyValuePair<string, T>>>> matches, bool before, string identity,
    string doing = "Creating", string notDone = "was not created")
{
    /// <summary>What the call does, for messages: "Creating" (a create), "Moving" (a re-route).</summary>
    public string Doing { get; } = doing;
    /// <summary>What a failed call says when the server shows it was not done: "was not created".</summary>
    public string NotDone { get; } = notDone;
    /// <summary>What makes two creates the same item to the check: such creates run one after the other.</summary>
    public string Identity { get; } = identity;
    /// <summary>The item, for messages: "webhook 'Sales'".</summary>
    public string Item { get; } = item;
    /// <summary>What the user should look at when the client cannot tell.</summary>
    public string HowToCheck { get; } = howToCheck;
    public Func<CallContext, Task<List<KeyValuePair<string, T>>>> Matches { get; } = matches;
    public bool Before { get; } = before;
}

public sealed partial class ChatApiClient
{
    /// <summary>
    /// Sends a create. 8x8 ignores Idempotency-Key, so when the answer is lost (no answer, a timeout,
    /// a 5xx) the server is read first: an item that appeared is the result; when none did, the
    /// create is repeated (up to the resilience options' retries); when it cannot tell (the check
    /// fails, or more than one new item matches), the call fails with OutcomeUnknown. Never a
    /// silent duplicate, never a silent loss.
    /// </summary>
    private async Task<T> CreateAsync<T>(ApiRequest request, Func<ApiResponse, T> map, CreateCheck<T> check, CallContext ctx, string what)
    {
        using (await sameItemCreates.EnterAsync(check.Identity, ctx.Cancellation).ConfigureAwait(false))
            return await CreateCheckedAsync(request, map, check, ctx, what).ConfigureAwait(false);
    }

    /// <summary>Creates that the check would take for one another wait for each other (one session).</summary>
    private readonly KeyedGate sameItemCreates = new KeyedGate();

    private async Task<T> CreateCheckedAsync<T>(ApiRequest request, Func<ApiResponse, T> map, CreateCheck<T> check, CallContext ctx, string what)
    {
        request.IsCreate = true;
        HashSet<string> before = null;
        if (check.Before)
            before = new HashSet<string>((await check.Matches(ctx).ConfigureAwait(false)).Select(m => m.Key), StringComparer.Ordinal);
        for (int attempt = 1; ; attempt++)
        {
            ChatApiException lost;
            try
            {
                var response = await SendAsync(request, ctx).ConfigureAwait(false);
                if (response.IsSuccess) return map(response);
                lost = Failure(request, response, what);
                if (!ResiliencePipelineFactory.IsUncertain(response.StatusCode)) throw lost;
            }
            catch (ChatApiException e) when (e.Kind == ChatErrorKind.Network || e.Kind == ChatErrorKind.Timeout)
            {
                lost = e;
            }
            ctx.Log.Verbose($"{what}: the answer was lost ({lost.Message}); reading the server to see whether it was done");
            List<KeyValuePair<string, T>> found;
            try
            {
                found = (await check.Matches(ctx).ConfigureAwait(false)).Where(m => before == null || !before.Contains(m.Key)).ToList();
            }
            catch (ChatApiException e) when (e.Kind != ChatErrorKind.Cancelled)
            {
                throw OutcomeUnknown(check, $"the answer was lost ({lost.Message}) and the check failed too ({e.Message})", e);
            }
            if (found.Count == 1)
            {
                ctx.Log.Verbose($"{what}: it was done ({check.Item} is {found[0].Key}); not repeated");
                return found[0].Value;
            }
            if (found.Count > 1)
                throw OutcomeUnknown(check, $"the answer was lost and {found.Count} matching items are on the server ({string.Join(", ", found.Select(f => f.Key))})", lost);
            if (attempt > resilience.MaxRetries)
                throw new ChatApiException(lost.Kind, $"{lost.Message}; {check.Item} {check.NotDone} (the server shows it was not done)",
                    lost.StatusCode, lost.Method, lost.Path, lost.ServerMessage, lost.Errors, lost.ReferenceId, attempt, lost);
            ctx.Log.Verbose($"{what}: it was not done; creating again (attempt {attempt + 1})");
            await Task.Delay(CreateDelay(attempt), ctx.Cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with jitter between repeated creates, like the transport's retries.</summary>
    private TimeSpan CreateDelay(int attempt)
    {
        double ms = resilience.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        ms = Math.Min(ms, resilience.MaxDelay.TotalMilliseconds);
        double jitter;
        lock (Jitter) jitter = Jitter.NextDouble();
        return TimeSpan.FromMilliseconds(ms * (0.5 + jitter / 2));
    }

    private static readonly Random Jitter = new Random();

    /// <summary>Every item of a list that <paramref name="match"/> accepts, keyed by <paramref name="key"/>.</summary>
    private static async Task<List<KeyValuePair<string, T>>> MatchesAsync<T>(Func<Action<T>, Task> list, Func<T, bool> match, Func<T, string> key)
    {
        var found = new List<KeyValuePair<string, T>>();
        await list(item => { if (match(item)) found.Add(new KeyValuePair<string, T>(key(item), item)); }).ConfigureAwait(false);
        return found;
    }

    private static ChatApiException OutcomeUnknown<T>(CreateCheck<T> check, string why, Exception inner) =>
        new ChatApiException(ChatErrorKind.OutcomeUnknown,
            $"{check.Doing} {check.Item}: the outcome is unknown: {why}. It may or may not have been done: {check.HowToCheck} before doing it again.",
            inner: inner);
}
