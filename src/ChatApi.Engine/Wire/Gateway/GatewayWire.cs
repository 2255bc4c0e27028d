using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.Gateway;

/// <summary>
/// The 8x8 Chat Gateway (chat-gateway/v1): no region in its paths, an API key in the x-api-key
/// header, the tenant in X-8x8-Tenant, HAL lists, and its resource contracts beside this file.
/// Its webhooks and channels map onto the same models as V2's (one tenant configuration seen
/// through both APIs, GATEWAY-NOTES.md); so do its conversations, with what only the Gateway does
/// with them (re-routing, indicators, cards) in <see cref="GatewayConversationControl"/>.
/// </summary>
internal sealed class GatewayWire : IChatWire
{
    public static readonly GatewayWire Instance = new GatewayWire();

    public const string Root = ChatValues.GatewayRoot;
    public const string TenantHeader = "X-8x8-Tenant";

    private static readonly string[] WritableVersions = { ChatValues.Gateway };

    public string Api => ChatValues.ApiGateway;
    public IReadOnlyList<string> Versions => WritableVersions;
    public string DefaultVersion => ChatValues.Gateway;
    /// <summary>The description's verify takes a version as plain text (its example is v2.0): any of the three.</summary>
    public IReadOnlyList<string> VerifyVersions => ChatValues.AllVersions;
    public bool NeedsRegion => false;
    public bool ShortPageEnds => true;

    public IEnumerable<KeyValuePair<string, string>> Headers(ApiScope scope)
    {
        if (!string.IsNullOrEmpty(scope.Tenant)) yield return new KeyValuePair<string, string>(TenantHeader, scope.Tenant);
    }

    /// <summary>chat-gateway/v1/webhooks, /channels, /conversations: the same names as the families.</summary>
    public string ApiRoot(ApiScope scope) => Root;

    public string ResourcePath(ApiScope scope, string family) => $"{ApiRoot(scope)}/{family}";

    public string KeyPath(ApiScope scope, string keyId) => Signatures.KeyEndpoint.Gateway.PathFor(null, keyId);

    public void AddPage(ApiRequest request, int page, int size) => V2.V2Wire.Instance.AddPage(request, page, size);

    /// <summary>
    /// HAL: {_embedded: {name: [...]}, _links, page: {size, number, totalElements, totalPages}}. The
    /// items are the first list under _embedded (its name is the family's); a negative count reads as none.
    /// </summary>
    public ListPage ReadPage(JsonElement root)
    {
        var block = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("page", out var p) ? WireJson.ReadOrNull<PageBlock>(p) : null;
        return new ListPage(EmbeddedItems(root), NonNegative(block?.TotalPages), NonNegative(block?.TotalElements));
    }

    private static IEnumerable<JsonElement> EmbeddedItems(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("_embedded", out var embedded) || embedded.ValueKind != JsonValueKind.Object)
            return Array.Empty<JsonElement>();
        foreach (var list in embedded.EnumerateObject())
            if (list.Value.ValueKind == JsonValueKind.Array) return list.Value.EnumerateArray().ToList();
        return Array.Empty<JsonElement>();
    }

    private static int? NonNegative(int? n) => n.HasValue && n.Value >= 0 ? n : null;

    /// <summary>400 {message, errors[strings], validations}, 401 {message, errors[{message, code}], referenceId}, 403/404/500 {message, errors}.</summary>
    public Problem ReadProblem(string body) => ProblemReader.Read(body);

    public AuthScheme Auth => AuthScheme.ApiKeyHeader;

    public string RefusedCredentialAdvice =>
        "Check the API key: it must be a key of the product 'Chat Gateway' (8x8 Admin Console > API keys), given with -ApiKey, -Credential or CHATAPI_KEY.";

    public IWebhookContract Webhooks { get; } = new GatewayWebhookContract();
    public IChannelContract Channels { get; } = new GatewayChannelContract();
    public IConversationContract Conversations { get; } = new GatewayConversationContract();
    public IConversationControl ConversationControl { get; } = new GatewayConversationControl();
    public IKeyContract Keys { get; } = new V2.KeyContract();
    public IAttachmentContract Attachments { get; } = new GatewayAttachmentContract();

    private sealed class PageBlock
    {
        [JsonPropertyName("size")] public int? Size { get; set; }
        [JsonPropertyName("number")] public int? Number { get; set; }
        [JsonPropertyName("totalElements")] public int? TotalElements { get; set; }
        [JsonPropertyName("totalPages")] public int? TotalPages { get; set; }
    }
}
