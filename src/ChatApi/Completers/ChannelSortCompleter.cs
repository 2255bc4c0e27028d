using System.Linq;
using System.Management.Automation.Language;

namespace ChatApi.Completers;

/// <summary>Completes Get-ChatChannel -Sort: each channel field, alone and with ,asc and ,desc. No call is made.</summary>
public sealed class ChannelSortCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return ChatValues.ChannelFields
            .SelectMany(f => new[] { f, $"{f},{ChatValues.Ascending}", $"{f},{ChatValues.Descending}" })
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Contains(",") ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, $"Sort channels by {v.Replace(",", ", ")}"))
            .ToList();
    }
}
