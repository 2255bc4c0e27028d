using ChatApi.Emulator.Api;
using ChatApi.Emulator.Conversations;

namespace ChatApi.Emulator.Gateway;

public sealed record CardDto(string Id, string ContentType, JsonNode? Content, bool ActionSubmitted, bool ActionExecuted)
{
    public static CardDto From(Card c) => new(c.Id, c.ContentType, c.Content, c.ActionSubmitted, c.ActionExecuted);
}

/// <summary>
/// Cards: <c>GET /chat-gateway/v1/conversations/{id}/messages/{messageId}/cards</c> (HAL, paged) and the card
/// actions, which 8x8 serves elsewhere: <c>PUT /api/v1/tenant/{tenantId}/conversations/{id}/cards/{cardId}/action-submit|action-execute</c>
/// <c>{name?}</c> (204): the flag is set and a Gateway webhook hears ACTIVITY <c>adaptiveCard/action</c>.
/// </summary>
public static class GatewayCardEndpoints
{
    public const string ActionRoot = "/api/v1/tenant";

    public static void Map(RouteGroupBuilder conversations) =>
        conversations.MapGet("/{id}/messages/{messageId}/cards", (HttpContext http, string id, string messageId) =>
            GatewayConversationEndpoints.With(http, id, c => c.Messages.FirstOrDefault(m => m.Id == messageId) is { } m
                ? PagedCards(http, m) : Problem.NotFound("Message", messageId)));

    public static void MapActions(WebApplication app)
    {
        var group = app.MapGroup(ActionRoot + "/{tenantId}/conversations/{id}/cards/{cardId}");
        group.MapPut("/action-submit", (HttpContext http, string tenantId, string id, string cardId, ConversationFlow flow) => Act(http, tenantId, id, cardId, "submit", flow));
        group.MapPut("/action-execute", (HttpContext http, string tenantId, string id, string cardId, ConversationFlow flow) => Act(http, tenantId, id, cardId, "execute", flow));
    }

    private static IResult PagedCards(HttpContext http, Message m)
    {
        var (page, size, bad) = Paging.Read(http.Request);
        return bad is not null ? GatewayProblems.Adapt(bad) : GatewayJson.List(http.Request, "cards", (m.Cards ?? []).Select(CardDto.From).ToList(), page, size);
    }

    private static async Task<IResult> Act(HttpContext http, string tenantId, string id, string cardId, string action, ConversationFlow flow)
    {
        if (TenantScope.Of(http).TenantId != tenantId)
            return GatewayProblems.Forbidden($"The path's tenant {tenantId} is not the tenant of this call");
        JsonObject body = [];
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (parsed, bad) = await JsonBody.ReadObjectAsync(http.Request);
            if (bad is not null) return GatewayProblems.Adapt(bad);
            body = parsed!;
        }
        var errors = GatewayConversationEndpoints.Strict(body, ["name"]);
        var name = JsonBody.String(body, "name", errors);
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return GatewayConversationEndpoints.With(http, id, c =>
        {
            if (c.Messages.SelectMany(m => m.Cards ?? []).FirstOrDefault(card => card.Id == cardId) is not { } card)
                return Problem.NotFound("Card", cardId);
            flow.CardAction(TenantScope.Of(http), c, card, action, name);
            return Results.NoContent();
        });
    }
}
