using ChatApi.Engine;
using ChatApi.Engine.Migration;

namespace ChatApi.Tests.Migration;

public sealed class MigrationPlannerTests
{
    private static Webhook Hook(string id, string uri, string version = "v1.0") => new() { Id = id, Name = "hook " + id, Uri = uri, Version = version };
    private static Channel Chan(string id, string webhookId) => new() { Id = id, Name = "ch" + id, WebhookId = webhookId, QueueId = "q" };

    private static (List<Channel>, List<Webhook>) Tenant()
    {
        var hooks = new List<Webhook>
        {
            Hook("1", "https://a.example/in"), Hook("2", "https://a.example/in"), Hook("3", "https://a.example/in"),
            Hook("4", "https://b.example/in"), Hook("5", "https://b.example/in"),
            Hook("6", "https://c.example/v2", "v2.0"),
            Hook("7", "https://broken.example/x"),
        };
        var channels = new List<Channel> { Chan("10", "1"), Chan("11", "2"), Chan("12", "3"), Chan("13", "4"), Chan("14", "5"), Chan("15", "6"), Chan("16", "7") };
        return (channels, hooks);
    }

    [Fact]
    public void ChannelsWhoseLegacyWebhooksShareAUriShareOneNewWebhook()
    {
        var (channels, hooks) = Tenant();
        var plan = MigrationPlanner.Plan(null, channels, hooks, new MigrationOptions());
        Assert.Equal(3, plan.Groups.Count);
        Assert.Equal(new[] { "10", "11", "12" }, plan.Groups[0].Channels.Select(c => c.Id));
        Assert.Equal(new[] { "1", "2", "3" }, plan.Groups[0].LegacyWebhooks.Select(w => w.Id));
        Assert.All(plan.Groups, g => Assert.Null(g.Target));
        Assert.Single(plan.AlreadyOnV2);
        Assert.Equal("15", plan.AlreadyOnV2[0].Key.Id);
        Assert.Equal(6, plan.MigratableChannels);

        var steps = plan.ToSteps();
        Assert.Equal(3, steps.Count(s => s.Action == "VerifyUri"));
        Assert.Equal(3, steps.Count(s => s.Action == "CreateWebhook"));
        Assert.Equal(6, steps.Count(s => s.Action == "RepointChannel"));
        var none = Assert.Single(steps, s => s.Action == "None");
        Assert.Equal("15", none.ChannelId);
        Assert.Contains("already on the v2.0 webhook 6", none.Reason);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Step));
        // Verify comes before create, create before the moves, for each URI.
        var first = steps.TakeWhile(s => s.Uri == "https://a.example/in").Select(s => s.Action).Distinct().ToList();
        Assert.Equal(new[] { "VerifyUri", "CreateWebhook", "RepointChannel" }, first);
    }

    [Fact]
    public void AnExistingV2WebhookWithTheSameUriIsReused()
    {
        var (channels, hooks) = Tenant();
        hooks.Add(Hook("30", "HTTPS://A.EXAMPLE/in", "v2.0"));   // same URI, other case in scheme and host
        hooks.Add(Hook("20", "https://a.example/in", "v2.0"));
        var plan = MigrationPlanner.Plan(null, channels, hooks, new MigrationOptions());
        Assert.Equal("20", plan.Groups[0].Target.Id); // lowest id when several
        var steps = plan.ToSteps();
        var reuse = Assert.Single(steps, s => s.Action == "ReuseWebhook");
        Assert.Equal("20", reuse.ToWebhookId);
        Assert.All(steps.Where(s => s.Action == "RepointChannel" && s.Uri == "https://a.example/in"), s => Assert.Equal("20", s.ToWebhookId));

        // A journal's known target wins over the lowest id.
        var known = new Dictionary<string, string> { [MigrationPlanner.UriKey("https://a.example/in")] = "30" };
        Assert.Equal("30", MigrationPlanner.Plan(null, channels, hooks, new MigrationOptions(), known).Groups[0].Target.Id);
    }

    [Fact]
    public void ASelectionPlansOnlyItsChannelsAndNamesTheMissingOnes()
    {
        var (channels, hooks) = Tenant();
        channels.Add(Chan("17", "99")); // its webhook is gone
        var plan = MigrationPlanner.Plan(new[] { "10", "13", "15", "17", "404", "10" }, channels, hooks, new MigrationOptions { RemoveLegacyWebhook = true, SkipVerify = true });
        Assert.Equal(new[] { "10", "13", "15", "17" }, plan.Channels.Select(c => c.Id));
        Assert.Equal(new[] { "404" }, plan.Missing);
        Assert.Single(plan.Unplannable);
        var steps = plan.ToSteps();
        Assert.DoesNotContain(steps, s => s.Action == "VerifyUri");
        // Webhook 1's only channel is selected; webhook 4 too; the others of the URI are outside the selection.
        var removes = steps.Where(s => s.Action == "RemoveLegacyWebhook").ToList();
        Assert.Equal(new[] { "1", "4" }, removes.Select(s => s.FromWebhookId));
        Assert.Contains(steps, s => s.Action == "None" && s.ChannelId == "404" && s.Reason.Contains("does not exist"));
        Assert.Contains(steps, s => s.Action == "None" && s.ChannelId == "17" && s.Reason.Contains("webhook 99 does not exist"));
    }

    [Fact]
    public void InPlaceSwitchesEachLegacyWebhookAndSaysWhoElseItServes()
    {
        var (channels, hooks) = Tenant();
        channels.Add(Chan("18", "4"));
        var plan = MigrationPlanner.Plan(new[] { "13", "14" }, channels, hooks, new MigrationOptions { Strategy = MigrationStrategy.InPlace });
        var steps = plan.ToSteps();
        Assert.Equal(new[] { "VerifyUri", "UpdateWebhookInPlace", "UpdateWebhookInPlace" }, steps.Select(s => s.Action));
        Assert.Contains("18", steps[1].Reason);
        Assert.All(steps, s => Assert.Equal("InPlace", s.Strategy));
        Assert.All(plan.Groups, g => Assert.Null(g.Target));
    }

    [Fact]
    public void BadOptionsNameTheParameterAndTheRule()
    {
        var e = Assert.Throws<ChatApiException>(() => new MigrationOptions { Strategy = MigrationStrategy.InPlace, RemoveLegacyWebhook = true }.Validate());
        Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("'RemoveLegacyWebhook'", e.Message);
        e = Assert.Throws<ChatApiException>(() => new MigrationOptions { ThrottleLimit = 0 }.Validate());
        Assert.Contains("'ThrottleLimit'", e.Message);
    }

    [Fact]
    public void UriKeysAndSafeUrisHoldNoSecrets()
    {
        Assert.Equal(MigrationPlanner.UriKey("https://Host.example/a?x=1"), MigrationPlanner.UriKey("https://host.example/a?x=1"));
        Assert.NotEqual(MigrationPlanner.UriKey("https://host.example/a"), MigrationPlanner.UriKey("https://host.example/A"));
        Assert.DoesNotContain("s3cret", MigrationPlanner.UriKey("https://u:s3cret@host.example/a?token=s3cret"));
        var safe = MigrationPlanner.SafeUri("https://u:s3cret@host.example:8443/a?token=s3cret&x=1");
        Assert.Equal("https://host.example:8443/a?token=***&x=***", safe);
        Assert.True(MigrationPlanner.WebhookName("https://host.example/" + new string('a', 400)).Length <= 255);
    }
}
