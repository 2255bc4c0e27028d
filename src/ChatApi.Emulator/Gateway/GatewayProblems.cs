using System.Security.Cryptography;

namespace ChatApi.Emulator.Gateway;

/// <summary>
/// The Chat Gateway's error shapes (chat-gateway-v1.openapi.json): 401 <c>{message, errors[{message, code}],
/// referenceId}</c>, 400 <c>{message, errors[strings], validations[strings]}</c>, 403 and 404 <c>{message, errors[strings]}</c>.
/// </summary>
public static class GatewayProblems
{
    public static Problem Unauthorized() => new(401, "Access Denied", [])
    {
        Body = new Dictionary<string, object>
        {
            ["message"] = "Access Denied",
            ["errors"] = new[] { new Dictionary<string, string> { ["message"] = "Access Denied", ["code"] = "access_denied" } },
            ["referenceId"] = ReferenceId(),
        },
    };

    public static Problem BadRequest(IReadOnlyList<FieldError> errors) => Adapt(Problem.BadRequest(errors));

    public static Problem BadRequest(string field, string message) => BadRequest([new FieldError(field, message)]);

    public static Problem Forbidden(string error) => new(403, "The tenant does not belong to customer.", [error]);

    public static Problem KeyNotFound(string kid) => Problem.NotFound("JWKPublic", kid);

    /// <summary>A V2-shaped problem in the Gateway's shape: 400s gain <c>validations</c>, the rest are the same.</summary>
    public static Problem Adapt(Problem problem) => problem.Status != 400 || problem.Body is not null ? problem
        : new Problem(400, problem.Message, problem.Errors)
        {
            Body = new Dictionary<string, object> { ["message"] = problem.Message, ["errors"] = problem.Errors, ["validations"] = problem.Errors },
        };

    private static string ReferenceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
