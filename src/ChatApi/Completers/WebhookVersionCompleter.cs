using System.Linq;
using System.Management.Automation.Language;
using ChatApi.Cmdlets;

namespace ChatApi.Completers;

/// <summary>
/// Completes -Version with the notification versions the session's API writes (-Session, else the
/// current one): v1.0 and v2.0 on V2, Chat Gateway v1.0 on the Gateway; V2's without a session.
/// </summary>
public sealed class WebhookVersionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var session = PSValues.Unwrap(fakeBoundParameters?["Session"]) as ChatSession ?? SessionRegistry.Current;
        var client = SessionRegistry.ClientOf(session);
        IEnumerable<string> versions = client != null && session.IsConnected ? client.WebhookVersions : (IEnumerable<string>)ChatValues.Versions;
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return versions.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.IndexOf(' ') >= 0 ? "'" + v + "'" : v, v, CompletionResultType.ParameterValue, v))
            .ToList();
    }
}
