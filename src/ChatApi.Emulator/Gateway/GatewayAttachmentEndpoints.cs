using System.Security.Cryptography;
using ChatApi.Emulator.Api;
using ChatApi.Emulator.Http;
using ChatApi.Emulator.State;
using Microsoft.AspNetCore.Http.Features;

namespace ChatApi.Emulator.Gateway;

public sealed record AttachmentDto(string Id, string Filename, long Size, long SizeInBytes, string Type, string CreatedAt)
{
    public static AttachmentDto From(Attachment a) => new(a.Id, a.FileName, a.Bytes.LongLength, a.Bytes.LongLength, a.ContentType, EmulatorJson.Time(a.CreatedAt));
}

/// <summary>
/// A conversation's attachments: upload (multipart: <c>attachment</c> file part and <c>authorType</c>), list,
/// one, its content (octet-stream, Content-Disposition). Kept in memory; <c>GET /_files/{token}</c> (no
/// authentication) serves the pre-signed URL a MESSAGE event names.
/// </summary>
public static class GatewayAttachmentEndpoints
{
    /// <summary>The emulator's limit on one upload (8x8 documents none).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    public static void Map(RouteGroupBuilder conversations)
    {
        conversations.MapGet("/{id}/attachments", (HttpContext http, string id) => GatewayConversationEndpoints.Paged(http, id, "attachments",
            c => c.Attachments.Select(a => (object)AttachmentDto.From(a)).ToList()));
        conversations.MapPost("/{id}/attachments", Upload);
        conversations.MapGet("/{id}/attachments/{attachmentId}", (HttpContext http, string id, string attachmentId) =>
            GatewayConversationEndpoints.With(http, id, c => Find(c, attachmentId) is { } a ? GatewayJson.Hal(AttachmentDto.From(a)) : Problem.NotFound("Attachment", attachmentId)));
        conversations.MapGet("/{id}/attachments/{attachmentId}/content", (HttpContext http, string id, string attachmentId) =>
            GatewayConversationEndpoints.With(http, id, c => Find(c, attachmentId) is { } a ? Content(a) : Problem.NotFound("Attachment", attachmentId)));
    }

    /// <summary>The bytes of an attachment by its pre-signed token, for <c>/_files/{token}</c>.</summary>
    public static void MapFiles(WebApplication app) => app.MapGet("/_files/{token}", (string token, EmulatorState state) =>
    {
        foreach (var tenant in state.Tenants)
            lock (tenant.Lock)
                foreach (var c in tenant.Conversations.Values)
                    if (c.Attachments.FirstOrDefault(a => a.Token == token) is { } a) return Content(a);
        return Results.NotFound();
    });

    public static Attachment? Find(Conversation c, string attachmentId) => c.Attachments.FirstOrDefault(a => a.Id == attachmentId);

    private static IResult Content(Attachment a) => Results.File(a.Bytes, "application/octet-stream", a.FileName);

    private static async Task<IResult> Upload(HttpContext http, string id, TimeProvider time)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes + 1024 * 1024;
        if (!http.Request.HasFormContentType)
            return GatewayProblems.BadRequest("attachment", "send multipart/form-data with an attachment part");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var errors = new List<FieldError>();
        foreach (var key in form.Keys.Where(k => k != "authorType")) errors.Add(new FieldError(key, "is not a field of this request"));
        var authorType = form["authorType"].ToString() is { Length: > 0 } t ? t : "user";
        if (authorType is not ("user" or "bot")) errors.Add(new FieldError("authorType", "must be one of bot, user"));
        var file = form.Files.GetFile("attachment");
        foreach (var other in form.Files.Where(f => f.Name != "attachment")) errors.Add(new FieldError(other.Name, "is not a field of this request"));
        if (file is null) errors.Add(new FieldError("attachment", "must not be empty"));
        else if (file.Length > MaxBytes) errors.Add(new FieldError("attachment", $"must be at most {MaxBytes} bytes"));
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        var bytes = new byte[file!.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        return GatewayConversationEndpoints.With(http, id, c =>
        {
            var attachment = Add(c, file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, bytes, authorType, time.GetUtcNow());
            return GatewayJson.Hal(AttachmentDto.From(attachment));
        });
    }

    /// <summary>Stores an attachment on the conversation. Call under the tenant's lock.</summary>
    public static Attachment Add(Conversation c, string fileName, string contentType, byte[] bytes, string authorType, DateTimeOffset now)
    {
        var attachment = new Attachment($"att-{c.Id}-{c.Attachments.Count + 1}", fileName, contentType, bytes, now, authorType,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        c.Attachments.Add(attachment);
        return attachment;
    }
}
