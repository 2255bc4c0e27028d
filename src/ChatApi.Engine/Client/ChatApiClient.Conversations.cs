using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ChatApi.Engine.Http;
using ChatApi.Engine.Json;

namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        private string ConversationsPath => TenantPath("conversations");
        private string ConversationPath(string id) => $"{ConversationsPath}/{Segment(id, "ConversationId")}";

        public Task ListConversationsAsync(ConversationFilter filter, int? first, int skip, Action<Conversation> emit, CallContext ctx)
        {
            filter = filter ?? new ConversationFilter();
            if (filter.Status != null) ChatRules.Require("Status", ChatRules.ConversationStatuses.Contains(filter.Status) ? null : $"must be one of {string.Join(", ", ChatRules.ConversationStatuses)}");
            var query = new List<KeyValuePair<string, string>>();
            void Add(string name, string value) { if (!string.IsNullOrEmpty(value)) query.Add(new KeyValuePair<string, string>(name, value)); }
            Add("channel-id", filter.ChannelId);
            Add("status", filter.Status);
            Add("order", filter.Order);
            Add("userId", filter.UserId);
            Add("customer.email", filter.Email);
            foreach (var c in filter.Customer) Add("customer." + c.Key, c.Value);
            return ListPagesAsync(ConversationsPath, query, first, skip, e => ModelReader.Conversation(e, region, tenant), c => c.Id, emit, ctx, "Listing conversations");
        }

        public async Task<Conversation> GetConversationAsync(string id, CallContext ctx)
        {
            var request = new ApiRequest("GET", ConversationPath(id));
            var response = await SendCheckedAsync(request, ctx, $"Reading conversation {id}").ConfigureAwait(false);
            using (var doc = JsonRead.Parse(response.Body, "reading conversation " + id))
                return ModelReader.Conversation(doc.RootElement, region, tenant);
        }

        /// <summary>Creates a conversation (202 with its id); the answer is the new conversation as sent.</summary>
        public async Task<Conversation> CreateConversationAsync(ConversationRequest conversation, CallContext ctx)
        {
            ChatRules.Require("ChannelId", string.IsNullOrWhiteSpace(conversation.ChannelId) ? "must not be empty" : null);
            ChatRules.Require("Property", ChatRules.CheckCustomerPropertyCount(conversation.Customer.Count));
            ChatRules.Require("History", ChatRules.CheckHistoryCount(conversation.History.Count));
            var request = new ApiRequest("POST", ConversationsPath) { JsonBody = RequestBodies.Conversation(conversation) };
            var response = await SendCheckedAsync(request, ctx, $"Creating a conversation on channel {conversation.ChannelId}").ConfigureAwait(false);
            using (var doc = JsonRead.Parse(response.Body, "creating a conversation"))
            {
                var root = doc.RootElement;
                var created = new Conversation
                {
                    Id = JsonRead.Str(root, "conversationId", "id"),
                    ChannelId = conversation.ChannelId,
                    Created = JsonRead.Time(root, "timestamp"),
                    Status = "created",
                    Region = region,
                    TenantId = tenant,
                };
                foreach (var c in conversation.Customer) created.Customer[c.Key] = c.Value;
                created.CustomerName = Value(conversation.Customer, "name");
                created.Email = Value(conversation.Customer, "email");
                created.CustomerId = Value(conversation.Customer, "customerId");
                created.Company = Value(conversation.Customer, "company");
                created.CaseId = Value(conversation.Customer, "caseId");
                created.Language = Value(conversation.Customer, "language");
                created.StartTime = created.Created;
                if (string.IsNullOrEmpty(created.Id))
                    throw new ChatApiException(ChatErrorKind.InvalidResponse, "The server accepted the conversation but sent no conversationId.", response.StatusCode, "POST", request.Path);
                return created;
            }
        }

        public async Task<IReadOnlyList<Participant>> GetParticipantsAsync(string conversationId, CallContext ctx)
        {
            var request = new ApiRequest("GET", ConversationPath(conversationId) + "/participants");
            var response = await SendCheckedAsync(request, ctx, $"Reading the participants of conversation {conversationId}").ConfigureAwait(false);
            var list = new List<Participant>();
            using (var doc = JsonRead.Parse(response.Body, "reading participants"))
                foreach (var p in ModelReader.Items(doc.RootElement, "participants")) list.Add(ModelReader.Participant(p, conversationId));
            return list;
        }

        public async Task<IReadOnlyList<Message>> GetMessagesAsync(string conversationId, string interactionId, CallContext ctx)
        {
            var request = new ApiRequest("GET", ConversationPath(conversationId) + "/messages").WithQuery("interaction-id", interactionId);
            var response = await SendCheckedAsync(request, ctx, $"Reading the messages of conversation {conversationId}").ConfigureAwait(false);
            var list = new List<Message>();
            using (var doc = JsonRead.Parse(response.Body, "reading messages"))
                foreach (var m in ModelReader.Items(doc.RootElement, "messages")) list.Add(ModelReader.Message(m, conversationId));
            return list;
        }

        public async Task<SentMessage> SendMessageAsync(string conversationId, string text, string authorType, CallContext ctx)
        {
            authorType = authorType ?? "user";
            ChatRules.Require("Text", string.IsNullOrEmpty(text) ? "must not be empty" : null);
            ChatRules.Require("AuthorType", ChatRules.AuthorTypes.Contains(authorType) ? null : "must be user or bot");
            var request = new ApiRequest("POST", ConversationPath(conversationId) + "/messages") { JsonBody = RequestBodies.Message(text, authorType) };
            await SendCheckedAsync(request, ctx, $"Sending a message to conversation {conversationId}").ConfigureAwait(false);
            return new SentMessage { ConversationId = conversationId, AuthorType = authorType, Text = text, Accepted = true };
        }

        /// <summary>The customer leaves: the interaction ends and the agent is freed.</summary>
        public Task CloseConversationAsync(string conversationId, CallContext ctx) =>
            DeleteAsync(new ApiRequest("DELETE", ConversationPath(conversationId) + "/participants/customer"), ctx, $"Closing conversation {conversationId}");

        private static string Value(IDictionary<string, string> d, string key) => d.TryGetValue(key, out var v) ? v : null;
    }
}
