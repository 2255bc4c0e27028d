using ChatApi.Engine;
using ChatApi.Engine.Migration;

namespace ChatApi.Tests.Migration;

/// <summary>The one planner with a target version and a URI map: V2 to the Chat Gateway.</summary>
public sealed class GatewayPlannerTests
{
    private const string Gateway = "Chat Gateway v1.0";

    private static Webhook Hook(string id, string uri, string version) => new() { Id = id, Name = "hook " + id, Uri = uri, Version = version };
    private static Channel Chan(string id, string webhookId) => new() { Id = id, Name = "ch" + id, WebhookId = webhookId, QueueId = "q" };

    private static (List<Channel>, List<Webhook>) Tenant() =>
        (new List<Channel> { Chan("10", "1"), Chan("11", "2"), Chan("12", "3"), Chan("13", "4") },
         new List<Webhook>
         {
             Hook("1", "https://a.example/in", "v2.0"), Hook("2", "https://b.example/in", "v2.0"),
             Hook("3", "https://c.example/in", "v1.0"), Hook("4", "https://d.example/gw", Gateway),
             Hook("5", "https://new.example/all", Gateway),
         });

    private static MigrationOptions ToGateway(Dictionary<string, string> map = null) => new() { TargetVersion = Gateway, UriMap = map };

    [Fact]
    public void OlderVersionsMoveAndTheTargetVersionIsDone()
    {
        var (channels, hooks) = Tenant();
        var plan = MigrationPlanner.Plan(null, channels, hooks, ToGateway());
        Assert.Equal(new[] { "10", "11", "12" }, plan.Groups.SelectMany(g => g.Channels).Select(c => c.Id));
        Assert.Equal("13", Assert.Single(plan.AlreadyOnV2).Key.Id);
        Assert.Contains(plan.ToSteps(), s => s.Action == "VerifyUri" && s.Reason.Contains("Chat Gateway v1.0 WEB_HOOK_VERIFY"));
    }

    [Fact]
    public void TheMapPicksTheTargetUriAndUrisMappedTogetherShareOneWebhookReusedWhenItExists()
    {
        var (channels, hooks) = Tenant();
        var map = new Dictionary<string, string> { ["https://a.example/in"] = "https://new.example/all", ["https://B.example/in"] = "https://new.example/all" };
        var plan = MigrationPlanner.Plan(null, channels, hooks, ToGateway(map));
        Assert.Equal(2, plan.Groups.Count);
        var shared = plan.Groups.Single(g => g.Uri == "https://new.example/all");
        Assert.Equal(new[] { "10", "11" }, shared.Channels.Select(c => c.Id));
        Assert.Equal("5", shared.Target?.Id);
        var kept = plan.Groups.Single(g => g.Uri == "https://c.example/in");
        Assert.Null(kept.Target);
        Assert.Equal(new[] { "12" }, kept.Channels.Select(c => c.Id));
    }

    [Fact]
    public void TheV2TargetIsUnchangedByDefault()
    {
        var (channels, hooks) = Tenant();
        var plan = MigrationPlanner.Plan(null, channels, hooks, new MigrationOptions());
        Assert.Equal("12", Assert.Single(plan.Groups).Channels.Single().Id);
        Assert.Equal(3, plan.AlreadyOnV2.Count);
    }

    [Theory]
    [InlineData(MigrationStrategy.InPlace, "Chat Gateway v1.0", false, "Strategy")]
    [InlineData(MigrationStrategy.InPlace, "v2.0", true, "UriMap")]
    [InlineData(MigrationStrategy.NewWebhook, "v3.0", false, "TargetVersion")]
    public void BadCombinationsNameTheParameter(MigrationStrategy strategy, string target, bool withMap, string parameter)
    {
        var options = new MigrationOptions
        {
            Strategy = strategy, TargetVersion = target,
            UriMap = withMap ? new Dictionary<string, string> { ["https://a.example/in"] = "https://n.example/" } : null,
        };
        var e = Assert.Throws<ChatApiException>(options.Validate);
        Assert.Contains($"'{parameter}'", e.Message);
    }

    [Fact]
    public void TheMapFingerprintHoldsNoUriAndTellsMapsApart()
    {
        var one = ToGateway(new Dictionary<string, string> { ["https://a.example/in?token=s3cret"] = "https://n.example/a" });
        var other = ToGateway(new Dictionary<string, string> { ["https://a.example/in?token=s3cret"] = "https://n.example/b" });
        Assert.DoesNotContain("s3cret", one.MapFingerprint());
        Assert.NotEqual(one.MapFingerprint(), other.MapFingerprint());
        Assert.Null(ToGateway().MapFingerprint());
    }

