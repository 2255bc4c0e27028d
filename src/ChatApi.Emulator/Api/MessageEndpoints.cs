using ChatApi.Emulator.Auth;
using ChatApi.Emulator.Conversations;

namespace ChatApi.Emulator.Api;

/// <summary>A conversation's messages: list (optionally one interaction's) and send (202, no body).</summary>
public static class MessageEndpoints
{

    public static void Map(RouteGroupBuilder conversations)
    {
        conversations.MapGet("/{id}/messages", List).RequireScope(Scopes.ConversationsRead);
        conversations.MapPost("/{id}/messages", Send).RequireScope(Scopes.ConversationsWrite);
    }

    private static IResult List(HttpContext http, string id)
    {
        var interaction = http.Request.Query["interaction-id"].ToString();
        return ConversationEndpoints.WithConversation(http, id, c => Results.Json(new
        {
            messages = c.Messages.Where(m => interaction.Length == 0 || m.InteractionId == interaction).Select(MessageDto.From).ToList(),
        }));
    }

    private static async Task<IResult> Send(HttpContext http, string id, ConversationFlow flow)
    {
        var (body, bad) = await JsonBody.ReadObjectAsync(http.Request);
        if (bad is not null) return bad;
        var errors = new List<FieldError>();
        var text = JsonBody.String(body!, "text", errors);
        var authorType = JsonBody.String(body!, "authorType", errors) ?? "user";
        if (string.IsNullOrEmpty(text)) errors.Add(new FieldError("text", "must not be empty"));
        if (!AuthorTypes.External.Contains(authorType)) errors.Add(new FieldError("authorType", "must be user or bot"));
        var problem = errors.Count > 0 ? Problem.BadRequest(errors) : null;
        return ConversationEndpoints.WithConversation(http, id, c =>
        {
            if (problem is not null) return problem;
            flow.CustomerMessage(TenantScope.Of(http), c, text!, authorType);
            return Results.StatusCode(202);
        });
    }
}
