namespace ChatApi.Cmdlets;

/// <summary>
/// Starts a conversation on a channel for a customer, optionally with earlier messages; on the Chat
/// Gateway also with more user fields and a queue or script to go to.
/// </summary>
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
    public string UserId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Phone { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Company { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string CaseId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Language { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string IpAddress { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string TimezoneOffset { get; set; }

    /// <summary>Further customer properties (8x8 allows 30 in all on V2, 30 free ones besides the user fields on the Gateway).</summary>
    [Parameter]
    [ValidateCustomerProperties]
    public Hashtable Property { get; set; }

    /// <summary>Earlier messages: strings (customer messages) or objects with Text and Type (user|bot); at most 200.</summary>
    [Parameter]
    [ValidateCount(0, ChatValues.MaxHistoryMessages)]
    public object[] History { get; set; }

    /// <summary>The queue the conversation goes to instead of the channel's (Chat Gateway). Not from the pipeline: a channel's QueueId is its own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string QueueId { get; set; }

    /// <summary>The script the conversation goes to (Chat Gateway).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ScriptId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        var request = new ConversationRequest { ChannelId = ChannelId };
        if (!Prepare(() =>
            {
                CustomerFields.Fill(request.Customer, this, Property);
                request.Assign(QueueId, ScriptId);
                request.History.AddRange(HistoryArgument.Read(History));
                client.CheckConversation(request);
            }, ChannelId)) return;
        if (!ShouldProcess($"channel {ChannelId}", $"Start a conversation for '{CustomerName}'")) return;
        RunItemAndWrite(ctx => client.CreateConversationAsync(request, ctx), ChannelId);
    }
}
