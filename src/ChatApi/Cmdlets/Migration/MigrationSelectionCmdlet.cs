namespace ChatApi.Cmdlets;

/// <summary>
/// What Get-ChatMigrationPlan and Invoke-ChatMigration share: channels from the pipeline (Id or
/// ChannelId: Get-ChatChannel output or plan steps) and the options that shape the plan.
/// </summary>
public abstract class MigrationSelectionCmdlet : ChatCmdlet
{
    private readonly List<string> ids = new List<string>();

    /// <summary>A channel to migrate (binds Id or ChannelId from the pipeline); without any, every channel.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Channel)]
    [Alias("ChannelId")]
    [AllowEmptyString, AllowNull]
    public string Id { get; set; }

    [Parameter]
    public MigrationStrategy Strategy { get; set; } = MigrationStrategy.NewWebhook;

    /// <summary>NewWebhook only: remove each legacy v1.0 webhook once a listing shows no channel refers to it.</summary>
    [Parameter]
    public SwitchParameter RemoveLegacyWebhook { get; set; }

    [Parameter]
    public SwitchParameter SkipVerify { get; set; }

    /// <summary>v2.0 (a V2 session's default) or Chat Gateway v1.0 (a Gateway session's default).</summary>
    [Parameter]
    [ValidateSet(ChatValues.V2, ChatValues.Gateway)]
    public string TargetVersion { get; set; }

    /// <summary>
    /// Old receiver URI (or old webhook id) → new URI, as a hashtable or the path of a CSV file (OldUri, NewUri);
    /// a URI not in it keeps its URI.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object UriMap { get; set; }

    /// <summary>A Chat API V2 session of the tenant, through which a Gateway run reads the old webhooks the Gateway does not list.</summary>
    [Parameter]
    [ValidateNotNull]
    public ChatSession SourceSession { get; set; }

    /// <summary>The client of -SourceSession, null when not given.</summary>
    private protected ChatApiClient SourceClient => SourceSession == null ? null : ClientOf(SourceSession);

    /// <summary>Collects a piped id; plan steps about a URI carry none, in-place steps carry several (comma-separated).</summary>
    protected override void ProcessRecord()
    {
        if (string.IsNullOrWhiteSpace(Id)) return;
        foreach (var part in Id.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0 && !ids.Contains(trimmed)) ids.Add(trimmed);
        }
    }

    /// <summary>The ids to act on: null (every channel) when nothing was piped or given, else the list (maybe empty).</summary>
    protected IReadOnlyList<string> Selection()
    {
        if (ids.Count > 0) return ids;
        return MyInvocation.ExpectingInput || Given(nameof(Id)) ? ids : null;
    }

    /// <summary>The options these parameters describe; Invoke-ChatMigration adds its throttle.</summary>
    private protected virtual MigrationOptions Options()
    {
        IDictionary<string, string> map;
        try
        {
            map = UriMapArgument.Read(this, UriMap);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, UriMap));
            return null;
        }
        var options = new MigrationOptions { Strategy = Strategy, RemoveLegacyWebhook = RemoveLegacyWebhook, SkipVerify = SkipVerify, TargetVersion = TargetVersion, UriMap = map };
        try
        {
            options.Validate();
        }
        catch (ChatApiException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, null));
        }
        return options;
    }
}
