using System.Text.Json;
using ChatApi.Engine;
using ChatApi.Engine.Wire;
using ChatApi.Engine.Wire.V2;

namespace ChatApi.Tests.Client;

/// <summary>
/// Issue 12's client side, against a scripted server: what the channel list sends for -Filter/-Sort/-Name,
/// what a refused query and a missing scope become, and the wildcard rules of -Name.
/// </summary>
public sealed class QueryAndScopeTests : IAsyncLifetime
{
    private ScriptedServer server;

    public async Task InitializeAsync() => server = await ScriptedServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private const string EmptyPage = "{\"data\":[],\"page\":{\"pageIndex\":0,\"pageSize\":100,\"elementCount\":0,\"pageCount\":0}}";

    [Theory]
    [InlineData("Sales*", "Sales-1", true)]
    [InlineData("sales*", "SALES-1", true)]
    [InlineData("Sales-?", "Sales-12", false)]
    [InlineData("Sales-[12]", "Sales-2", true)]
    [InlineData("Sales-[12]", "Sales-3", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("a,b (x)", "a,b (x)", true)]
    public void ANamePatternMatchesLikePowerShell(string pattern, string name, bool expected) =>
        Assert.Equal(expected, new NamePattern(pattern).Matches(name));

    [Theory]
    [InlineData("Sales*", "name==\"Sales*\"")]
    [InlineData("Sales-?", "name==\"Sales-*\"")]
    [InlineData("[ab]*x", "name==\"*x\"")]
    [InlineData("a,b (x)", "name==\"a,b (x)\"")]
    [InlineData("say \"hi\"", "name=='say \"hi\"'")]
    public void ANamePatternBecomesTheWidestFiqlComparison(string pattern, string fiql) =>
        Assert.Equal(fiql, new NamePattern(pattern).ToFiql("name"));

    [Fact]
    public void ANameWithBothQuotesIsMatchedHereOnly()
    {
        var query = new ChannelQuery { Name = new NamePattern("it's \"x\"") };
        Assert.Null(query.ServerFilter);
        Assert.NotNull(query.Where);
    }

    [Fact]
    public void AnUnclosedBracketIsRefusedNamingName()
    {
        var e = Assert.Throws<ChatApiException>(() => new NamePattern("Sales[1"));
        Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("'Name'", e.Message);
    }

    [Fact]
    public async Task FilterSortAndNameGoToTheServersParameters()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, EmptyPage);
        using var client = await server.ConnectAsync();
        var query = new ChannelQuery { Filter = "webHookId==1,webHookId==2", Sort = "name,desc", Name = new NamePattern("Sales*") };

        await client.QueryChannelsAsync(query, null, 0, _ => { }, CallContext.None);

