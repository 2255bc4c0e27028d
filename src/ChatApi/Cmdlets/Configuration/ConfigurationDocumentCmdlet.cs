using ChatApi.Engine.Configuration;

namespace ChatApi.Cmdlets;

/// <summary>
/// What Compare- and Import-ChatConfiguration share: a configuration document matched against the
/// session's tenant, its URIs first rewritten by -UriMap.
/// </summary>
public abstract class ConfigurationDocumentCmdlet : ChatCmdlet
{
    /// <summary>URI prefixes to replace before matching (and, on import, creating): @{ 'https://test.example/' = 'https://prod.example/' }.</summary>
    [Parameter]
    public Hashtable UriMap { get; set; }

    /// <summary>
    /// The version the document's v1.0 webhooks are created at (v2.0, or Chat Gateway v1.0 on a Gateway session):
    /// 8x8 creates no new v1.0 webhooks, so without it a document that must create one is refused.
    /// </summary>
    [Parameter]
    [ValidateWebhookVersion]
    [ArgumentCompleter(typeof(Completers.WebhookVersionCompleter))]
    public string WebhookVersion { get; set; }

    /// <summary>
    /// The document <paramref name="input"/> gives and -UriMap, both checked before any call; false (with the
    /// error written, naming <paramref name="parameter"/> or the place in the file) when either is refused.
    /// </summary>
    private protected bool TryResolve(object input, string parameter, out ChatConfiguration doc, out IDictionary<string, string> map) =>
        ConfigurationInput.TryResolve(this, input, parameter, UriMap, out doc, out map);
}
