namespace ChatApi.Cmdlets;

/// <summary>Starts a conversation on a channel for a customer, optionally with earlier messages.</summary>
[Cmdlet(VerbsCommon.New, "ChatConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Conversation))]
public sealed class NewChatConversationCommand : ChangingChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ChatIdentity(IdentityKind.Channel)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ChannelIdCompleter))]
    public string ChannelId { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CustomerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Email { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string CustomerId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Company { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string CaseId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Language { get; set; }

    /// <summary>Further customer properties (8x8 allows 30 in all).</summary>
    [Parameter]
    [ValidateCustomerProperties]
    public Hashtable Property { get; set; }

    /// <summary>Earlier messages: strings (customer messages) or objects with Text and Type (user|bot); at most 200.</summary>
    [Parameter]
    [ValidateCount(0, ChatValues.MaxHistoryMessages)]
    public object[] History { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        var request = new ConversationRequest { ChannelId = ChannelId };
        request.Customer.Set(CustomerData.Name, CustomerName).Set(CustomerData.Email, Email).Set(CustomerData.CustomerId, CustomerId)
            .Set(CustomerData.Company, Company).Set(CustomerData.CaseId, CaseId).Set(CustomerData.Language, Language);
        if (Property != null) foreach (DictionaryEntry e in Property) request.Customer.Set(e.Key.ToString(), e.Value?.ToString());
        try
        {
            ChatRules.Require(request.Check());
            request.History.AddRange(HistoryArgument.Read(History));
        }
        catch (System.Exception e) when (e is ChatApiException || e is System.ArgumentException)
        {
            FailItem(e, ChannelId);
            return;
        }
        if (!ShouldProcess($"channel {ChannelId}", $"Start a conversation for '{CustomerName}'")) return;
        RunItemAndWrite(ctx => client.CreateConversationAsync(request, ctx), ChannelId);
    }
}
