namespace ChatApi.Emulator.Contract;

/// <summary>
/// One break of 8x8's contract: the operation (<c>GET /chat-gateway/v1/webhooks</c>), the side
/// (<c>request</c> the emulator received, or <c>answer</c> it sent), a JSON pointer (<c>/body/...</c>,
/// <c>/query/name</c>, <c>/header/name</c>, <c>/path/name</c>, <c>/status</c>), the rule (<c>keyword: message</c>),
/// how often it was seen, and the errata file's shared-world assumption that tolerates it, if one does (only
/// under <c>--shared-configuration</c>).
/// </summary>
public sealed record ContractViolation(string Operation, string Side, string Pointer, string Rule)
{
    public int Count { get; init; } = 1;
    public string? Tolerated { get; init; }
}

/// <summary>Every break the emulator saw, once each (with a count); <c>GET /_emulator/contract-violations</c> lists them.</summary>
public sealed class ContractViolations
{
    public const string Request = "request";
    public const string Answer = "answer";

    private readonly Dictionary<(string, string, string, string), ContractViolation> _seen = [];
    private readonly IReadOnlyList<SharedWorldAssumption> _tolerated;

    public ContractViolations(EmulatorOptions options) : this(ContractBook.Instance, options.SharedConfiguration) { }

    public ContractViolations(ContractBook book, bool sharedConfiguration) =>
        _tolerated = sharedConfiguration ? book.Errata.SharedConfiguration : [];

    public void Add(IEnumerable<ContractViolation> found)
    {
        lock (_seen)
        {
            foreach (var v in found)
            {
                var key = (v.Operation, v.Side, v.Pointer, v.Rule);
                _seen[key] = _seen.TryGetValue(key, out var before) ? before with { Count = before.Count + 1 }
                    : v with { Tolerated = _tolerated.FirstOrDefault(t => t.Covers(v))?.Id };
            }
        }
    }

    public IReadOnlyList<ContractViolation> List()
    {
        lock (_seen) return [.. _seen.Values];
    }

    /// <summary>Lists and forgets them: for a test that breaks the contract on purpose and asserts what was seen.</summary>
    public IReadOnlyList<ContractViolation> Take()
    {
        lock (_seen)
        {
            var all = _seen.Values.ToList();
            _seen.Clear();
            return all;
        }
    }

    /// <summary>Throws when a break not tolerated by the errata file was seen, naming each.</summary>
    public void Check()
    {
        var failing = List().Where(v => v.Tolerated is null).ToList();
        if (failing.Count > 0)
            throw new InvalidOperationException("The emulator saw breaks of 8x8's contract (GET /_emulator/contract-violations):"
                + string.Concat(failing.Select(v => $"\n  {v.Operation} {v.Side} {v.Pointer}: {v.Rule}")));
    }
}
