using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Gateway;
using Json.Schema;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ChatApi.Emulator.Contract;

/// <summary>
/// Checks every API call against the description of the API its path belongs to (<see cref="ContractBook"/>):
/// an <c>Accept</c> that admits none of the operation's answer types is answered 406 and a body in a type it does
/// not take 415, as a strict server would; a request that breaks the contract otherwise is answered 400 in 8x8's
/// shape (<c>errors</c> naming the field). Each such request, and each answer of the emulator's own that breaks the
/// contract (status, content type, body), is recorded in <see cref="ContractViolations"/>.
/// </summary>
public sealed class ContractCheckMiddleware(RequestDelegate next, ContractViolations violations, EmulatorOptions options)
{
    private const int MaxCheckedBody = 4 << 20;
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = ContractBook.Instance.Find(context.Request.Method, context.Request.Path.Value ?? "/");
        if (operation is null)
        {
            await next(context);
            return;
        }
        var refusal = await CheckRequestAsync(context, operation);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        var original = context.Response.Body;
        var copy = new CopyingStream(original, MaxCheckedBody);
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (!context.RequestAborted.IsCancellationRequested && !KinderOnPurpose(operation))
            violations.Add(CheckAnswer(operation, context.Response.StatusCode, context.Response.ContentType, copy));
    }

    /// <summary>An answer an option makes kinder than 8x8 on purpose (README's options): <c>--participant-list</c>.</summary>
    private bool KinderOnPurpose(ContractOperation operation) =>
        options.ParticipantList && operation.Name == "GET /vcc/{region}/chat/v2/tenant/{tenant-id}/conversations/{conversation-id}/participants";

    private async Task<Problem?> CheckRequestAsync(HttpContext context, ContractOperation operation)
    {
        var request = context.Request;
        var produces = operation.Produces;
        if (produces.Count > 0 && !Admits(request.Headers.Accept, produces))
            return Refuse(context, operation, 406, "/header/Accept", $"accept: admits none of {string.Join(", ", produces)}",
                $"Not Acceptable: this operation answers {string.Join(", ", produces)}.");

        var found = new List<ContractViolation>();
        void Found(string pointer, string rule) => found.Add(new ContractViolation(operation.Name, ContractViolations.Request, pointer, rule));

        foreach (var p in operation.Parameters)
        {
            // --etags (kinder than 8x8, which types If-Match as a number) hands out quoted ETags and takes them back.
            if (options.ETags && p.In == ParameterLocation.Header && p.Name.Equals("If-Match", StringComparison.OrdinalIgnoreCase)) continue;
            string? given = p.In switch
            {
                ParameterLocation.Query => request.Query.TryGetValue(p.Name, out var q) ? q.ToString() : null,
                ParameterLocation.Header => request.Headers.TryGetValue(p.Name, out var h) ? h.ToString() : null,
                ParameterLocation.Path => PathValue(operation, request.Path.Value!, p.Name),
                _ => null,
            };
            var pointer = $"/{p.In.ToString().ToLowerInvariant()}/{p.Name}";
            if (given is null)
            {
                if (p.Required) Found(pointer, "required: the parameter is required");
                continue;
            }
            if (p.Schema is null) continue;
            var broken = Evaluate(p.Schema, Typed(given, p.Type)).ToList();
            // A path outside the parameter's values (an unknown region) is no path of this operation: the emulator's 404 answers it.
            if (p.In == ParameterLocation.Path && broken.Count > 0) return null;
            foreach (var (at, rule) in broken) Found(pointer + at, rule);
        }

        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && operation.Takes.Count > 0)
        {
            var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            var taken = type is null ? null : operation.Takes.Keys.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));
            if (taken is null)
                return Refuse(context, operation, 415, "/header/Content-Type", $"content-type: {type ?? "none"} is none of {string.Join(", ", operation.Takes.Keys)}",
                    $"Unsupported Media Type: this operation takes {string.Join(", ", operation.Takes.Keys)}.");
            if (operation.Takes[taken] is { } schema && IsJson(taken))
            {
                request.EnableBuffering();
                JsonNode? body = null;
                try { body = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted); }
                catch (JsonException e) { Found("/body", $"json: the body is not JSON ({e.Message})"); }
                request.Body.Position = 0;
                if (found.Count == 0 || body is not null) foreach (var (at, rule) in Evaluate(schema, body)) Found("/body" + at, rule);
            }
        }
        else if (!hasBody && operation.BodyRequired)
        {
            Found("/body", "required: the operation requires a body");
        }

        if (found.Count == 0) return null;
        violations.Add(found);
        var errors = found.SelectMany(FieldErrors).ToList();
        return IsGateway(context) ? GatewayProblems.BadRequest(errors) : Problem.BadRequest(errors);
    }

    private Problem Refuse(HttpContext context, ContractOperation operation, int status, string pointer, string rule, string message)
    {
        violations.Add([new ContractViolation(operation.Name, ContractViolations.Request, pointer, rule)]);
        return new Problem(status, message, [message]);
    }

    private static IEnumerable<ContractViolation> CheckAnswer(ContractOperation operation, int status, string? contentType, CopyingStream body)
    {
        ContractViolation V(string pointer, string rule) => new(operation.Name, ContractViolations.Answer, pointer, rule);
        var defined = operation.AnswerFor(status);
        if (defined is null)
        {
            yield return V("/status", $"status: {status} is not an answer this operation defines");
            yield break;
        }
        if (body.Length == 0)
        {
            if (defined.Count > 0 && status is not 204 and not 304)
                yield return V("/body", $"content: the description gives {status} a body in {string.Join(", ", defined.Keys)}; the answer has none");
            yield break;
        }
        if (defined.Count == 0)
        {
            yield return V("/body", $"content: the description gives {status} no body; the answer has one ({contentType})");
            yield break;
        }
        var type = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value : null;
        var declared = type is null ? null : defined.Keys.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));
        if (declared is null)
        {
            yield return V("/header/Content-Type", $"content-type: {type ?? "none"} is none of {string.Join(", ", defined.Keys)}");
            yield break;
        }
        if (defined[declared] is not { } schema || !IsJson(declared) || body.Truncated) yield break;
        if (!TryParse(body, out var node))
        {
            yield return V("/body", "json: the answer is not JSON");
            yield break;
        }
        foreach (var (at, rule) in Evaluate(schema, node)) yield return V("/body" + at, rule);
    }

    private static bool TryParse(CopyingStream body, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(body.Captured);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    /// <summary>The failed keywords of <paramref name="schema"/> on <paramref name="instance"/>: (instance pointer, "keyword: message").</summary>
    internal static IEnumerable<(string Pointer, string Rule)> Evaluate(JsonSchema schema, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, Evaluation);
        if (results.IsValid) return [];
        var failed = (results.Details ?? []).Prepend(results)
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .Select(d => (Path: d.EvaluationPath.ToString(), Pointer: d.InstanceLocation.ToString(), Errors: d.Errors!))
            .ToList();
        // Of a oneOf's branches, the one the instance came closest to says what is wrong; the others' complaints are noise.
        var noise = failed.Select(f => OneOfBranch.Match(f.Path)).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value)
            .SelectMany(g => g.GroupBy(m => m.Value).OrderBy(b => b.Count()).Skip(1).Select(b => b.Key))
            .ToHashSet();
        return failed.Where(f => !(OneOfBranch.Match(f.Path) is { Success: true } m && noise.Contains(m.Value)))
            .SelectMany(f => f.Errors.Select(e => (f.Pointer, $"{e.Key}: {e.Value}")))
            .Distinct()
            .ToList();
    }

    private static readonly System.Text.RegularExpressions.Regex OneOfBranch = new("^(.*?/oneOf)/[0-9]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool Admits(Microsoft.Extensions.Primitives.StringValues accept, IReadOnlyList<string> produces)
    {
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString())) return true;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges)) return true;
        return ranges.Any(r => (r.Quality ?? 1) > 0 && produces.Any(p => Within(p, r.MediaType.Value ?? "")));
    }

    /// <summary>RFC 9110 media ranges: <c>*/*</c>, <c>type/*</c> or the exact type (no suffix matching: <c>application/json</c> does not admit <c>application/hal+json</c>).</summary>
    private static bool Within(string type, string range) =>
        range == "*/*" || string.Equals(type, range, StringComparison.OrdinalIgnoreCase)
        || (range.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(range[..^1], StringComparison.OrdinalIgnoreCase));

    private static JsonNode? Typed(string value, JsonSchemaType? type)
    {
        if (type is { } t)
        {
            if (t.HasFlag(JsonSchemaType.Integer) && long.TryParse(value, out var i)) return JsonValue.Create(i);
            if (t.HasFlag(JsonSchemaType.Number) && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
            if (t.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(value, out var b)) return JsonValue.Create(b);
            if (t.HasFlag(JsonSchemaType.Array)) return new JsonArray([.. value.Split(',').Select(v => (JsonNode?)JsonValue.Create(v))]);
        }
        return JsonValue.Create(value);
    }

    private static string? PathValue(ContractOperation operation, string path, string name)
    {
        var template = operation.Name[(operation.Method.Length + 1)..].Split('/');
        var actual = path.Split('/');
        var at = Array.IndexOf(template, "{" + name + "}");
        return at >= 0 && at < actual.Length ? Uri.UnescapeDataString(actual[at]) : null;
    }

    /// <summary>8x8's <c>"field: rule"</c> errors for one break: a missing property is named itself, the rest by their pointer.</summary>
    private static IEnumerable<Http.FieldError> FieldErrors(ContractViolation v)
    {
        var missing = v.Rule.StartsWith("required: Required properties", StringComparison.Ordinal)
            ? MissingNames.Matches(v.Rule).Select(m => m.Groups[1].Value).ToList() : [];
        if (missing.Count == 0) return [new Http.FieldError(FieldName(v.Pointer), v.Rule)];
        var parent = FieldName(v.Pointer);
        return missing.Select(name => new Http.FieldError(parent == "body" ? name : $"{parent}.{name}", "required: must be given"));
    }

    private static readonly System.Text.RegularExpressions.Regex MissingNames = new("\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A pointer as the emulator names fields: <c>/body/history/messages/0/text</c> → <c>history.messages[0].text</c>.</summary>
    private static string FieldName(string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length <= 1) return parts.FirstOrDefault() is { } only && only != "body" ? only : "body";
        var field = new System.Text.StringBuilder();
        foreach (var part in parts.Skip(1))
        {
            if (part.All(char.IsAsciiDigit)) field.Append('[').Append(part).Append(']');
            else field.Append(field.Length > 0 ? "." : "").Append(part.Replace("~1", "/").Replace("~0", "~"));
        }
        return field.ToString();
    }

    private static bool IsJson(string mediaType) => mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsGateway(HttpContext context) => GatewayPaths.IsGateway(context.Request.Path) || GatewayPaths.IsCardAction(context.Request.Path);
}
