using System.Text.Json.Serialization;

namespace ChatApi.Engine.Wire.V2;

/// <summary>A V2 webhook as 8x8 writes it: the id under three names, the version under two.</summary>
internal sealed class WebhookAnswer
{
    [JsonPropertyName("id")] public string Id { get; set; }
    [JsonPropertyName("webHookId")] public string WebHookId { get; set; }
    [JsonPropertyName("webhookId")] public string WebhookId { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; }
    [JsonPropertyName("uri")] public string Uri { get; set; }
    [JsonPropertyName("url")] public string Url { get; set; }
    [JsonPropertyName("version")] public string Version { get; set; }
    [JsonPropertyName("notificationVersion")] public string NotificationVersion { get; set; }
}

/// <summary>
/// A V2 webhook as sent: 8x8's description names the field version while its required list says
/// notificationVersion, so both go.
/// </summary>
internal sealed class WebhookBody
{
    public WebhookBody(string name, string uri, string version)
    {
        Name = name;
        Uri = uri;
        Version = version;
        NotificationVersion = version;
    }

    [JsonPropertyName("name")] public string Name { get; }
    [JsonPropertyName("uri")] public string Uri { get; }
    [JsonPropertyName("version")] public string Version { get; }
    [JsonPropertyName("notificationVersion")] public string NotificationVersion { get; }
}

/// <summary>The verify call's body: the URI and both version names.</summary>
internal sealed class VerifyBody
{
    public VerifyBody(string uri, string version)
    {
        Uri = uri;
        Version = version;
        NotificationVersion = version;
    }

    [JsonPropertyName("uri")] public string Uri { get; }
    [JsonPropertyName("version")] public string Version { get; }
    [JsonPropertyName("notificationVersion")] public string NotificationVersion { get; }
}

internal sealed class WebhookContract : IWebhookContract
{
    public Webhook Read(JsonElement e, ApiScope scope, int? etag)
    {
        var w = WireJson.Read<WebhookAnswer>(e);
        return new Webhook
        {
            Id = w.Id ?? w.WebHookId ?? w.WebhookId,
            Name = w.Name,
            Uri = w.Uri ?? w.Url,
            Version = w.Version ?? w.NotificationVersion ?? ChatValues.DefaultVersion,
            ETag = etag,
            Region = scope.Region,
            TenantId = scope.Tenant,
            Api = scope.Api,
        };
    }

    public string Write(Webhook values) => WireJson.Write(new WebhookBody(values.Name, values.Uri, values.Version));

    public string Verify(string uri, string version) => WireJson.Write(new VerifyBody(uri, version));

    /// <summary>8x8's V2 webhook list defines no filter and no sort: either is refused before any call.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query(string filter, string sort)
    {
        const string Rule = "the Chat API V2 webhook list takes no filter or sort (8x8 defines none); use -Name and -Version, or Sort-Object, on a V2 session";
        if (!string.IsNullOrEmpty(filter)) ChatRules.Require("Filter", Rule);
        if (!string.IsNullOrEmpty(sort)) ChatRules.Require("Sort", Rule);
        return Enumerable.Empty<KeyValuePair<string, string>>();
    }
}