    /// <summary>A Gateway that lists only its own webhooks: channels 10 and 12 on the v2.0 webhook 1, 11 on 2, 13 on the Gateway's 4.</summary>
    private static (List<Channel>, List<Webhook>) GatewayOnlyTenant() =>
        (new List<Channel> { Chan("10", "1"), Chan("11", "2"), Chan("12", "1"), Chan("13", "4") },
         new List<Webhook> { Hook("4", "https://d.example/gw", Gateway), Hook("5", "https://new.example/all", Gateway) });

    [Fact]
    public void ChannelsOnAWebhookTheGatewayDoesNotListAreGroupedByItsIdWhenTheMapNamesIt()
    {
        var (channels, hooks) = GatewayOnlyTenant();
        var map = new Dictionary<string, string> { ["1"] = "https://new.example/a", ["2"] = "https://new.example/all" };
        var plan = MigrationPlanner.Plan(null, channels, hooks, ToGateway(map));
        var a = plan.Groups.Single(g => g.Uri == "https://new.example/a");
        Assert.Equal(new[] { "10", "12" }, a.Channels.Select(c => c.Id));
        Assert.Equal("1", Assert.Single(a.LegacyWebhooks).Id);
        Assert.Null(a.Target);
        var all = plan.Groups.Single(g => g.Uri == "https://new.example/all");
        Assert.Equal(("11", "5"), (Assert.Single(all.Channels).Id, all.Target?.Id));
        Assert.Equal("13", Assert.Single(plan.AlreadyOnV2).Key.Id);
        Assert.Empty(plan.Unplannable);
    }

    [Fact]
    public void WithoutItsIdInTheMapSuchAChannelIsNotPlannedAndItsStepSaysHowToGiveTheUri()
    {
        var (channels, hooks) = GatewayOnlyTenant();
        var plan = MigrationPlanner.Plan(null, channels, hooks, ToGateway(new Dictionary<string, string> { ["2"] = "https://new.example/all" }));
        Assert.Equal(new[] { "10", "12" }, plan.Unplannable.Select(p => p.Key.Id));
        var step = plan.ToSteps().First(s => s.ChannelId == "10");
        Assert.Equal(("None", "1"), (step.Action, step.FromWebhookId));
        Assert.Contains("-UriMap with the key '1'", step.Reason);
        Assert.Contains("-SourceSession", step.Reason);
        // On a V2 target a webhook that is not listed does not exist.
        var v2 = MigrationPlanner.Plan(null, new List<Channel> { Chan("10", "99") }, new List<Webhook>(), new MigrationOptions());
        Assert.Contains("does not exist", Assert.Single(v2.Unplannable).Value);
    }

    [Fact]
    public void AnIdKeyWinsOverTheUriAndTheStepKeepsAWebhookTheSessionCannotRemove()
    {
        var (channels, hooks) = Tenant();
        var map = new Dictionary<string, string> { ["1"] = "https://by-id.example/", ["https://a.example/in"] = "https://by-uri.example/" };
        var plan = MigrationPlanner.Plan(new[] { "10" }, channels, hooks, ToGateway(map));
        Assert.Equal("https://by-id.example/", Assert.Single(plan.Groups).Uri);

        var (only, gwHooks) = GatewayOnlyTenant();
        var options = ToGateway(new Dictionary<string, string> { ["1"] = "https://new.example/a" });
        options.RemoveLegacyWebhook = true;
        var removal = MigrationPlanner.Plan(new[] { "10", "12" }, only, gwHooks, options).ToSteps().Single(s => s.Action == "RemoveLegacyWebhook");
        Assert.StartsWith("kept: the session does not list this webhook", removal.Reason);
    }

    [Theory]
    [InlineData("53", true)]
    [InlineData("wh-53", true)]
    [InlineData("https://a.example/in", true)]
    [InlineData("not a uri", false)]
    [InlineData("ftp://a.example/in", false)]
    public void TheMapTakesOldUrisAndOldWebhookIdsAsKeys(string key, bool valid)
    {
        var options = ToGateway(new Dictionary<string, string> { [key] = "https://n.example/" });
        if (valid) options.Validate();
        else Assert.Contains("'UriMap'", Assert.Throws<ChatApiException>(options.Validate).Message);
    }
}
