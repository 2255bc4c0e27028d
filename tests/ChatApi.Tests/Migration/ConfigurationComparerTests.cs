using ChatApi.Engine.Configuration;

namespace ChatApi.Tests.Migration;

/// <summary>The comparer plans no write to a webhook the target API cannot change (issue 19).</summary>
public sealed class ConfigurationComparerTests
{
    private static ChatConfiguration V2Document() => new()
    {
        Api = "V2", Region = "us", TenantId = "acme",
        Webhooks = { new ConfigurationWebhook { Key = "a", Name = "a", Uri = "https://a.example/in", Version = "v2.0" } },
        Channels = { new ConfigurationChannel { Name = "web", Webhook = "a", QueueId = "7" } },
    };

    [Fact]
    public void AGatewayThatListsTheV2WebhookGetsANewGatewayWebhookAndTheChannelMovesNotAnUpdateOfTheV2One()
    {
        // One configuration seen through both APIs: the Gateway lists the v2.0 webhook 53 the document came from.
        var webhooks = new List<Webhook> { new() { Id = "53", Name = "a", Uri = "https://a.example/in", Version = "v2.0" } };
        var channels = new List<Channel> { new() { Id = "9", Name = "web", WebhookId = "53", QueueId = "7" } };
        var plan = ConfigurationComparer.Compare(V2Document(), "Gateway", null, webhooks, channels, includeRemovals: true);
        var changes = plan.Changes.Select(p => p.Change).ToList();
        Assert.DoesNotContain(changes, c => c.Kind == ConfigurationItemKind.Webhook && c.Id == "53");
        var create = Assert.Single(changes, c => c.Kind == ConfigurationItemKind.Webhook);
        Assert.Equal(ConfigurationAction.Create, create.Action);
        Assert.Contains("Version=Chat Gateway v1.0", create.Desired);
        var move = Assert.Single(changes, c => c.Kind == ConfigurationItemKind.Channel);
        Assert.Equal((ConfigurationAction.Update, "Webhook"), (move.Action, move.Fields));
    }

    [Fact]
    public void AGatewayThatListsOnlyItsOwnWebhooksPlansTheSame()
    {
        var channels = new List<Channel> { new() { Id = "9", Name = "web", WebhookId = "53", QueueId = "7" } };
        var changes = ConfigurationComparer.Compare(V2Document(), "Gateway", null, new List<Webhook>(), channels, includeRemovals: true)
            .Changes.Select(p => p.Change).ToList();
        Assert.Equal(new[] { (ConfigurationAction.Create, ConfigurationItemKind.Webhook), (ConfigurationAction.Update, ConfigurationItemKind.Channel) },
            changes.Select(c => (c.Action, c.Kind)));
    }
}
