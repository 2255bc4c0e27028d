namespace ChatApi.Cmdlets
{
    /// <summary>Shows the current session (or the one given): region, tenant, base URI, token expiry. Never the secret or token.</summary>
    [Cmdlet(VerbsCommon.Get, "ChatSession")]
    [OutputType(typeof(ChatSession))]
    public sealed class GetChatSessionCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public ChatSession Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionRegistry.Current;
            if (session != null) WriteObject(session);
        }
    }
}
