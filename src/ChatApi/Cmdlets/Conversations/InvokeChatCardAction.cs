namespace ChatApi.Cmdlets;

/// <summary>Acts on a card of a Chat Gateway conversation: submit (the user's) or execute (the agent's); a Card piped in binds its ConversationId and CardId.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "ChatCardAction", DefaultParameterSetName = "Submit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class InvokeChatCardActionCommand : ChangingConversationCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CardId { get; set; }

    [Parameter(ParameterSetName = "Submit", Mandatory = true)]
    public SwitchParameter Submit { get; set; }

    [Parameter(ParameterSetName = "Execute", Mandatory = true)]
    public SwitchParameter Execute { get; set; }

    /// <summary>The action's body: a hashtable or a JSON object (8x8's description defines its name: @{ name = '8x8' }).</summary>
    [Parameter]
    [ValidateNotNull]
    public object Data { get; set; }

    protected override void ProcessRecord()
    {
        string cardId = CardId, action = Execute ? ChatValues.Execute : ChatValues.Submit;
        string data = null;
        RunConversationChange(() => data = JsonArgument.Read(Data, "Data"), () => $"Card action {action}",
            (client, id, call) => client.CardActionAsync(id, cardId, action, data, call.Context), $"card {cardId} of conversation {ConversationId}", cardId);
    }
}
