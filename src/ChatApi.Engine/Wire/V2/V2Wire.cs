using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.V2;

/// <summary>
/// Chat API V2 (vcc/{region}/chat/v2): the paths, paging, errors and authentication of the API,
/// and its resource contracts beside this file.
/// </summary>
internal sealed class V2Wire : IChatWire, IScopedWire
{
    public static readonly V2Wire Instance = new V2Wire();

    private static readonly string[] WritableVersions = ChatValues.Versions;

    public string Api => ChatValues.ApiV2;
    public IReadOnlyList<string> Versions => WritableVersions;
    public string DefaultVersion => ChatValues.V2;
    public IReadOnlyList<string> VerifyVersions => WritableVersions;
    public bool NeedsRegion => true;
    public bool ShortPageEnds => false;

    public IEnumerable<KeyValuePair<string, string>> Headers(ApiScope scope) => Array.Empty<KeyValuePair<string, string>>();

    public string RefusedCredentialAdvice => "Check the API key and secret (8x8 Admin Console, product 'VCC Chat API').";

    private static readonly Dictionary<string, string> FamilyPaths = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Families.Webhooks] = "web-hooks",
        [Families.Channels] = "channels",
        [Families.Conversations] = "conversations",
    };

    public string ApiRoot(ApiScope scope) => $"vcc/{scope.Region}/chat/v2/tenant/{Uri.EscapeDataString(scope.Tenant)}";

    public string ResourcePath(ApiScope scope, string family) => $"{ApiRoot(scope)}/{FamilyPaths[family]}";

    public string KeyPath(ApiScope scope, string keyId) => Signatures.KeyEndpoint.ChatV2.PathFor(scope.Region, keyId);

    public void AddPage(ApiRequest request, int page, int size) =>
        request.WithQuery("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithQuery("size", size.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>{data:[...], page:{pageCount, elementCount}}.</summary>
    public ListPage ReadPage(JsonElement root)
    {
        var block = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("page", out var p) ? WireJson.ReadOrNull<PageBlock>(p) : null;
        return new ListPage(WireJson.Items(root, "data"), block?.PageCount, block?.ElementCount);
    }

    public Problem ReadProblem(string body) => ProblemReader.Read(body);

    public AuthScheme Auth => AuthScheme.BearerToken;

    /// <summary>8x8's description: vcc-chat.{webhooks|channels|conversations}.{read|write}; verify needs webhooks.read.</summary>
    public string ScopeOf(string method, string path)
    {
        var parts = path.Split('/');
        int at = Array.IndexOf(parts, "tenant");
        if (at < 0 || at + 2 >= parts.Length) return null;
        string family = FamilyPaths.FirstOrDefault(p => p.Value == parts[at + 2]).Key;
        if (family == null) return null;
        bool read = method == "GET" || (family == Families.Webhooks && parts.Length > at + 3 && parts[at + 3] == "verify");
        return $"vcc-chat.{family}.{(read ? "read" : "write")}";
    }

    public IWebhookContract Webhooks { get; } = new WebhookContract();
    public IChannelContract Channels { get; } = new ChannelContract();
    public IConversationContract Conversations { get; } = new ConversationContract();
    /// <summary>V2 has no re-routing, indicators or cards: the client names the Gateway-only cmdlet or parameter.</summary>
    public IConversationControl ConversationControl => null;
    public IKeyContract Keys { get; } = new KeyContract();
    /// <summary>Chat API V2 has no attachments.</summary>
    public IAttachmentContract Attachments => null;

    private sealed class PageBlock
    {
        [JsonPropertyName("pageCount")] public int? PageCount { get; set; }
        [JsonPropertyName("elementCount")] public int? ElementCount { get; set; }
    }
}
