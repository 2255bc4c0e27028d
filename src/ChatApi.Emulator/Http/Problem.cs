using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApi.Emulator.Http;

/// <summary>One broken rule in a 400 answer.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>An <c>application/problem+json</c> answer in 8x8's shape: <c>{message, errors[]}</c>.</summary>
public sealed class Problem(int status, string message, IReadOnlyList<object> errors) : IResult
{
    public int Status { get; } = status;
    public string Message { get; } = message;
    public IReadOnlyList<object> Errors { get; } = errors;

    public static Problem BadRequest(IReadOnlyList<FieldError> errors) => new(400, "Constraint Violation", errors.Cast<object>().ToList());
    public static Problem BadRequest(string field, string message) => BadRequest([new FieldError(field, message)]);
    public static Problem BadRequestMessage(string message) => new(400, message, []);
    public static Problem NotFound(string type, string id) => new(404, $"Resource of type {type} with id {id} was not found.", []);
    public static Problem Forbidden() => new(403, "The tenant does not belong to customer", []);
    public static Problem Conflict(string message) => new(409, message, []);
    public static Problem PreconditionFailed(int current, string given) =>
        new(412, $"The resource is at version {current}; If-Match {given} is stale.", []);
    public static Problem TooManyRequests() => new(429, "Too many requests: the rate limit for this API key is exceeded.", []);
    public static Problem Unavailable() => new(503, "Service temporarily unavailable.", []);

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/problem+json";
        var body = new ProblemBody(Message, Errors);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, EmulatorJson.Options, context.RequestAborted);
    }

    private sealed record ProblemBody(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("errors")] IReadOnlyList<object> Errors);
}
