using System.Text.Json;
using ChatApi.Engine;
using ChatApi.Engine.Wire;
using ChatApi.Engine.Wire.Gateway;
using ChatApi.Engine.Wire.V2;

namespace ChatApi.Tests.Client;

/// <summary>The Chat Gateway's conversation contract: the bodies it writes and the answers it reads, per 8x8's description.</summary>
public sealed class GatewayConversationWireTests
{
    private static readonly ApiScope Scope = new(ChatValues.ApiGateway, null, "acme");
    private static readonly IConversationContract Contract = GatewayWire.Instance.Conversations;
    private static readonly IConversationControl Control = GatewayWire.Instance.ConversationControl;

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void ACreateSendsTheUserFieldsByNameTheRestAsAdditionalPropertiesAndTheAssignment()
    {
        var request = new ConversationRequest { ChannelId = "25" }.Assign(null, "s-9");
        request.Customer.Set(CustomerData.Name, "Jo").Set(CustomerData.Phone, "+1555").Set(CustomerData.IpAddress, "10.0.0.1").Set("plan", "gold").Set("tier", "2");
        request.History.Add(new HistoryMessage("Hi", ChatValues.Bot));
        var body = Json(Contract.Create(request));
        Assert.Equal(new[] { "assignment", "channelId", "history", "user" }, Names(body));
        var user = body.GetProperty("user");
        Assert.Equal(new[] { "additionalProperties", "ipaddress", "name", "phone" }, Names(user));
        Assert.Equal(new[] { ("plan", "gold"), ("tier", "2") },
            user.GetProperty("additionalProperties").EnumerateArray().Select(p => (p.GetProperty("key").GetString(), p.GetProperty("value").GetString())));
        Assert.Equal(("script", "s-9"), (body.GetProperty("assignment").GetProperty("type").GetString(), body.GetProperty("assignment").GetProperty("id").GetString()));
        var history = body.GetProperty("history").GetProperty("messages")[0];
        Assert.Equal(new[] { "authorType", "text" }, Names(history));
        Assert.Equal("bot", history.GetProperty("authorType").GetString());
    }

    [Fact]
    public void AConversationIsReadWithItsStateAssignmentAndFreePropertiesFlattened()
    {
        var c = Contract.Read(Json("{\"id\":\"125\",\"channelId\":\"25\",\"state\":\"active\",\"assignment\":{\"type\":\"queue\",\"id\":\"50\"}," +
            "\"user\":{\"name\":\"Jo\",\"email\":\"jo@example.com\",\"additionalProperties\":[{\"key\":\"plan\",\"value\":\"gold\"},{\"value\":\"no key\"}]}}"), Scope);
        Assert.Equal(("125", "active", "queue 50", "Jo", "jo@example.com", "gold", "Gateway", "acme"),
            (c.Id, c.State, c.Assignment, c.CustomerName, c.Email, c.Customer["plan"], c.Api, c.TenantId));
        Assert.Null(c.Status);
        Assert.False(c.Customer.ContainsKey("additionalProperties"));
        Assert.Equal(3, c.Customer.Count);
        Assert.Equal(("9", "created"), (Contract.ReadCreated(Json("{\"conversationId\":\"9\",\"createdAt\":\"2021-01-30T08:30:00Z\"}")).Id, Contract.ReadCreated(Json("{\"conversationId\":\"9\"}")).State));
    }

    [Fact]
    public void TheListFilterIsFiqlAndedWithTheUsersFilterAndTheOrderIsASort()
    {
        var filter = new ConversationFilter { ChannelId = "25", Email = "jo\"s@example.com", Filter = "state==active,state==created", Order = "desc" };
        filter.Customer["caseId"] = "C-1";
        var query = Contract.Filters(filter).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("channelId==\"25\";user.email=='jo\"s@example.com';user.caseId==\"C-1\";(state==active,state==created)", query["filter"]);
        Assert.Equal("createdAt:desc", query["sort"]);
        Assert.Empty(Contract.Filters(new ConversationFilter()));
    }

