using System.Collections.Generic;

namespace ChatApi.Engine
{
    /// <summary>What New-ChatConversation sends: the channel, the customer's data and earlier messages.</summary>
    public sealed class ConversationRequest
    {
        public string ChannelId { get; set; }
        /// <summary>Standard keys (name, customerId, email, company, caseId, language) and custom ones, at most 30.</summary>
        public Dictionary<string, string> Customer { get; } = new Dictionary<string, string>();
        public List<HistoryMessage> History { get; } = new List<HistoryMessage>();
    }

    /// <summary>One earlier message carried into a new conversation.</summary>
    public sealed class HistoryMessage
    {
        public HistoryMessage(string text, string type = "user")
        {
            Text = text;
            Type = type;
        }

        public string Text { get; }
        /// <summary>user or bot.</summary>
        public string Type { get; }
    }

    /// <summary>Filters of the conversation list.</summary>
    public sealed class ConversationFilter
    {
        public string ChannelId { get; set; }
        public string Status { get; set; }
        public string Order { get; set; }
        public string UserId { get; set; }
        public string Email { get; set; }
        /// <summary>customer.&lt;key&gt; filters.</summary>
        public Dictionary<string, string> Customer { get; } = new Dictionary<string, string>();
    }
}
