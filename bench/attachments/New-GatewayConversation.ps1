<#
.SYNOPSIS
    A Gateway webhook, channel and conversation on an emulator, for the attachment bench and tests; returns
    {ConversationId, Receiver}. The conversation is made through the Gateway's HTTP path with Invoke-RestMethod
    (no cmdlet creates Gateway conversations yet).
#>
param([Parameter(Mandatory)] [string] $BaseUri, [string] $Receiver = 'gw-attachments')
$headers = @{ 'x-api-key' = 'demo-gateway-key'; 'X-8x8-Tenant' = 'acme' }
$root = "$BaseUri/chat-gateway/v1"
$hook = Invoke-RestMethod -Method Post -Uri "$root/webhooks" -Headers $headers -ContentType 'application/json' `
    -Body (@{ name = "hook-$Receiver"; uri = "$BaseUri/_receiver/$Receiver"; version = 'Chat Gateway v1.0' } | ConvertTo-Json)
$channel = Invoke-RestMethod -Method Post -Uri "$root/channels" -Headers $headers -ContentType 'application/json' `
    -Body (@{ name = "channel-$Receiver"; type = 'ChatAPI'; webHookId = "$($hook.id)"; routingOptions = @{ type = 'queue'; id = '11' } } | ConvertTo-Json)
$conversation = Invoke-RestMethod -Method Post -Uri "$root/conversations" -Headers $headers -ContentType 'application/json' `
    -Body (@{ channelId = "$($channel.id)"; user = @{ name = 'Ann Customer' } } | ConvertTo-Json)
[pscustomobject]@{ ConversationId = "$($conversation.conversationId)"; Receiver = "/_receiver/$Receiver" }
