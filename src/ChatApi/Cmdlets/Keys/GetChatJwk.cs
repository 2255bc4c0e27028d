namespace ChatApi.Cmdlets;

/// <summary>The public key (JWK) 8x8 signs v2.0 webhook events with, by key id.</summary>
[Cmdlet(VerbsCommon.Get, "ChatJwk")]
[OutputType(typeof(Jwk))]
public sealed class GetChatJwkCommand : ChatCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Kid")]
    [ValidatePattern("^[A-Za-z0-9_-]{1,128}$")]
    public string KeyId { get; set; }

    protected override void ProcessRecord()
    {
        var client = Client;
        RunAndWrite(ctx => client.GetJwkAsync(KeyId, ctx), KeyId);
    }
}