    [Theory]
    [InlineData("Status")]
    [InlineData("Order")]
    [InlineData("Email")]
    public void FiltersTheGatewayCannotSayAreRefusedNamingTheParameter(string parameter)
    {
        var filter = parameter switch
        {
            "Status" => new ConversationFilter { Status = "pending" },
            "Order" => new ConversationFilter { Order = "asc", Sort = "createdAt:asc" },
            _ => new ConversationFilter { Email = "both'\"quotes" },
        };
        var e = Assert.Throws<ChatApiException>(() => Contract.Filters(filter).ToList());
        Assert.Equal(ChatErrorKind.InvalidArgument, e.Kind);
        Assert.Contains($"'{parameter}'", e.Message);
    }

    [Fact]
    public void TheCreateCheckFiltersByChannelAndNameOnly()
    {
        var request = new ConversationRequest { ChannelId = "25" };
        request.Customer.Set(CustomerData.Name, "Jo").Set(CustomerData.Phone, "+1555").Set("plan", "gold");
        var filter = Contract.FindCreated(request);
        Assert.Equal(("25", "name", "Jo"), (filter.ChannelId, filter.Customer.Single().Key, filter.Customer.Single().Value));
        Assert.Equal(3, V2Wire.Instance.Conversations.FindCreated(request).Customer.Count);
    }

    [Fact]
    public void TheLimitIs30FreePropertiesOnTheGatewayAnd30InAllOnV2()
    {
        var request = new ConversationRequest { ChannelId = "1" };
        foreach (var field in CustomerData.UserFields) request.Customer.Set(field, "x");
        for (int i = 0; i < 30; i++) request.Customer.Set("k" + i, "v");
        Assert.Null(Contract.Check(request));
        Assert.Equal("Property", V2Wire.Instance.Conversations.Check(request)?.Parameter);
        request.Customer.Set("k30", "v");
        Assert.Equal("Property", Contract.Check(request)?.Parameter);
        Assert.Equal("QueueId", V2Wire.Instance.Conversations.Check(new ConversationRequest { ChannelId = "1" }.Assign("7", null))?.Parameter);
    }

    [Fact]
    public void MessagesAndParticipantsAreReadFromHalPages()
    {
        var page = Json("{\"_embedded\":{\"messages\":[{\"id\":\"m1\",\"text\":\"Hi\",\"createdAt\":\"2021-01-30T08:30:00Z\",\"author\":{\"id\":\"ag-1\",\"type\":\"agent\",\"removed\":false}," +
            "\"cards\":[{\"id\":\"c1\"},{\"id\":\"c2\"}]}]},\"page\":{\"size\":20,\"number\":0,\"totalElements\":1,\"totalPages\":1}}");
        var m = Contract.ReadMessages(page, "125").Single();
        Assert.Equal(("125", "m1", "Hi", "agent", "ag-1", 2), (m.ConversationId, m.MessageId, m.OriginalText, m.AuthorType, m.ParticipantId, m.CardCount));
        Assert.Equal(DateTimeOffset.Parse("2021-01-30T08:30:00Z"), m.Time);
        var p = Contract.ReadParticipants(Json("{\"_embedded\":{\"participants\":[{\"id\":\"cu-1\",\"type\":\"user\",\"removed\":true,\"language\":\"en\"}]}}"), "125").Single();
        Assert.Equal(("cu-1", "user", true, "en"), (p.Id, p.Type, p.Removed, p.Language));
        Assert.True(Contract.PagedLists);
        Assert.False(V2Wire.Instance.Conversations.PagedLists);
    }

    [Fact]
    public void AMessageCarriesItsCardsContentAsItIsAndNoEmptyText()
    {
        var message = new MessageRequest { AuthorType = ChatValues.Bot };
        message.Cards.Add(CardContent.From("{\"type\":\"AdaptiveCard\",\"version\":\"1.6\"}"));
        message.Cards.Add(CardContent.From("{\"contentType\":\"Buttons\",\"content\":{\"b\":[1,2]}}"));
        var body = Json(Contract.Message(message));
        Assert.Equal(new[] { "authorType", "cards" }, Names(body));
        var cards = body.GetProperty("cards");
        Assert.Equal((ChatValues.AdaptiveCard, "1.6"), (cards[0].GetProperty("contentType").GetString(), cards[0].GetProperty("content").GetProperty("version").GetString()));
        Assert.Equal(("Buttons", 2), (cards[1].GetProperty("contentType").GetString(), cards[1].GetProperty("content").GetProperty("b").GetArrayLength()));
        Assert.Contains("'Card'", Assert.Throws<ChatApiException>(() => CardContent.From("{\"contentType\":\"text/html\",\"content\":{}}")).Message);
        Assert.Contains("'Card'", Assert.Throws<ChatApiException>(() => CardContent.From("[1]")).Message);
    }

