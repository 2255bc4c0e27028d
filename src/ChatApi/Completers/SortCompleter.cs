using System.Linq;
using System.Management.Automation.Language;

namespace ChatApi.Completers;

/// <summary>
/// Completes -Sort of a list the server sorts: each field of the command's resource (webhooks or
/// channels), alone and with ,asc and ,desc. No call is made.
/// </summary>
public sealed class SortCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        bool webhooks = string.Equals(commandName, "Get-ChatWebhook", StringComparison.OrdinalIgnoreCase);
        string noun = webhooks ? "webhooks" : "channels";
        return (webhooks ? ChatValues.WebhookFields : ChatValues.ChannelFields)
            .SelectMany(f => new[] { f, $"{f},{ChatValues.Ascending}", $"{f},{ChatValues.Descending}" })
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Contains(",") ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, $"Sort {noun} by {v.Replace(",", ", ")}"))
            .ToList();
    }
}