        var seen = Assert.Single(server.ApiRequests);
        var parameters = System.Web.HttpUtility.ParseQueryString(seen.Query);
        Assert.Equal("(webHookId==1,webHookId==2);name==\"Sales*\"", parameters["filter"]);
        Assert.Equal("name,desc", parameters["sort"]);
    }

    [Fact]
    public async Task APlainListSendsNeitherFilterNorSortAndReadsNoWebhooks()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200, EmptyPage);
        using var client = await server.ConnectAsync();

        await client.ListChannelsAsync(null, null, 0, _ => { }, CallContext.None);

        var seen = Assert.Single(server.ApiRequests);
        Assert.DoesNotContain("filter", seen.Query);
        Assert.DoesNotContain("sort", seen.Query);
        Assert.EndsWith("/channels", seen.Path);
    }

    [Fact]
    public async Task TheNameIsCheckedHereEvenWhenTheServerIgnoresTheFilter()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 200,
            "{\"data\":[{\"id\":\"1\",\"name\":\"Sales-1\"},{\"id\":\"2\",\"name\":\"Sales-12\"},{\"id\":\"3\",\"name\":\"Support\"}],\"page\":{\"pageIndex\":0,\"pageCount\":1,\"elementCount\":3}}");
        using var client = await server.ConnectAsync();
        var names = new List<string>();

        await client.QueryChannelsAsync(new ChannelQuery { Name = new NamePattern("sales-?") }, null, 0, c => names.Add(c.Name), CallContext.None);

        Assert.Equal(new[] { "Sales-1" }, names);
    }

    [Theory]
    [InlineData("filter: expected == or != after 'name' at position 5 of 'name=gt=3'", "Filter")]
    [InlineData("sort: unknown field 'colour'; the fields are id, name", "Sort")]
    public async Task ARefusedQueryNamesTheParameter(string said, string parameter)
    {
        server.Api = (_, _, ctx) => ScriptedServer.Json(ctx, 400, JsonSerializer.Serialize(new { message = "Constraint Violation", errors = new[] { said } }), "application/problem+json");
        using var client = await server.ConnectAsync();
        var query = new ChannelQuery { Filter = "name=gt=3", Sort = "colour" };

        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.QueryChannelsAsync(query, null, 0, _ => { }, CallContext.None));

        Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind);
        Assert.StartsWith($"Parameter '{parameter}'", e.Message);
        Assert.Contains(said, e.Message);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task AMissingScopeNamesItAndWhereToGrantIt()
    {
        // 8x8's 403 shape ({message, errors[]}) with words that do not name the scope: the client knows it per operation.
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, 403, "Access denied", "The access token does not allow this operation.");
        using var client = await server.ConnectAsync();

        var list = await Assert.ThrowsAsync<ChatApiException>(() => client.ListChannelsAsync(null, null, 0, _ => { }, CallContext.None));
        var create = await Assert.ThrowsAsync<ChatApiException>(() => client.CreateWebhookAsync("n", "https://e.example/h", "v2.0", CallContext.None));
        var verify = await Assert.ThrowsAsync<ChatApiException>(() => client.VerifyWebhookAsync("https://e.example/h", "v2.0", CallContext.None));

        Assert.Equal(ChatErrorKind.Forbidden, list.Kind);
        Assert.Equal("ChatApi.Forbidden", list.ErrorId);
        Assert.Contains("vcc-chat.channels.read", list.Message);
        Assert.Contains("vcc-chat.webhooks.write", create.Message);
        Assert.Contains("vcc-chat.webhooks.read", verify.Message);
        foreach (var e in new[] { list, create, verify })
        {
            Assert.Contains("8x8 Admin Console", e.Message);
            Assert.Contains("VCC Chat API", e.Message);
        }
    }

    [Fact]
    public async Task TheScopeTheServerNamesWins()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, 403, "Insufficient scope", "Missing scope: vcc-chat.conversations.write");
        using var client = await server.ConnectAsync();
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetChannelAsync("5", CallContext.None));
        Assert.Contains("vcc-chat.conversations.write", e.Message);
        Assert.DoesNotContain("vcc-chat.channels.read", e.Message);
    }

    [Fact]
    public async Task TheWrongRegionIsNotCalledAScope()
    {
        server.Api = (_, _, ctx) => ScriptedServer.Problem(ctx, 403, "The tenant does not belong to customer.");
        using var client = await server.ConnectAsync();
        var e = await Assert.ThrowsAsync<ChatApiException>(() => client.GetChannelAsync("5", CallContext.None));
        Assert.DoesNotContain("scope", e.Message);
        Assert.Contains("The tenant does not belong to customer", e.Message);
    }

    [Fact]
    public void AMessageCarriesItsTimeWhenTheServerGivesOne()
    {
        static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
        var contract = V2Wire.Instance.Conversations;
        var messages = contract.ReadMessages(Json(
            "{\"messages\":[{\"originalText\":\"a\",\"createdAt\":\"2021-01-30T08:30:00Z\"},{\"originalText\":\"b\",\"timestamp\":1700000000000},{\"originalText\":\"c\"}]}"), "9").ToList();
        Assert.Equal(DateTimeOffset.Parse("2021-01-30T08:30:00Z"), messages[0].Time);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), messages[1].Time);
        Assert.Null(messages[2].Time);
    }

    [Fact]
    public void TheMigrationPlanGivesEveryChannelItsWebhooksVersion()
    {
        var channels = new[]
        {
            new Channel { Id = "1", WebhookId = "a" }, new Channel { Id = "2", WebhookId = "b" }, new Channel { Id = "3", WebhookId = "gone" },
        };
        var webhooks = new[] { new Webhook { Id = "a", Version = "v1.0", Uri = "https://x.example" }, new Webhook { Id = "b", Version = "v2.0", Uri = "https://y.example" } };

        ChatApi.Engine.Migration.MigrationPlanner.Plan(new[] { "1" }, channels, webhooks, null);

        Assert.Equal(new[] { "v1.0", "v2.0", null }, channels.Select(c => c.WebhookVersion));
    }

    [Fact]
    public void TheV2WireKnowsEachOperationsScope()
    {
        IScopedWire wire = V2Wire.Instance;
        const string t = "vcc/us/chat/v2/tenant/acme";
        Assert.Equal("vcc-chat.webhooks.read", wire.ScopeOf("GET", $"{t}/web-hooks"));
        Assert.Equal("vcc-chat.webhooks.read", wire.ScopeOf("POST", $"{t}/web-hooks/verify"));
        Assert.Equal("vcc-chat.webhooks.write", wire.ScopeOf("PUT", $"{t}/web-hooks/4"));
        Assert.Equal("vcc-chat.channels.write", wire.ScopeOf("DELETE", $"{t}/channels/4"));
        Assert.Equal("vcc-chat.conversations.write", wire.ScopeOf("POST", $"{t}/conversations/4/messages"));
        Assert.Equal("vcc-chat.conversations.read", wire.ScopeOf("GET", $"{t}/conversations/4/participants"));
        Assert.Null(wire.ScopeOf("GET", "vcc/us/chat/v2/jwk/k/public"));
    }
}