    [Fact]
    public void IndicatorsSendOnlyTheirFieldsAndTheReadTimeInEpochMilliseconds()
    {
        Assert.Equal("{\"authorType\":\"bot\"}", Control.Activity(new ActivityRequest(ChatValues.Thinking, null)));
        Assert.Equal("{\"authorType\":\"bot\",\"maxThinkingTimeSeconds\":90}", Control.Activity(new ActivityRequest(ChatValues.Thinking, "bot") { MaxThinkingSeconds = 90 }));
        Assert.Equal("{\"authorType\":\"user\",\"readAt\":1770200431963}",
            Control.Activity(new ActivityRequest(ChatValues.ReadReceipt, null) { ReadAt = DateTimeOffset.FromUnixTimeMilliseconds(1770200431963) }));
        Assert.Equal("{\"authorType\":\"user\"}", Control.Activity(new ActivityRequest(ChatValues.Typing, null) { MaxThinkingSeconds = 5 }));
        Assert.Equal("MaxThinkingTime", new ActivityRequest(ChatValues.Thinking, null) { MaxThinkingSeconds = 0 }.Check()?.Parameter);
        Assert.Equal("AuthorType", new ActivityRequest(ChatValues.Thinking, ChatValues.User).Check()?.Parameter);
    }

    [Fact]
    public void APostAgentAssignmentNamesTheWebhookAndSendsAConfigurationOnlyWhenGiven()
    {
        Assert.Equal("{\"type\":\"webhook\",\"id\":\"12\"}", Control.PostAgent(new PostAgentAssignment { WebhookId = "12" }));
        var body = Json(Control.PostAgent(new PostAgentAssignment { WebhookId = "12", NotifyChannelWebhook = false, UserTimeoutMinutes = 30 }));
        Assert.Equal(new[] { "notifyChannelWebhookIfExists", "userTimeoutInMinutes" }, Names(body.GetProperty("configuration")));
        Assert.Equal("false", body.GetProperty("configuration").GetProperty("notifyChannelWebhookIfExists").GetString());
        Assert.Equal("MaxTotalMinutes", new PostAgentAssignment { WebhookId = "12", MaxTotalMinutes = 19 }.Check()?.Parameter);
    }

    [Fact]
    public void PatchSendsOnlyWhatChangesAndPutTheWholeConversation()
    {
        Assert.Equal("{\"assignment\":{\"type\":\"queue\",\"id\":\"77\"}}", Control.Change(new ConversationRequest().Assign("77", null)));
        var change = new ConversationRequest();
        change.Customer.Set(CustomerData.Phone, "+1");
        var patch = Json(Control.Change(change));
        Assert.Equal(new[] { "user" }, Names(patch));
        Assert.Equal("+1", patch.GetProperty("user").GetProperty("phone").GetString());
        Assert.Equal(new[] { "channelId", "user" }, Names(Json(Control.Replace(new ConversationRequest { ChannelId = "25" }))));
        Assert.Equal("api/v1/tenant/acme/conversations/125/cards/c%201/action-submit", Control.CardActionPath("acme", "125", Uri.EscapeDataString("c 1"), ChatValues.Submit));
    }

    [Fact]
    public void PlainValuesAreWrittenAsJson()
    {
        var value = new Dictionary<string, object> { ["name"] = "8x8", ["n"] = 3, ["ok"] = true, ["list"] = new List<object> { 1.5, null, "x" } };
        Assert.Equal("{\"name\":\"8x8\",\"n\":3,\"ok\":true,\"list\":[1.5,null,\"x\"]}", JsonInput.Write(value, "Data"));
        Assert.Equal("{\"a\":1}", JsonInput.Write("{\"a\":1}", "Data"));
        Assert.Contains("'Data'", Assert.Throws<ChatApiException>(() => JsonInput.Write(new List<object> { double.NaN }, "Data")).Message);
    }
}
