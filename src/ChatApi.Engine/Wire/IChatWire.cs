namespace ChatApi.Engine.Wire;

/// <summary>
/// One API's wire: its paths, paging, errors and authentication, and a contract per resource
/// family mapping its JSON onto the shared models. The client asks the session's wire for
/// every path and body and never branches on the API itself. Chat API V2 is
/// <see cref="V2.V2Wire"/>; a second API (the Chat Gateway) is a second folder beside
/// <c>Wire/V2</c> with its own implementation of this interface.
/// </summary>
internal interface IChatWire
{
    /// <summary>Which API this is (<see cref="ChatValues.ApiV2"/> or <see cref="ChatValues.ApiGateway"/>); output objects carry it.</summary>
    string Api { get; }

    /// <summary>The notification versions this API creates and changes webhooks with, and the default of a create.</summary>
    IReadOnlyList<string> Versions { get; }
    string DefaultVersion { get; }
    /// <summary>The versions its verify call can send WEB_HOOK_VERIFY in.</summary>
    IReadOnlyList<string> VerifyVersions { get; }

    /// <summary>Whether a call needs a region (V2's paths hold one; the Gateway's do not).</summary>
    bool NeedsRegion { get; }

    /// <summary>Headers every call of this API carries besides its credential (the Gateway's X-8x8-Tenant).</summary>
    IEnumerable<KeyValuePair<string, string>> Headers(ApiScope scope);

    /// <summary>
    /// Whether a page with fewer items than asked for is the last one whatever the page block says
    /// (the Gateway: a server built from its description answers nonsense totals).
    /// </summary>
    bool ShortPageEnds { get; }

    /// <summary>The root, relative to the base URI, of one tenant's API: Invoke-ChatApiRequest's paths are relative to it.</summary>
    string ApiRoot(ApiScope scope);

    /// <summary>Paths, relative to the base URI, of one tenant's resources.</summary>
    string ResourcePath(ApiScope scope, string family);

    /// <summary>Path of the public key a signed event names.</summary>
    string KeyPath(ApiScope scope, string keyId);

    /// <summary>Asks for one page of a list.</summary>
    void AddPage(ApiRequest request, int page, int size);

    /// <summary>One page of a list answer: its items and the page block.</summary>
    ListPage ReadPage(JsonElement root);

    /// <summary>The parts of an error answer a user needs.</summary>
    Problem ReadProblem(string body);

    /// <summary>How a call proves who it is (a bearer token for V2, the x-api-key header for the Gateway).</summary>
    AuthScheme Auth { get; }

    /// <summary>What a refused credential (401) means and what to do about it, for Connect-ChatApi's error.</summary>
    string RefusedCredentialAdvice { get; }

    IWebhookContract Webhooks { get; }
    IChannelContract Channels { get; }
    IConversationContract Conversations { get; }
    /// <summary>What only the Chat Gateway does with a conversation (re-routing, indicators, cards); null on V2.</summary>
    IConversationControl ConversationControl { get; }
    IKeyContract Keys { get; }
    IAttachmentContract Attachments { get; }
}

/// <summary>A wire that knows the OAuth scope each of its operations needs (to name it in a 403).</summary>
internal interface IScopedWire
{
    /// <summary>The scope a call needs, or null when the wire does not know it.</summary>
    string ScopeOf(string method, string path);
}

/// <summary>How calls authenticate.</summary>
internal enum AuthScheme
{
    /// <summary>An OAuth client-credentials token, sent as Authorization: Bearer, refreshed once after a 401.</summary>
    BearerToken,
    /// <summary>An API key sent as the x-api-key header on every call; no token, nothing to refresh.</summary>
    ApiKeyHeader,
}

/// <summary>Where the session points: one tenant (in one region for V2), through one API.</summary>
internal readonly struct ApiScope
{
    public readonly string Api, Region, Tenant;

    public ApiScope(string api, string region, string tenant) => (Api, Region, Tenant) = (api, region, tenant);
}

/// <summary>One page of a list: its items, and the counts the server gave (when it gave them).</summary>
internal sealed class ListPage
{
    public ListPage(IEnumerable<JsonElement> items, int? pageCount, int? total)
    {
        Items = items;
        // Negative counts are no counts: the list goes on until a short or empty page.
        PageCount = pageCount < 0 ? null : pageCount;
        Total = total < 0 ? null : total;
    }

    public IEnumerable<JsonElement> Items { get; }
    public int? PageCount { get; }
    public int? Total { get; }
}

/// <summary>Family names the wire maps to paths.</summary>
internal static class Families
{
    public const string Webhooks = "webhooks";
    public const string Channels = "channels";
    public const string Conversations = "conversations";
}

internal interface IWebhookContract
{
    Webhook Read(JsonElement e, ApiScope scope, int? etag);
    /// <summary>The body of a create, or of a full replace, holding these values.</summary>
    string Write(Webhook values);
    string Verify(string uri, string version);
    /// <summary>Query parameters of the webhook list: a FIQL filter and a sort; an API whose list takes neither refuses them.</summary>
    IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort);
}

internal interface IChannelContract
{
    Channel Read(JsonElement e, ApiScope scope, int? etag);
    string Write(Channel values);
    /// <summary>Query parameters of the channel list: a FIQL filter and a sort, each null when not asked for.</summary>
    IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort);
}

internal interface IKeyContract
{
    Jwk Read(JsonElement root, string keyId, string region);
}
