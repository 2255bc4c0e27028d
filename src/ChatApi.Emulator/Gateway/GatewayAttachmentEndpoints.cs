using System.Security.Cryptography;
using ChatApi.Emulator.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChatApi.Emulator.Gateway;

public sealed record AttachmentDto(string Id, string Filename, long Size, long SizeInBytes, string Type, string CreatedAt)
{
    public static AttachmentDto From(Attachment a)
    {
        long size = a.ListedSize ?? a.Bytes.LongLength;
        return new(a.Id, a.FileName, size, size, a.ContentType, EmulatorJson.Time(a.CreatedAt));
    }
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

    /// <summary>
    /// Reads the multipart body part by part as it arrives (no form buffered to disk or memory first): the
    /// file part straight into the attachment's bytes, at most <see cref="MaxBytes"/>, and the authorType part.
    /// </summary>
    private static async Task<IResult> Upload(HttpContext http, string id, TimeProvider time)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes + 1024 * 1024;
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(media.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
            return GatewayProblems.BadRequest("attachment", "send multipart/form-data with an attachment part");
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = MaxBytes };
        var errors = new List<FieldError>();
        var authorType = "user";
        (string Name, string Type, byte[] Bytes)? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var part);
                var name = HeaderUtilities.RemoveQuotes(part?.Name ?? default).Value ?? "";
                var fileName = HeaderUtilities.RemoveQuotes(part?.FileNameStar ?? default).Value is { Length: > 0 } star ? star : HeaderUtilities.RemoveQuotes(part?.FileName ?? default).Value;
                if (name == "attachment" && fileName is not null && file is null)
                {
                    using var bytes = new MemoryStream((int)Math.Min(http.Request.ContentLength ?? 0, MaxBytes));
                    await section.Body.CopyToAsync(bytes, http.RequestAborted);
                    file = (fileName, string.IsNullOrEmpty(section.ContentType) ? "application/octet-stream" : section.ContentType, bytes.ToArray());
                }
                else if (name == "authorType" && fileName is null)
                {
                    using var text = new StreamReader(section.Body);
                    authorType = await text.ReadToEndAsync(http.RequestAborted) is { Length: > 0 } t ? t : "user";
                }
                else
                {
                    errors.Add(new FieldError(name.Length > 0 ? name : "(part)", "is not a field of this request"));
                    await section.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                }
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("attachment", $"must be at most {MaxBytes} bytes"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return GatewayProblems.BadRequest("attachment", $"the multipart body could not be read: {e.Message}");
        }
        if (authorType is not ("user" or "bot")) errors.Add(new FieldError("authorType", "must be one of bot, user"));
        if (file is null && errors.All(e => e.Field != "attachment")) errors.Add(new FieldError("attachment", "must not be empty"));
        if (errors.Count > 0) return GatewayProblems.BadRequest(errors);
        return GatewayConversationEndpoints.With(http, id, c => GatewayJson.Hal(AttachmentDto.From(Add(c, file!.Value.Name, file.Value.Type, file.Value.Bytes, authorType, time.GetUtcNow()))));
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
