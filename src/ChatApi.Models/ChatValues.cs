namespace ChatApi;

/// <summary>
/// The values of 8x8's contract that the cmdlets (ValidateSet), the engine (rules, planner,
/// event parser) and the emulator all use: one constant each. The emulator compiles this file
/// in (it references no module project), where it is internal.
/// </summary>
#if CHATAPI_EMULATOR
internal
#else
public
#endif
static class ChatValues
{
    public const string V1 = "v1.0";
    public const string V2 = "v2.0";
    public const string DefaultVersion = V2;
    public static readonly string[] Versions = { V1, V2 };
    /// <summary>The only notification version of the Chat Gateway's webhooks.</summary>
    public const string Gateway = "Chat Gateway v1.0";
    /// <summary>Every notification version a webhook may carry, oldest first (none goes back to an older one).</summary>
    public static readonly string[] AllVersions = { V1, V2, Gateway };

    /// <summary>The APIs a session (and a configuration document) speaks: Chat API V2 (the default) and the Chat Gateway.</summary>
    public const string ApiV2 = "V2";
    public const string ApiGateway = "Gateway";
    public static readonly string[] Apis = { ApiV2, ApiGateway };

    /// <summary>An API's name in messages: "Chat API V2" or "Chat Gateway".</summary>
    public static string ApiTitle(string api) => api == ApiGateway ? "Chat Gateway" : api == ApiV2 ? "Chat API V2" : api;

    /// <summary>Channel types the Chat Gateway lists; only ChatAPI channels can be created through an API, and V2 holds only those.</summary>
    public const string ChatApiChannel = "ChatAPI";
    public static readonly string[] ChannelTypes = { "SMS", ChatApiChannel, "Facebook", "Twitter", "WhatsApp", "WebChat" };

    /// <summary>
    /// Chat API V2's key path (GET, no authentication), relative to the base URI: the engine fills in
    /// {region} and {kid}, the emulator serves it as a route template.
    /// </summary>
    public const string V2KeyPathTemplate = "vcc/{region}/chat/v2/jwk/{kid}/public";
    /// <summary>The Chat Gateway's resources, relative to the host (no region).</summary>
    public const string GatewayRoot = "chat-gateway/v1";
    /// <summary>The Chat Gateway's public key of a signed event (no authentication).</summary>
    public const string GatewayKeyPathTemplate = GatewayRoot + "/jwk/{kid}/public";

    public const string Us = "us";
    public const string Eu = "eu";
    public const string Ca = "ca";
    public const string Ap = "ap";
    public static readonly string[] Regions = { Us, Eu, Ca, Ap };

    /// <summary>The conversation list's status filter; "all" is a filter only, never a conversation's status.</summary>
    public const string AllStatuses = "all";
    public const string Created = "created";
    public const string Pending = "pending";
    public const string Handling = "handling";
    public const string Deleted = "deleted";
    public static readonly string[] Statuses = { Created, Pending, Handling, Deleted };
    public static readonly string[] StatusFilters = { AllStatuses, Created, Pending, Handling, Deleted };

    /// <summary>Who may write through the API.</summary>
    public const string User = "user";
    public const string Bot = "bot";
    public static readonly string[] AuthorTypes = { User, Bot };

    /// <summary>The channel fields the V2 channel list's filter and sort name (8x8's description: sort default id).</summary>
    public static readonly string[] ChannelFields = { "id", "name", "webHookId", "routingOptions.id", "routingOptions.type" };
    /// <summary>The fields a Gateway webhook list filters and sorts on (the V2 webhook list takes neither).</summary>
    public static readonly string[] WebhookFields = { "id", "name", "uri", "version" };
    public const string Ascending = "asc";
    public const string Descending = "desc";

    public const int MaxCustomerProperties = 30;
    public const int MaxHistoryMessages = 200;

    /// <summary>The Chat Gateway's conversation states (its CONVERSATION_UPDATE events carry them too).</summary>
    public const string Active = "active";
    public const string Idle = "idle";
    public static readonly string[] States = { Created, Active, Idle };

    /// <summary>Where the Chat Gateway routes a conversation: a queue or a script.</summary>
    public const string Queue = "queue";
    public const string Script = "script";
    public static readonly string[] AssignmentTypes = { Queue, Script };
    /// <summary>The only post-agent assignment type: the conversation goes back to a webhook.</summary>
    public const string WebhookAssignment = "webhook";

    /// <summary>Card content types of the Chat Gateway's messages; a card sent without one is an adaptive card.</summary>
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public static readonly string[] CardContentTypes = { AdaptiveCard, "application/8x8.quick.replies", "Interactive", "Location", "Template", "Suggestions", "Buttons", "Carousel" };

    /// <summary>The Chat Gateway's activity indicators.</summary>
    public const string Typing = "typing";
    public const string Thinking = "thinking";
    public const string ReadReceipt = "read-receipt";
    /// <summary>The thinking indicator's maximum time in seconds (8x8's default 60).</summary>
    public const int MinThinkingSeconds = 1;
    public const int MaxThinkingSeconds = 600;
    /// <summary>A post-agent assignment's limits: the conversation's total minutes and the user's timeout.</summary>
    public const int MinPostAgentTotalMinutes = 20;
    public const int MaxPostAgentTotalMinutes = 600;
    public const int MinPostAgentUserTimeoutMinutes = 10;
    public const int MaxPostAgentUserTimeoutMinutes = 300;

    /// <summary>The card actions: submit (the user) and execute (the agent).</summary>
    public const string Submit = "submit";
    public const string Execute = "execute";
}
