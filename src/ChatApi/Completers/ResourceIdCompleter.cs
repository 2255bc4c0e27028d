using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation.Language;
using System.Threading;
using ChatApi.Cmdlets;

namespace ChatApi.Completers;

/// <summary>One completion candidate: the id to insert, a list label and a tooltip.</summary>
public sealed class IdCandidate(string id, string label, string tip)
{
    public string Id { get; } = id;
    public string Label { get; } = label;
    public string Tip { get; } = tip;
}

/// <summary>
/// Completes resource ids from the session in -Session (or the current one): one page fetched
/// within a short time budget, cached briefly per session so repeated Tab presses cost nothing.
/// No session, a slow server or an error simply give no candidates.
/// </summary>
public abstract class ResourceIdCompleter : IArgumentCompleter
{
    private static readonly ConcurrentDictionary<string, Tuple<DateTime, IReadOnlyList<IdCandidate>>> Cache =
        new ConcurrentDictionary<string, Tuple<DateTime, IReadOnlyList<IdCandidate>>>();

    internal static TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(30);
    internal static TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);
    private const int PageSize = 100;

    /// <summary>The kind of resource, for the cache key.</summary>
    protected abstract string Kind { get; }

    /// <summary>Fetches up to <paramref name="max"/> candidates.</summary>
    protected abstract Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = PSValues.Unwrap(fakeBoundParameters?["Session"]) as ChatSession
            ?? SessionRegistry.Current;
        var client = SessionRegistry.ClientOf(session);
        if (client == null || !session.IsConnected) return Enumerable.Empty<CompletionResult>();

        var candidates = Candidates(session, client);
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return candidates
            .Where(c => c.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || (c.Label ?? string.Empty).IndexOf(prefix, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(c => new CompletionResult(c.Id, c.Label, CompletionResultType.ParameterValue, string.IsNullOrEmpty(c.Tip) ? c.Id : c.Tip))
            .ToList();
    }

    private IReadOnlyList<IdCandidate> Candidates(ChatSession session, ChatApiClient client)
    {
        string key = session.Id + "/" + Kind;
        if (Cache.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.Item1 < CacheLifetime) return hit.Item2;
        try
        {
            using (var budget = new CancellationTokenSource(TimeBudget))
            {
                var list = FetchAsync(client, PageSize, new CallContext(budget.Token)).GetAwaiter().GetResult();
                Cache[key] = Tuple.Create(DateTime.UtcNow, list);
                return list;
            }
        }
        catch (Exception)
        {
            return Array.Empty<IdCandidate>();
        }
    }

    /// <summary>Collects a list call's items into candidates.</summary>
    protected static async Task<IReadOnlyList<IdCandidate>> Collect<T>(Func<Action<T>, Task> list, Func<T, IdCandidate> toCandidate)
    {
        var items = new List<IdCandidate>();
        await list(item => { lock (items) items.Add(toCandidate(item)); }).ConfigureAwait(false);
        return items;
    }
}

/// <summary>Completes webhook ids.</summary>
public sealed class WebhookIdCompleter : ResourceIdCompleter
{
    protected override string Kind => "webhook";

    protected override Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx) =>
        Collect<Webhook>(emit => client.ListWebhooksAsync(null, max, 0, emit, ctx), w => new IdCandidate(w.Id, $"{w.Id} {w.Name} ({w.Version})", $"{w.Name} {w.Version} {w.Uri}"));
}

/// <summary>Completes channel ids.</summary>
public sealed class ChannelIdCompleter : ResourceIdCompleter
{
    protected override string Kind => "channel";

    protected override Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx) =>
        Collect<Channel>(emit => client.ListChannelsAsync(null, max, 0, emit, ctx), c => new IdCandidate(c.Id, $"{c.Id} {c.Name}", $"{c.Name} (webhook {c.WebhookId}, queue {c.QueueId})"));
}

/// <summary>Completes conversation ids (newest first).</summary>
public sealed class ConversationIdCompleter : ResourceIdCompleter
{
    protected override string Kind => "conversation";

    protected override Task<IReadOnlyList<IdCandidate>> FetchAsync(ChatApiClient client, int max, CallContext ctx) =>
        Collect<Conversation>(emit => client.ListConversationsAsync(new ConversationFilter { Order = "desc" }, max, 0, emit, ctx),
            c => new IdCandidate(c.Id, $"{c.Id} {c.CustomerName}", $"{c.CustomerName} on channel {c.ChannelId}, {c.Status ?? c.State}"));
}
