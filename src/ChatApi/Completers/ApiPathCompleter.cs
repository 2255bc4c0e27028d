using System.Linq;
using System.Management.Automation.Language;
using ChatApi.Cmdlets;

namespace ChatApi.Completers;

/// <summary>
/// Completes Invoke-ChatApiRequest -Path with the paths of 8x8's descriptions (chat-api-v2 and
/// chat-gateway-v1), relative to the session's API root: V2's under vcc/{region}/chat/v2/tenant/{tenant-id}/,
/// the Gateway's under chat-gateway/v1/. Without a session, V2's. No call is made.
/// </summary>
public sealed class ApiPathCompleter : IArgumentCompleter
{
    /// <summary>The paths of chat-api-v2.openapi.json under the tenant root.</summary>
    internal static readonly string[] V2Paths =
    {
        "web-hooks", "web-hooks/{web-hook-id}", "web-hooks/verify",
        "channels", "channels/{channel-id}",
        "conversations", "conversations/{conversation-id}", "conversations/{conversation-id}/participants",
        "conversations/{conversation-id}/participants/customer", "conversations/{conversation-id}/messages",
    };

    /// <summary>The paths of chat-gateway-v1.openapi.json under chat-gateway/v1.</summary>
    internal static readonly string[] GatewayPaths =
    {
        "webhooks", "webhooks/{webhookId}", "webhooks/verify", "jwk/{jwkId}/public",
        "channels", "channels/{channelId}",
        "conversations", "conversations/{conversationId}", "conversations/{conversationId}/interactions",
        "conversations/{conversationId}/post-agent-assignment", "conversations/{conversationId}/typing",
        "conversations/{conversationId}/thinking", "conversations/{conversationId}/read-receipt",
        "conversations/{conversationId}/participants", "conversations/{conversationId}/participants/user",
        "conversations/{conversationId}/messages", "conversations/{conversationId}/messages/{messageId}",
        "conversations/{conversationId}/messages/{messageId}/cards",
        "conversations/{conversationId}/attachments", "conversations/{conversationId}/attachments/{attachmentId}",
        "conversations/{conversationId}/attachments/{attachmentId}/content",
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = PSValues.Unwrap(fakeBoundParameters?["Session"]) as ChatSession ?? SessionRegistry.Current;
        var paths = session?.Api == ChatValues.ApiGateway ? GatewayPaths : V2Paths;
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"').TrimStart('/');
        return paths.Where(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(p => new CompletionResult(p.IndexOf('{') >= 0 ? "'" + p + "'" : p, p, CompletionResultType.ParameterValue, p))
            .ToList();
    }
}
