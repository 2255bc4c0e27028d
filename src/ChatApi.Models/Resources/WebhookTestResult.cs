namespace ChatApi;

/// <summary>The outcome of Test-ChatWebhook: did 8x8 reach the URI with a WEB_HOOK_VERIFY event.</summary>
public sealed class WebhookTestResult
{
    /// <summary>The webhook tested, when one was piped in (empty for a bare URI).</summary>
    public string WebhookId { get; set; }
    public string WebhookName { get; set; }
    public string Uri { get; set; }
    public string Version { get; set; }
    public bool Success { get; set; }
    public int StatusCode { get; set; }
    public string Message { get; set; }
    /// <summary>The API that sent the verify event: V2 or Gateway.</summary>
    public string Api { get; set; }

    public override string ToString() => $"{Uri}: {(Success ? "reachable" : "failed")}";
}
