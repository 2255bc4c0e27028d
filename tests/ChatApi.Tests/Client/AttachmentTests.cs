using ChatApi.Engine;
using ChatApi.Engine.Http;
using Microsoft.AspNetCore.Http;

namespace ChatApi.Tests.Client;

/// <summary>
/// Gateway attachments against a scripted server over real HTTP: the multipart body on the wire, an
/// upload whose answer is lost (looked for before it is repeated), a download that breaks off (started
/// over, never a half file under the target's name), and the file names a folder target takes.
/// </summary>
public sealed class AttachmentTests : IAsyncLifetime, IDisposable
{
    private ScriptedServer server;
    private readonly string folder = Directory.CreateTempSubdirectory("chatapi-attachment-tests-").FullName;

    public async Task InitializeAsync() => server = await ScriptedServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<ChatApiClient> GatewayAsync() => ChatApiClient.ConnectAsync(new ChatClientOptions
    {
        Api = ChatValues.ApiGateway,
        GatewayKey = ScriptedServer.Secure("gw-key"),
        TenantId = "acme",
        BaseUri = server.BaseUri,
        RequestsPerSecond = 0,
        Resilience = new ResilienceOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(5) },
    }, CallContext.None);

    private string File(string name, int size)
    {
        var path = Path.Combine(folder, name);
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private const string Uploaded = "{\"id\":\"att-9\",\"filename\":\"a.bin\",\"sizeInBytes\":5000,\"type\":\"application/octet-stream\",\"createdAt\":\"2026-01-30T08:30:00Z\"}";
    private static string List(params string[] items) => $"{{\"_embedded\":{{\"attachments\":[{string.Join(",", items)}]}},\"page\":{{\"size\":100,\"number\":0,\"totalElements\":{items.Length},\"totalPages\":1}}}}";

    [Fact]
    public async Task AnUploadIsOneMultipartBodyOfKnownLengthWithTheFileAndTheAuthorType()
    {
        server.Api = (seen, i, ctx) => seen.Method == "GET" ? ScriptedServer.Json(ctx, 200, List()) : ScriptedServer.Json(ctx, 200, Uploaded);
        using var client = await GatewayAsync();
        var made = await client.UploadAttachmentAsync("c-1", File("a.bin", 5000), "bot", null, CallContext.None);

        Assert.Equal(("att-9", "a.bin", 5000L, "c-1"), (made.Id, made.FileName, made.Size, made.ConversationId));
        var post = Assert.Single(server.ApiRequests, r => r.Method == "POST");
        Assert.Equal("/chat-gateway/v1/conversations/c-1/attachments", post.Path);
        Assert.StartsWith("multipart/form-data", post.Header("content-type"));
        Assert.NotNull(post.Header("content-length"));
        Assert.Equal("gw-key", post.Header("x-api-key"));
        Assert.Equal("acme", post.Header("x-8x8-tenant"));
        Assert.Contains("name=\"attachment\"; filename=\"a.bin\"", post.Body);
        Assert.Contains("name=\"authorType\"", post.Body);
        Assert.Contains("\r\n\r\nbot\r\n", post.Body);
    }

    [Fact]
    public async Task AnUploadWhoseAnswerWasLostButWhichLandedIsNotSentAgain()
    {
        // Read before (nothing), the POST's answer is lost, the check finds the new file by name and size.
        server.Api = (seen, i, ctx) => i switch
        {
            0 => ScriptedServer.Json(ctx, 200, List()),
            1 => Task.Run(() => ctx.Abort()),
            _ => ScriptedServer.Json(ctx, 200, List(Uploaded)),
        };
        using var client = await GatewayAsync();
        var made = await client.UploadAttachmentAsync("c-1", File("a.bin", 5000), null, null, CallContext.None);
        Assert.Equal("att-9", made.Id);
        Assert.Equal(["GET", "POST", "GET"], server.ApiRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task AnUploadWhoseAnswerWasLostIsSentAgainOnlyWhenTheServerShowsNoNewFile()
    {
        // The same name and size was there before: that one is not taken for this upload.
        var earlier = Uploaded.Replace("att-9", "att-1");
        server.Api = (seen, i, ctx) => i switch
        {
            0 or 2 => ScriptedServer.Json(ctx, 200, List(earlier)),
            1 => ScriptedServer.Problem(ctx, 503, "busy"),
            _ => ScriptedServer.Json(ctx, 200, Uploaded),
        };
        using var client = await GatewayAsync();
        var made = await client.UploadAttachmentAsync("c-1", File("a.bin", 5000), null, null, CallContext.None);
        Assert.Equal("att-9", made.Id);
        Assert.Equal(["GET", "POST", "GET", "POST"], server.ApiRequests.Select(r => r.Method));
    }

    [Fact]
    public async Task ADownloadThatBreaksOffStartsOverAndOnlyAWholeFileTakesTheTargetsName()
    {
        var bytes = new byte[300_000];
        new Random(1).NextBytes(bytes);
        int contents = 0;
        server.Api = async (seen, i, ctx) =>
        {
            if (!seen.Path.EndsWith("/content")) { await ScriptedServer.Json(ctx, 200, Uploaded.Replace("5000", "300000")); return; }
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = bytes.Length;
            if (Interlocked.Increment(ref contents) == 1)
            {
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, 100_000));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }
            await ctx.Response.Body.WriteAsync(bytes);
        };
        using var client = await GatewayAsync();
        var target = Path.Combine(folder, "saved.bin");
        var saved = await client.SaveAttachmentAsync("c-1", "att-9", target, force: false, null, CallContext.None);

        Assert.Equal(target, saved.FullName);
        Assert.Equal(bytes, System.IO.File.ReadAllBytes(target));
        Assert.Equal(2, contents);
        Assert.Equal(["saved.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(true)]  // Content-Length: 6, and 6 bytes came
    [InlineData(false)] // chunked, ended with its last chunk
    public async Task AWholeTransferWhoseListedSizeIsOffIsSavedWithAWarningNamingBothSizes(bool contentLength)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("hello!");
        server.Api = async (seen, i, ctx) =>
        {
            if (!seen.Path.EndsWith("/content")) { await ScriptedServer.Json(ctx, 200, Uploaded.Replace("5000", "4166")); return; }
            ctx.Response.ContentType = "application/octet-stream";
            if (contentLength) ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes);
        };
        using var client = await GatewayAsync();
        var target = Path.Combine(folder, "saved.bin");
        var log = new ListLog();
        var saved = await client.SaveAttachmentAsync("c-1", "att-9", target, force: false, null, new CallContext(CancellationToken.None, log));

        Assert.Equal(bytes, System.IO.File.ReadAllBytes(saved.FullName));
        var warning = Assert.Single(log.Lines, l => l.StartsWith("W: "));
        Assert.Contains("6 bytes came", warning);
        Assert.Contains("4166", warning);
        Assert.Equal(["saved.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ATransferCutEveryTimeIsRefusedAndLeavesNothingPartial()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("hello!");
        server.Api = async (seen, i, ctx) =>
        {
            if (!seen.Path.EndsWith("/content")) { await ScriptedServer.Json(ctx, 200, Uploaded.Replace("5000", "4166")); return; }
            ctx.Response.ContentType = "application/octet-stream"; // chunked, never ended: the connection is cut
            await ctx.Response.Body.WriteAsync(bytes);
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        };
        using var client = await GatewayAsync();
        var target = Path.Combine(folder, "saved.bin");
        await Assert.ThrowsAsync<ChatApiException>(() => client.SaveAttachmentAsync("c-1", "att-9", target, false, null, CallContext.None));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task AFailedDownloadLeavesNoFileAndAnExistingOneIsKeptWithoutForce()
    {
        server.Api = (seen, i, ctx) => seen.Path.EndsWith("/content")
            ? ScriptedServer.Problem(ctx, 404, "gone")
            : ScriptedServer.Json(ctx, 200, Uploaded);
        using var client = await GatewayAsync();
        var target = Path.Combine(folder, "saved.bin");
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.SaveAttachmentAsync("c-1", "att-9", target, false, null, CallContext.None));
        Assert.Equal(ChatErrorKind.NotFound, e.Kind);
        Assert.Empty(Directory.GetFiles(folder));

        System.IO.File.WriteAllText(target, "keep");
        int before = server.ApiRequests.Count;
        var refused = await Assert.ThrowsAsync<ChatApiException>(() => client.SaveAttachmentAsync("c-1", "att-9", target, false, null, CallContext.None));
        Assert.Contains("'Destination'", refused.Message);
        Assert.Equal(before, server.ApiRequests.Count);
        Assert.Equal("keep", System.IO.File.ReadAllText(target));
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", ".._.._etc_passwd")]
    [InlineData("a\\b:c", "a_b:c")]
    [InlineData("..", "att-9")]
    [InlineData("", "att-9")]
    [InlineData(null, "att-9")]
    public void AFolderTargetTakesTheServersNameAsOneSafeName(string given, string expected)
    {
        var name = AttachmentFiles.SafeName(given, "att-9");
        Assert.Equal(OperatingSystem.IsWindows() ? expected.Replace(':', '_') : expected, name);
        Assert.Equal(Path.Combine(folder, name), AttachmentFiles.TargetOf(folder, given, "att-9"));
    }

    [Fact]
    public async Task OnAV2SessionAttachmentsFailBeforeAnyCall()
    {
        using var client = await server.ConnectAsync();
        int before = server.ApiRequests.Count;
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetAttachmentAsync("c-1", "att-9", CallContext.None));
        Assert.Contains("Chat Gateway only", e.Message);
        Assert.Equal(before, server.ApiRequests.Count);
    }
}
