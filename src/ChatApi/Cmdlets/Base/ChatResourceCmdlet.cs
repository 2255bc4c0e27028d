namespace ChatApi.Cmdlets;

/// <summary>
/// Base of the cmdlets that change or remove one webhook or channel (Set-/Remove-ChatWebhook,
/// Set-/Remove-ChatChannel), named by the -Id of its kind's base (<see cref="WebhookChangeCmdlet"/>,
/// <see cref="ChannelChangeCmdlet"/>).
/// For a Set: which of the bound values are changes. A parameter given on the command line is a
/// change. A value bound from a piped object is a change only when that object is a plain one (a
/// [pscustomobject], a CSV row, a <typeparamref name="T"/> made by hand), or a
/// <typeparamref name="T"/> read from the server whose value differs from what it was read as (the
/// user edited it). Values of another kind of module object (a Channel piped to Set-ChatWebhook) are
/// never changes. A piped <typeparamref name="T"/> that was read is also the expected state: the
/// engine refuses (Conflict) when the server no longer holds it in a field that is not being changed.
/// </summary>
public abstract class ChatResourceCmdlet<T> : ChangingChatCmdlet where T : class
{
    private HashSet<string> given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The object piped in (a Set's InputObject), as it came: its values as read decide what is a change.</summary>
    private object piped;

    /// <summary>The id of the resource being changed (the identity parameter).</summary>
    private protected abstract string TargetId { get; }

    private protected abstract T AsRead(T item);

    private protected abstract string IdOf(T item);

    /// <summary>"channel" or "webhook", for ShouldProcess.</summary>
    private protected abstract string Noun { get; }

    /// <summary>Remove: asks ShouldProcess, then runs <paramref name="remove"/> for the resource.</summary>
    private protected void RunRemove(Func<ChatApiClient, string, CallContext, Task> remove)
    {
        var client = Client;
        string id = TargetId; // the item runs while later ones are bound
        if (!ShouldProcess($"{Noun} {id}", "Remove")) return;
        RunItemInOrder(id, call => remove(client, id, call.Context), id);
    }

    /// <summary>
    /// Set: the change <paramref name="prepare"/> makes of this item (see <see cref="ChangeOf"/>), given the
    /// piped <paramref name="input"/>: its description for ShouldProcess and the update to run, which
    /// refuses when the server no longer holds the expected state. Writes the result with <paramref name="passThru"/>.
    /// </summary>
    private protected void RunChange(object input, bool passThru, Func<ChatApiClient, string, T, (string Description, Func<CallContext, Task<T>> Update)> prepare)
    {
        piped = input;
        var client = Client;
        string id = TargetId; // the item runs while later ones are bound
        var (description, update) = prepare(client, id, Expected);
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
    private T Expected
    {
        get
        {
            var read = PSValues.Unwrap(piped) is T item ? AsRead(item) : null;
            return read != null && IdOf(read) == TargetId ? read : null;
        }
    }

    /// <summary>The change <paramref name="parameter"/> asks for, or null when it asks for none.</summary>
    private protected string ChangeOf(string parameter, string value, Func<T, string> field)
    {
        if (value == null || given.Contains(parameter)) return value;
        var input = PSValues.Unwrap(piped);
        if (input is T item)
        {
            var read = AsRead(item);
            if (read == null) return value;                      // made by hand: its values are changes, as they always were
            if (IdOf(read) != TargetId) return null;             // another resource's values
            return field(read) == value ? null : value;          // unchanged since it was read: not a change
        }
        return input != null && input.GetType().Assembly == typeof(Webhook).Assembly ? null : value;
    }
}
