using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatApi.Emulator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApi.Emulator.Tests;

/// <summary>The emulator checks every API call against 8x8's descriptions (contracts/): requests and its own answers.</summary>
public class ContractCheckTests
{
    private static async Task<JsonArray> ViolationsAsync(TestEmulator emu) =>
        JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/contract-violations"))!.AsArray();

    [Fact]
    public async Task AWrongAnswerOfTheEmulatorIsListedAndFailsTheFixture()
    {
        // A stand-in for an emulator bug: the Gateway's webhook list answered with a number for its items.
        var emu = await TestEmulator.StartAsync(extend: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/chat-gateway/v1/webhooks" && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.ContentType = "application/hal+json";
                await context.Response.WriteAsync("""{"_embedded":{"webhooks":7}}""");
                return;
            }
            await next(context);
        }));
        using (var answer = await emu.GatewayAsync(HttpMethod.Get, "webhooks")) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var seen = Assert.Single(await ViolationsAsync(emu));
        Assert.Equal("GET /chat-gateway/v1/webhooks", seen!["operation"]!.GetValue<string>());
        Assert.Equal("answer", seen["side"]!.GetValue<string>());
        Assert.Equal("/body/_embedded/webhooks", seen["pointer"]!.GetValue<string>());
        Assert.StartsWith("type:", seen["rule"]!.GetValue<string>());
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(async () => await emu.DisposeAsync());
        Assert.Contains("GET /chat-gateway/v1/webhooks answer /body/_embedded/webhooks", failed.Message);
    }

    [Fact]
    public async Task AWrongRequestIs400NamingTheFieldIsListedAndFailsTheFixture()
    {
        var emu = await TestEmulator.StartAsync();
        using var answer = await emu.PostAsync($"{emu.TenantPath}/web-hooks", """{"name":7,"uri":"https://127.0.0.1:9/h","version":"v2.0"}""");

        Assert.Equal(["name"], await Json.ViolationFieldsAsync(answer));
        var seen = Assert.Single(await ViolationsAsync(emu));
        Assert.Equal("POST /vcc/{region}/chat/v2/tenant/{tenant-id}/web-hooks", seen!["operation"]!.GetValue<string>());
        Assert.Equal("request", seen["side"]!.GetValue<string>());
        Assert.Equal("/body/name", seen["pointer"]!.GetValue<string>());
        Assert.Equal(0, (await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/web-hooks")))["page"]!["elementCount"]!.GetValue<int>());
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(async () => await emu.DisposeAsync());
        Assert.Contains("request /body/name: type:", failed.Message);
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json, application/problem+json", HttpStatusCode.NotAcceptable)]
    [InlineData("application/hal+json", HttpStatusCode.OK)]
    [InlineData("application/hal+json;q=0, application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("application/*", HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    public async Task AnAcceptThatAdmitsNoneOfTheGatewaysAnswerTypesIs406(string accept, HttpStatusCode expected)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var answer = await emu.GatewayAsync(HttpMethod.Get, "webhooks", headers: new Dictionary<string, string> { ["Accept"] = accept });
        Assert.Equal(expected, answer.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/hal+json", answer.Content.Headers.ContentType!.MediaType);
            return;
        }
        Assert.Equal(["/header/Accept"], await emu.TakeBrokenRequestsAsync());
    }

    [Fact]
    public async Task V2AnswersJsonSoItsOldAcceptStillWorks()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var answer = await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks",
            headers: new Dictionary<string, string> { ["Accept"] = "application/json, application/problem+json" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task ABodyInATypeTheOperationDoesNotTakeIs415(string type)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat-gateway/v1/webhooks")
        {
            Content = new StringContent("""{"name":"n","uri":"https://127.0.0.1:9/h","version":"Chat Gateway v1.0"}""", Encoding.UTF8, type),
        };
        request.Headers.Add("x-api-key", TestEmulator.GatewayKey);
        using var answer = await emu.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal(["/header/Content-Type"], await emu.TakeBrokenRequestsAsync());
        using var list = await emu.GatewayAsync(HttpMethod.Get, "webhooks?size=100");
        Assert.DoesNotContain("\"name\":\"n\"", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TestOnlyEndpointsAreOutsideTheCheck()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_receiver/anything") { Content = new StringContent("not json", Encoding.UTF8, "text/plain") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var answer = await emu.Http.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Empty(await ViolationsAsync(emu));
    }

    [Fact]
    public async Task TokenErrorsAreProblemJsonAsTheDescriptionDeclares()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var wrong = await emu.RequestTokenAsync(secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        using var noToken = await emu.SendAsync(HttpMethod.Get, $"{emu.TenantPath}/web-hooks", token: "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await ViolationsAsync(emu));
    }

    [Fact]
    public async Task InteractionsTimesAreDaysAsBothDescriptionsTypeThem()
    {
        await using var emu = await TestEmulator.StartAsync();
        var hook = await emu.CreateWebhookAsync(uri: new Uri(emu.BaseUri, "/_receiver/days").ToString());
        var id = await emu.CreateConversationAsync((await emu.CreateChannelAsync(hook.Str("id"))).Str("id"));
        var conversation = await Json.ObjectAsync(await emu.GetAsync($"{emu.TenantPath}/conversations/{id}"));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", conversation["interactions"]![0]!.Str("startTime"));
        using var gateway = await emu.GatewayAsync(HttpMethod.Get, $"conversations/{id}/interactions");
        var listed = JsonNode.Parse(await gateway.Content.ReadAsStringAsync())!["_embedded"]!["interactions"]![0]!;
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", listed.Str("startTime"));
    }
}
