namespace ChatApi.Cmdlets;

/// <summary>
/// Base of Set-ChatWebhook and Set-ChatChannel: which of the bound values are changes. A parameter
/// given on the command line is a change. A value bound from a piped object is a change only when
/// that object is a plain one (a [pscustomobject], a CSV row, a <typeparamref name="T"/> made by
/// hand), or a <typeparamref name="T"/> read from the server whose value differs from what it was
/// read as (the user edited it). Values of another kind of module object (a Channel piped to
/// Set-ChatWebhook) are never changes. A piped <typeparamref name="T"/> that was read is also the
/// expected state: the engine refuses (Conflict) when the server no longer holds it in a field
/// that is not being changed.
/// </summary>
public abstract class SetChatResourceCmdlet<T> : ChangingChatCmdlet where T : class
{
    private HashSet<string> given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The object piped in, as it came: its values as read decide what is a change.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The id of the resource being changed (the identity parameter).</summary>
    private protected abstract string TargetId { get; }

    private protected abstract T AsRead(T item);

    private protected abstract string IdOf(T item);

    /// <summary>"channel" or "webhook", for ShouldProcess.</summary>
    private protected abstract string Noun { get; }

    /// <summary>
    /// The change this item asks for (see <see cref="ChangeOf"/>): its description for ShouldProcess
    /// and the update to run, which refuses when the server no longer holds <paramref name="expected"/>.
    /// </summary>
    private protected abstract (string Description, Func<CallContext, Task<T>> Update) Prepare(ChatApiClient client, string id, T expected);

    protected override void ProcessRecord()
    {
        var client = Client;
        string id = TargetId; // the item runs while later ones are bound
        bool passThru = PassThru;
        var (description, update) = Prepare(client, id, Expected);
        if (!ShouldProcess($"{Noun} {id}", Redactor.Redact(description))) return;
        RunItemInOrder(id, async call =>
        {
            var updated = await update(call.Context).ConfigureAwait(false);
            if (passThru) call.Output(updated);
        }, id);
    }

    protected override void BeginProcessing()
    {
        // Pipeline input is bound after this point: what is bound now came from the command line.
        given = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        base.BeginProcessing();
    }

    /// <summary>The piped object as it was read, when it is this resource and came from the server; else null.</summary>
    private protected T Expected
    {
        get
        {
            var read = PSValues.Unwrap(InputObject) is T piped ? AsRead(piped) : null;
            return read != null && IdOf(read) == TargetId ? read : null;
        }
    }

    /// <summary>The change <paramref name="parameter"/> asks for, or null when it asks for none.</summary>
    private protected string ChangeOf(string parameter, string value, Func<T, string> field)
    {
        if (value == null || given.Contains(parameter)) return value;
        var piped = PSValues.Unwrap(InputObject);
        if (piped is T item)
        {
            var read = AsRead(item);
            if (read == null) return value;                      // made by hand: its values are changes, as they always were
            if (IdOf(read) != TargetId) return null;             // another resource's values
            return field(read) == value ? null : value;          // unchanged since it was read: not a change
        }
        return piped != null && piped.GetType().Assembly == typeof(Webhook).Assembly ? null : value;
    }
}
