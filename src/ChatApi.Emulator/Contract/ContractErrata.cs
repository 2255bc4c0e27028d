using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatApi.Emulator.Contract;

/// <summary>
/// One mistake in 8x8's own description (contracts/errata.json): where it is (<see cref="Document"/>,
/// <see cref="Pointers"/> into the file as 8x8 wrote it, each changed the same way), what it says, the 8x8 source that contradicts it,
/// what the emulator does instead, and the change to the description that the check applies.
/// </summary>
public sealed record Erratum(string Id, string Document, IReadOnlyList<string> Operations, IReadOnlyList<string> Pointers,
    string Says, string Evidence, string Emulator, string Op, JsonNode? Value);

/// <summary>
/// What the emulator's <c>--shared-configuration</c> world assumes where 8x8 is silent (not an erratum: the
/// contract is not wrong, the shared world goes beyond it on purpose): under that option, a violation on one of
/// <see cref="Operations"/> at an instance pointer matching <see cref="Instance"/> by the keyword
/// <see cref="Keyword"/> is listed with this id and does not fail a test; in the default world it does.
/// </summary>
public sealed record SharedWorldAssumption(string Id, IReadOnlyList<string> Operations, Regex Instance, string Keyword, string Why)
{
    public bool Covers(ContractViolation v) =>
        Operations.Contains(v.Operation) && Instance.IsMatch(v.Pointer) && v.Rule.StartsWith(Keyword + ":", StringComparison.Ordinal);
}

/// <summary>The errata file, the one place the check's departures from 8x8's descriptions are written.</summary>
public sealed class ContractErrata
{
    public IReadOnlyList<Erratum> Errata { get; }
    public IReadOnlyList<SharedWorldAssumption> SharedConfiguration { get; }

    private ContractErrata(IReadOnlyList<Erratum> errata, IReadOnlyList<SharedWorldAssumption> shared) => (Errata, SharedConfiguration) = (errata, shared);

    public static ContractErrata Load(Stream stream)
    {
        var root = JsonNode.Parse(stream)!.AsObject();
        static string S(JsonNode? n, string name) => n?[name]?.GetValue<string>() is { Length: > 0 } s ? s
            : throw new InvalidDataException($"contracts/errata.json: an entry lacks '{name}'.");
        static IReadOnlyList<string> L(JsonNode? n, string name) => n?[name] is JsonArray a && a.Count > 0
            ? a.Select(x => x!.GetValue<string>()).ToList() : throw new InvalidDataException($"contracts/errata.json: an entry lacks '{name}'.");
        var errata = (root["errata"] as JsonArray ?? []).Select(e => new Erratum(S(e, "id"), S(e, "document"), L(e, "operations"),
            L(e, "pointers"), S(e, "says"), S(e, "evidence"), S(e, "emulator"), S(e!["patch"], "op"), e["patch"]!["value"]?.DeepClone())).ToList();
        var shared = (root["sharedConfiguration"] as JsonArray ?? []).Select(t => new SharedWorldAssumption(S(t, "id"), L(t, "operations"),
            new Regex(S(t, "instance"), RegexOptions.CultureInvariant), S(t, "keyword"), S(t, "why"))).ToList();
        return new ContractErrata(errata, shared);
    }

    /// <summary>8x8's description <paramref name="document"/> with this file's errata of it applied.</summary>
    public JsonNode Apply(string document, JsonNode description)
    {
        foreach (var (e, pointer) in Errata.Where(e => e.Document == document).SelectMany(e => e.Pointers.Select(p => (e, p))))
        {
            var (parent, key) = Locate(description, e, pointer);
            switch (e.Op)
            {
                case "remove" when parent is JsonObject o && o.Remove(key):
                    break;
                case "remove" when parent is JsonArray a && int.TryParse(key, out var i) && i < a.Count:
                    a.RemoveAt(i);
                    break;
                case "add" when parent is JsonObject absent && !absent.ContainsKey(key):
                    absent[key] = e.Value?.DeepClone();
                    break;
                case "replace" when parent is JsonObject o && o.ContainsKey(key):
                    o[key] = e.Value?.DeepClone();
                    break;
                default:
                    throw new InvalidDataException($"contracts/errata.json: erratum '{e.Id}' ({e.Op} {pointer}) does not apply to {document}: 8x8's description changed?");
            }
        }
        return description;
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, Erratum e, string pointer)
    {
        var parts = pointer.Split('/').Skip(1).Select(p => p.Replace("~1", "/").Replace("~0", "~")).ToList();
        JsonNode? node = root;
        foreach (var part in parts.SkipLast(1))
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        return node is null || parts.Count == 0
            ? throw new InvalidDataException($"contracts/errata.json: erratum '{e.Id}' points at {pointer}, which is not in {e.Document}.")
            : (node, parts[^1]);
    }

    internal static Stream Resource(string name) =>
        typeof(ContractErrata).Assembly.GetManifestResourceStream("contracts/" + name)
        ?? throw new InvalidOperationException($"The emulator was built without contracts/{name}.");
}
