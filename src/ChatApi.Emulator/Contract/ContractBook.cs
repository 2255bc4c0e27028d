using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ChatApi.Emulator.Contract;

/// <summary>
/// 8x8's two descriptions (contracts/, embedded byte for byte) with the errata applied, read with
/// Microsoft.OpenApi and turned into JSON Schema 2020-12 (the 3.1 form of each schema) for JsonSchema.Net.
/// Built once per process: every emulator of a test run shares it.
/// </summary>
public sealed class ContractBook
{
    public const string V2Document = "chat-api-v2.openapi.json";
    public const string GatewayDocument = "chat-gateway-v1.openapi.json";

    private static readonly Regex LocalReference = new("(\"\\$ref\"\\s*:\\s*)\"#", RegexOptions.CultureInvariant);

    private static readonly Lazy<ContractBook> Shared = new(() => Build(ContractErrata.Load(ContractErrata.Resource("errata.json"))));

    public static ContractBook Instance => Shared.Value;

    public ContractErrata Errata { get; }
    public IReadOnlyList<ContractOperation> Operations { get; }

    private ContractBook(ContractErrata errata, IReadOnlyList<ContractOperation> operations) => (Errata, Operations) = (errata, operations);

    public static ContractBook Build(ContractErrata errata)
    {
        var registry = new SchemaRegistry();
        var operations = new List<ContractOperation>();
        foreach (var name in new[] { V2Document, GatewayDocument })
        {
            using var stream = ContractErrata.Resource(name);
            var raw = errata.Apply(name, JsonNode.Parse(stream)!).ToJsonString();
            var read = OpenApiDocument.Parse(raw, "json", new OpenApiReaderSettings());
            var document = read.Document ?? throw new InvalidDataException($"contracts/{name}: {string.Join("; ", read.Diagnostic?.Errors.Select(e => e.Message) ?? [])}");
            var baseUri = new Uri($"https://contracts.chatapi.invalid/{name}");
            var v31 = JsonDocument.Parse(Write(document.SerializeAsV31)).RootElement.Clone();
            registry.Register(new JsonElementBaseDocument(v31, baseUri));
            // JSON Schema 2020-12 as OpenAPI 3.1 uses it: its own keywords (example, discriminator, xml) are annotations.
            var build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
            var count = 0;
            // Each schema is its own document (the registry holds one per URI); its references point into the whole description.
            JsonSchema? SchemaOf(IOpenApiSchema? schema) => schema is null ? null : JsonSchema.FromText(
                LocalReference.Replace(Write(schema.SerializeAsV31), $"$1\"{baseUri}#"), build, new Uri(baseUri, $"{name}/{++count}"));
            operations.AddRange(Read(document, SchemaOf));
        }
        return new ContractBook(errata, operations);
    }

    /// <summary>The operation a request is for: the most literal template that matches the path with this method.</summary>
    public ContractOperation? Find(string method, string path) =>
        Operations.Where(o => o.Method == method && o.Path.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault();

    private static IEnumerable<ContractOperation> Read(OpenApiDocument document, Func<IOpenApiSchema?, JsonSchema?> schemaOf)
    {
        foreach (var (template, item) in document.Paths)
        {
            var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var pattern = new Regex("^/" + string.Join("/", segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "/?$",
                RegexOptions.CultureInvariant | RegexOptions.Compiled);
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? [])
                    .Where(p => p.Name is not null && p.In is not null)
                    .Select(p => new ContractParameter(p.Name!, p.In!.Value, p.Required, schemaOf(p.Schema), p.Schema?.Type))
                    .ToList();
                yield return new ContractOperation
                {
                    Name = $"{method.Method.ToUpperInvariant()} {template}",
                    Method = method.Method.ToUpperInvariant(),
                    Path = pattern,
                    Literals = segments.Count(s => !s.StartsWith('{')),
                    Parameters = parameters,
                    BodyRequired = operation.RequestBody?.Required ?? false,
                    Takes = Content(operation.RequestBody?.Content, schemaOf),
                    Answers = (operation.Responses ?? []).ToDictionary(r => r.Key, r => Content(r.Value.Content, schemaOf)),
                };
            }
        }
    }

    private static IReadOnlyDictionary<string, JsonSchema?> Content(IDictionary<string, IOpenApiMediaType>? content, Func<IOpenApiSchema?, JsonSchema?> schemaOf) =>
        (content ?? new Dictionary<string, IOpenApiMediaType>()).ToDictionary(c => c.Key, c => schemaOf(c.Value.Schema), StringComparer.OrdinalIgnoreCase);

    private static string Write(Action<IOpenApiWriter> serialize)
    {
        var text = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        serialize(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
