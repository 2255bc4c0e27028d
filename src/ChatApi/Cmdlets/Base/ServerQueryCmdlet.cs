namespace ChatApi.Cmdlets;

/// <summary>A list cmdlet whose -Filter (FIQL) and -Sort go to the server's filter and sort parameters.</summary>
public abstract class ServerQueryCmdlet : ChatCmdlet
{
    /// <summary>A FIQL filter, sent as the server's filter (name==Sales*;webHookId!=12).</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string Filter { get; set; }

    /// <summary>The field the server sorts by (default id), optionally with ,asc or ,desc.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SortCompleter))]
    public string Sort { get; set; }
}
