using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;

namespace ChatApi.Emulator.Contract;

/// <summary>One parameter of an operation: where it goes, whether it must be given, its schema and JSON type.</summary>
public sealed record ContractParameter(string Name, ParameterLocation In, bool Required, JsonSchema? Schema, JsonSchemaType? Type);

/// <summary>
/// One operation of 8x8's descriptions, built once: its path pattern, parameters, the body types it takes
/// and the answers it defines (status → media type → schema).
/// </summary>
public sealed class ContractOperation
{
    public required string Name { get; init; }
    public required string Method { get; init; }
    public required Regex Path { get; init; }
    /// <summary>Literal segments of the template: of two templates that match, the more literal one is the operation.</summary>
    public required int Literals { get; init; }
    public required IReadOnlyList<ContractParameter> Parameters { get; init; }
    public required bool BodyRequired { get; init; }
    public required IReadOnlyDictionary<string, JsonSchema?> Takes { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonSchema?>> Answers { get; init; }

    /// <summary>The media types its success answers are declared in (what an <c>Accept</c> must admit).</summary>
    public IReadOnlyList<string> Produces => [.. Answers.Where(a => a.Key.StartsWith('2')).SelectMany(a => a.Value.Keys).Distinct()];

    /// <summary>The answers defined for <paramref name="status"/>: its own entry, else <c>default</c>; null when neither.</summary>
    public IReadOnlyDictionary<string, JsonSchema?>? AnswerFor(int status) =>
        Answers.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var own) ? own
        : Answers.TryGetValue($"{status / 100}XX", out var range) ? range
        : Answers.TryGetValue("default", out var fallback) ? fallback : null;
}
