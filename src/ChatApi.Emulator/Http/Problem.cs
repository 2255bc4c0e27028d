using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApi.Emulator.Http;

/// <summary>One broken rule in a 400 answer.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// An <c>application/problem+json</c> answer in 8x8's shape: <c>{message, errors[]}</c>, or, where
/// 8x8's description gives an operation another shape, that body as given (<see cref="Body"/>).
/// </summary>
public sealed class Problem(int status, string message, IReadOnlyList<object> errors) : IResult
{
    public int Status { get; } = status;
    public string Message { get; } = message;
    public IReadOnlyList<object> Errors { get; } = errors;
    /// <summary>A whole body in another shape; when set, <see cref="Message"/> and <see cref="Errors"/> are not written.</summary>
    public object? Body { get; init; }

    /// <summary>A ConstraintViolationProblem: <c>errors</c> are strings <c>"field: rule"</c>, as 8x8's description shows.</summary>
    public static Problem BadRequest(IReadOnlyList<FieldError> errors) =>
        new(400, "Constraint Violation", errors.Select(e => (object)$"{e.Field}: {e.Message}").ToList());
    public static Problem BadRequest(string field, string message) => BadRequest([new FieldError(field, message)]);
    public static Problem BadRequestMessage(string message) => new(400, message, []);
    public static Problem NotFound(string type, string id) => new(404, $"Resource of type {type} with id {id} was not found.", []);
    public static Problem Forbidden(string tenantId) =>
        new(403, "The tenant does not belong to customer", [$"Tenant {tenantId} does not belong to the customer of this API key in this region."]);

    /// <summary>The token's API key lacks the scope the operation needs (8x8 documents the 403, not its text).</summary>
    public static Problem MissingScope(string scope) =>
        new(403, $"Insufficient scope: this operation needs {scope}.", [$"Missing scope: {scope}"]);

    /// <summary>The RFC 7807 404 that 8x8's description gives the public-key operation.</summary>
    public static Problem KeyNotFound(string kid) => new(404, "Resource not found.", [])
    {
        Body = new Dictionary<string, object>
        {
            ["type"] = "ClientError",
            ["title"] = "Resource not found.",
            ["status"] = 404,
            ["detail"] = "Resource may not exist or is not accessible.",
            ["resourceType"] = "JWKPublic",
            ["resourceId"] = kid,
            ["instance"] = "ResourceNotFound",
        },
    };
    public static Problem Conflict(string message) => new(409, message, []);
    public static Problem PreconditionFailed(int current, string given) =>
        new(412, $"The resource is at version {current}; If-Match {given} is stale.", []);
    public static Problem TooManyRequests() => new(429, "Too many requests: the rate limit for this API key is exceeded.", []);
    public static Problem Unavailable() => new(503, "Service temporarily unavailable.", []);

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/problem+json";
        var body = Body ?? new ProblemBody(Message, Errors);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), EmulatorJson.Options, context.RequestAborted);
    }

    private sealed record ProblemBody(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("errors")] IReadOnlyList<object> Errors);
}
