# An independent witness of 8x8's contract (issue 19): each of the 54 operations of 8x8's two
# descriptions (20 Chat API V2, 34 Chat Gateway) is run once through the cmdlets against Prism mocking
# that description with request validation on (a request that breaks the description is answered
# 400/401/422, so the cmdlet fails). Each test checks that the cmdlet read what Prism answered: the
# items of a list, the id of a read or a create, compared with what Prism sends to the same request
# made here directly. Prism and its pinned version: tests/Contract.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../Contract/PrismMock.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force

    # Both mocks start side by side.
    $script:mocks = @{}
    try {
        foreach ($api in 'V2', 'Gateway') { $mocks[$api] = Start-PrismMock -Api $api }
        foreach ($mock in $mocks.Values) { $null = Wait-PrismMock $mock }
    }
    catch { foreach ($mock in $mocks.Values) { Stop-PrismMock $mock }; throw }

    # The operations of each description, with a pattern their paths match.
    $script:operations = foreach ($api in 'V2', 'Gateway') {
        $doc = Get-Content (Get-ContractDescription $api) -Raw | ConvertFrom-Json -AsHashtable
        foreach ($template in $doc.paths.Keys) {
            foreach ($method in $doc.paths[$template].Keys | Where-Object { $_ -in 'get', 'post', 'put', 'patch', 'delete' }) {
                $pattern = '^' + (($template -split '(\{[^}]+\})' | ForEach-Object { if ($_ -match '^\{') { '[^/?]+' } else { [regex]::Escape($_) } }) -join '') + '(\?|$)'
                [pscustomobject]@{ Api = $api; Method = $method.ToUpperInvariant(); Template = $template; Pattern = $pattern
                    OperationId = $doc.paths[$template][$method].operationId }
            }
        }
    }
    # Every call a cmdlet made here, with its API.
    $script:reached = [Collections.Generic.List[object]]::new()

    # Runs cmdlets with -Verbose; returns their output, errors and the calls they reported. Each call
    # is kept for the last test of each API (every operation reached).
    function script:Invoke-Contract([string] $Api, [scriptblock] $Command) {
        $VerbosePreference = 'Continue'
        $ErrorActionPreference = 'Continue'   # errors are collected and checked, not thrown
        $all = @(& $Command 4>&1 2>&1)
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $calls = @($all | Get-ApiCall)
        foreach ($c in $calls) { $reached.Add([pscustomobject]@{ Api = $Api; Method = $c.Method; Path = $c.Path; Status = $c.Status }) }
        [pscustomobject]@{ Output = @($all | Select-Output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }); Errors = $errors; Calls = $calls }
    }

    # The run reported no error and made the operation's call (METHOD, path without query) with a 2xx answer.
    function script:Assert-Reached($Run, [string] $Api, [string] $Method, [string] $Path, [switch] $AllowErrors) {
        $log = Get-PrismLog $mocks[$Api]
        if (-not $AllowErrors) { $Run.Errors | ForEach-Object { "$_" } | Should -BeNullOrEmpty -Because "Prism's log ends:`n$log" }
        $made = @($Run.Calls | Where-Object { $_.Method -eq $Method -and ($_.Path -split '\?')[0] -eq $Path })
        $made.Count | Should -BeGreaterThan 0 -Because "the cmdlet should call $Method $Path (it called: $(($Run.Calls | ForEach-Object { "$($_.Method) $($_.Path) -> $($_.Status)" }) -join '; '))"
        $made | ForEach-Object { $_.Status | Should -BeIn (200..299) -Because "Prism's log ends:`n$log" }
    }

    # What Prism answers to the same request made directly (its examples), to compare with what the cmdlet read.
    function script:Invoke-Prism([string] $Api, [string] $Method = 'GET', [string] $Path, $Body, [string] $ContentType = 'application/json') {
        $mock = $mocks[$Api]
        $headers = if ($Api -eq 'V2') { @{ Authorization = 'Bearer contract-test' } } else { @{ 'x-api-key' = 'contract-test'; 'X-8x8-Tenant' = 'acme' } }
        $headers.Accept = 'application/hal+json, application/json'
        $call = @{ Method = $Method; Uri = "$($mock.BaseUri)$Path"; Headers = $headers }
        if ($null -ne $Body) { $call.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 8 }; $call.ContentType = $ContentType }
        Invoke-RestMethod @call
    }

    # The items of a list answer: V2's {key: [...]}, the Gateway's {_embedded: {key: [...]}}; one object counts as one item.
    function script:Get-Items($Answer, [string] $Key) {
        $holder = if ($Answer.PSObject.Properties['_embedded']) { $Answer._embedded } else { $Answer }
        @($holder.$Key)
    }

    $script:v2Path = '/vcc/us/chat/v2/tenant/acme'
    $script:gwPath = '/chat-gateway/v1'
    $script:file = Join-Path ([IO.Path]::GetTempPath()) "prism-contract-$PID.txt"
    Set-Content -Path $file -Value 'an attachment for the contract suite' -NoNewline
    $script:downloads = Join-Path ([IO.Path]::GetTempPath()) "prism-contract-$PID"
}

AfterAll {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
    Get-Module ChatApi | Remove-Module -Force
    foreach ($mock in $mocks.Values) { Stop-PrismMock $mock }
    Remove-Item $file, $downloads -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Contract against Prism: Chat API V2' {
    BeforeAll {
        $script:connected = Get-Date
        $script:connect = Invoke-Contract V2 {
            Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $mocks.V2.BaseUri -RequestsPerSecond 0 -PassThru
        }
        $script:s = @($connect.Output)[0]
        $script:webhook = @{ name = 'contract'; uri = 'https://127.0.0.1:9/hook'; version = 'v2.0'; notificationVersion = 'v2.0' }
        $script:channel = @{ name = 'contract'; webHookId = '12'; routingOptions = @{ type = 'queue'; id = '7' } }
    }

    It 'createaccesstoken (POST /oauth/v2/token): Connect-ChatApi reads the token and uses it' {
        Assert-Reached $connect V2 POST '/oauth/v2/token'
        $s.IsConnected | Should -BeTrue
        $s.TokenExpiresAt | Should -BeGreaterThan $connected
        # Prism refuses a call without a bearer token (401): the tenant read at connect carried the one Prism gave.
        Assert-Reached $connect V2 GET "$v2Path/web-hooks"
    }

    It 'getwebhooks: Get-ChatWebhook lists the items Prism sent' {
        $run = Invoke-Contract V2 { Get-ChatWebhook -Session $s }
        Assert-Reached $run V2 GET "$v2Path/web-hooks"
        $sent = Get-Items (Invoke-Prism V2 -Path "$v2Path/web-hooks") 'data'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Uri | Should -Be $sent.uri
        @($run.Calls).Count | Should -Be 1 -Because 'a short page ends the list whatever its page block says'
    }

    It 'createwebhook: New-ChatWebhook gives the id Prism created' {
        $run = Invoke-Contract V2 { New-ChatWebhook -Session $s -Name 'contract' -Uri 'https://127.0.0.1:9/hook' -Confirm:$false }
        Assert-Reached $run V2 POST "$v2Path/web-hooks"
        $sent = Invoke-Prism V2 POST "$v2Path/web-hooks" $webhook
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Name | Should -Be $sent.name
    }

    It 'getwebhookbyid: Get-ChatWebhook -Id reads the webhook' {
        $run = Invoke-Contract V2 { Get-ChatWebhook -Session $s -Id 12 }
        Assert-Reached $run V2 GET "$v2Path/web-hooks/12"
        $run.Output.Id | Should -Be (Invoke-Prism V2 -Path "$v2Path/web-hooks/12").id
    }

    It 'updatewebhook: Set-ChatWebhook -PassThru gives the webhook Prism answered' {
        $run = Invoke-Contract V2 { Set-ChatWebhook -Session $s -Id 12 -Name 'renamed' -PassThru -Confirm:$false }
        Assert-Reached $run V2 PUT "$v2Path/web-hooks/12"
        $sent = Invoke-Prism V2 PUT "$v2Path/web-hooks/12" $webhook
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Name | Should -Be $sent.name
    }

    It 'deletewebhookbyid: Remove-ChatWebhook removes it (204)' {
        $run = Invoke-Contract V2 { Remove-ChatWebhook -Session $s -Id 12 -Confirm:$false }
        Assert-Reached $run V2 DELETE "$v2Path/web-hooks/12"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'verifywebhook: Test-ChatWebhook reports the 204 as a success' {
        $run = Invoke-Contract V2 { Test-ChatWebhook -Session $s -Uri 'https://127.0.0.1:9/hook' }
        Assert-Reached $run V2 POST "$v2Path/web-hooks/verify"
        $run.Output.Success | Should -BeTrue
        $run.Output.StatusCode | Should -Be 204
    }

    It 'getjwkpublickey: Get-ChatJwk reads the key' {
        $run = Invoke-Contract V2 { Get-ChatJwk -Session $s -KeyId 'EXaiWfZe20eSjklZ70074w' }
        Assert-Reached $run V2 GET '/vcc/us/chat/v2/jwk/EXaiWfZe20eSjklZ70074w/public'
        $sent = Invoke-Prism V2 -Path '/vcc/us/chat/v2/jwk/EXaiWfZe20eSjklZ70074w/public'
        $run.Output.KeyId | Should -Be $sent.kid
        $run.Output.N | Should -Be $sent.n
    }

    It 'getchatapichannels: Get-ChatChannel lists the items Prism sent' {
        $run = Invoke-Contract V2 { Get-ChatChannel -Session $s }
        Assert-Reached $run V2 GET "$v2Path/channels"
        $sent = Get-Items (Invoke-Prism V2 -Path "$v2Path/channels") 'data'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.WebhookId | Should -Be $sent.webHookId
        @($run.Calls).Count | Should -Be 1
    }

    It 'createchatapichannel: New-ChatChannel gives the id Prism created' {
        $run = Invoke-Contract V2 { New-ChatChannel -Session $s -Name 'contract' -WebhookId 12 -QueueId 7 -Confirm:$false }
        Assert-Reached $run V2 POST "$v2Path/channels"
        $run.Output.Id | Should -Be (Invoke-Prism V2 POST "$v2Path/channels" $channel).id
    }

    It 'getchatapichannel: Get-ChatChannel -Id reads the channel' {
        $run = Invoke-Contract V2 { Get-ChatChannel -Session $s -Id 25 }
        Assert-Reached $run V2 GET "$v2Path/channels/25"
        $sent = Invoke-Prism V2 -Path "$v2Path/channels/25"
        $run.Output.Id | Should -Be $sent.id
        $run.Output.QueueId | Should -Be $sent.routingOptions.id
    }

    It 'updatechatapichannel: Set-ChatChannel -PassThru gives the channel Prism answered' {
        $run = Invoke-Contract V2 { Set-ChatChannel -Session $s -Id 25 -QueueId 7 -PassThru -Confirm:$false }
        Assert-Reached $run V2 PUT "$v2Path/channels/25"
        $run.Output.Id | Should -Be (Invoke-Prism V2 PUT "$v2Path/channels/25" $channel).id
    }

    It 'deletechatapichannelbyid: Remove-ChatChannel removes it (204)' {
        $run = Invoke-Contract V2 { Remove-ChatChannel -Session $s -Id 25 -Confirm:$false }
        Assert-Reached $run V2 DELETE "$v2Path/channels/25"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'getcctransactions: Get-ChatConversation lists the items Prism sent' {
        $run = Invoke-Contract V2 { Get-ChatConversation -Session $s }
        Assert-Reached $run V2 GET "$v2Path/conversations"
        $sent = Get-Items (Invoke-Prism V2 -Path "$v2Path/conversations") 'data'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.ChannelId | Should -Be $sent.channelId
        @($run.Calls).Count | Should -Be 1
    }

    It 'createcctransaction: New-ChatConversation gives the id Prism created' {
        $run = Invoke-Contract V2 { New-ChatConversation -Session $s -ChannelId 25 -CustomerName 'Jo Doe' -Email 'jo@example.com' -Confirm:$false }
        Assert-Reached $run V2 POST "$v2Path/conversations"
        $sent = Invoke-Prism V2 POST "$v2Path/conversations" @{ channelId = '25'; user = @{ name = 'Jo Doe' }; customer = @{ name = 'Jo Doe' } }
        $sent.conversationId | Should -Not -BeNullOrEmpty
        $run.Output.Id | Should -Be $sent.conversationId
    }

    It 'getcctransaction: Get-ChatConversation -Id reads the conversation' {
        $run = Invoke-Contract V2 { Get-ChatConversation -Session $s -Id 'vXg39aMTRlq4xCBFaUCTlA' }
        Assert-Reached $run V2 GET "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA"
        $sent = Invoke-Prism V2 -Path "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA"
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Interactions.Id | Should -Be $sent.interactions.id
    }

    It 'getparticipantsforcctransaction: Get-ChatParticipant lists the participants Prism sent' {
        $run = Invoke-Contract V2 { Get-ChatParticipant -Session $s -ConversationId 'vXg39aMTRlq4xCBFaUCTlA' }
        Assert-Reached $run V2 GET "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/participants"
        $sent = Get-Items (Invoke-Prism V2 -Path "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/participants") 'participants'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Type | Should -Be $sent.type
    }

    It 'customerparticipantleavecctransaction: Close-ChatConversation makes the customer leave (204)' {
        $run = Invoke-Contract V2 { Close-ChatConversation -Session $s -ConversationId 'vXg39aMTRlq4xCBFaUCTlA' -Confirm:$false }
        Assert-Reached $run V2 DELETE "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/participants/customer"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'getmessagesforcctransaction: Get-ChatMessage lists the messages Prism sent' {
        $run = Invoke-Contract V2 { Get-ChatMessage -Session $s -ConversationId 'vXg39aMTRlq4xCBFaUCTlA' }
        Assert-Reached $run V2 GET "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/messages"
        $sent = Get-Items (Invoke-Prism V2 -Path "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/messages") 'messages'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.OriginalText | Should -Be $sent.originalText
        $run.Output.ParticipantId | Should -Be $sent.participantId
    }

    It 'sendmessagetocctransaction: Send-ChatMessage is accepted (202)' {
        $run = Invoke-Contract V2 { Send-ChatMessage -Session $s -ConversationId 'vXg39aMTRlq4xCBFaUCTlA' -Text 'Hello from the contract suite' -Confirm:$false }
        Assert-Reached $run V2 POST "$v2Path/conversations/vXg39aMTRlq4xCBFaUCTlA/messages"
        $run.Output.Accepted | Should -BeTrue
        $run.Output.Text | Should -Be 'Hello from the contract suite'
    }

    It 'reaches every operation of 8x8''s V2 description through the cmdlets' {
        $missing = @($operations | Where-Object Api -EQ V2 | Where-Object {
                $op = $_
                -not ($reached | Where-Object { $_.Api -eq 'V2' -and $_.Method -eq $op.Method -and $_.Path -match $op.Pattern -and $_.Status -lt 300 })
            } | ForEach-Object { "$($_.OperationId) ($($_.Method) $($_.Template))" })
        $missing | Should -BeNullOrEmpty
        @($operations | Where-Object Api -EQ V2).Count | Should -Be 20
    }
}

Describe 'Contract against Prism: Chat Gateway' {
    BeforeAll {
        $script:connect = Invoke-Contract Gateway {
            Connect-ChatApi -Api Gateway -ApiKey 'contract-test' -TenantId acme -BaseUri $mocks.Gateway.BaseUri -RequestsPerSecond 0 -PassThru
        }
        $script:g = @($connect.Output)[0]
        $script:webhook = @{ name = 'contract'; uri = 'https://127.0.0.1:9/hook'; version = 'Chat Gateway v1.0'; notificationVersion = 'Chat Gateway v1.0' }
        $script:channel = @{ name = 'contract'; type = 'ChatAPI'; webHookId = '12'; routingOptions = @{ type = 'queue'; id = '7' } }
        $script:conversation = 'vXg39aMTRlq4xCBFaUCTlA'
        $script:convPath = "$gwPath/conversations/$conversation"
    }

    It 'getwebhooks-1: Get-ChatWebhook lists the items Prism sent (connecting reads the list too)' {
        Assert-Reached $connect Gateway GET "$gwPath/webhooks"
        $g.IsConnected | Should -BeTrue
        $run = Invoke-Contract Gateway { Get-ChatWebhook -Session $g }
        Assert-Reached $run Gateway GET "$gwPath/webhooks"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$gwPath/webhooks") 'webhooks'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Version | Should -Be $sent.version
        @($run.Calls).Count | Should -Be 1 -Because 'a short page ends the list whatever its page block says'
    }

    It 'createwebhook-1: New-ChatWebhook gives the id Prism created' {
        $run = Invoke-Contract Gateway { New-ChatWebhook -Session $g -Name 'contract' -Uri 'https://127.0.0.1:9/hook' -Confirm:$false }
        Assert-Reached $run Gateway POST "$gwPath/webhooks"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway POST "$gwPath/webhooks" $webhook).id
    }

    It 'getwebhookbyid-1: Get-ChatWebhook -Id reads the webhook' {
        $run = Invoke-Contract Gateway { Get-ChatWebhook -Session $g -Id 12 }
        Assert-Reached $run Gateway GET "$gwPath/webhooks/12"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway -Path "$gwPath/webhooks/12").id
    }

    It 'updatewebhook-1: Set-ChatWebhook -PassThru gives the webhook Prism answered' {
        $run = Invoke-Contract Gateway { Set-ChatWebhook -Session $g -Id 12 -Name 'renamed' -PassThru -Confirm:$false }
        Assert-Reached $run Gateway PUT "$gwPath/webhooks/12"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway PUT "$gwPath/webhooks/12" $webhook).id
    }

    It 'deletewebhookbyid-1: Remove-ChatWebhook removes it (204)' {
        $run = Invoke-Contract Gateway { Remove-ChatWebhook -Session $g -Id 12 -Confirm:$false }
        Assert-Reached $run Gateway DELETE "$gwPath/webhooks/12"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'verifywebhook-1: Test-ChatWebhook reports the 204 as a success' {
        $run = Invoke-Contract Gateway { Test-ChatWebhook -Session $g -Uri 'https://127.0.0.1:9/hook' }
        Assert-Reached $run Gateway POST "$gwPath/webhooks/verify"
        $run.Output.Success | Should -BeTrue
        $run.Output.StatusCode | Should -Be 204
    }

    It 'getjwkpublickey-1: Get-ChatJwk reads the key' {
        $run = Invoke-Contract Gateway { Get-ChatJwk -Session $g -KeyId 'EXaiWfZe20eSjklZ70074w' }
        Assert-Reached $run Gateway GET "$gwPath/jwk/EXaiWfZe20eSjklZ70074w/public"
        $sent = Invoke-Prism Gateway -Path "$gwPath/jwk/EXaiWfZe20eSjklZ70074w/public"
        $run.Output.KeyId | Should -Be $sent.kid
        $run.Output.N | Should -Be $sent.n
    }

    It 'getchatapichannels-1: Get-ChatChannel lists the items Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatChannel -Session $g }
        Assert-Reached $run Gateway GET "$gwPath/channels"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$gwPath/channels") 'channels'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.QueueId | Should -Be $sent.routingOptions.id
        @($run.Calls).Count | Should -Be 1
    }

    It 'createchatapichannel-1: New-ChatChannel gives the id Prism created' {
        $run = Invoke-Contract Gateway { New-ChatChannel -Session $g -Name 'contract' -WebhookId 12 -QueueId 7 -Confirm:$false }
        Assert-Reached $run Gateway POST "$gwPath/channels"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway POST "$gwPath/channels" $channel).id
    }

    It 'getchatapichannel-1: Get-ChatChannel -Id reads the channel' {
        $run = Invoke-Contract Gateway { Get-ChatChannel -Session $g -Id 25 }
        Assert-Reached $run Gateway GET "$gwPath/channels/25"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway -Path "$gwPath/channels/25").id
    }

    It 'updatechatapichannel-1: Set-ChatChannel -PassThru gives the channel Prism answered' {
        $run = Invoke-Contract Gateway { Set-ChatChannel -Session $g -Id 25 -QueueId 7 -PassThru -Confirm:$false }
        Assert-Reached $run Gateway PUT "$gwPath/channels/25"
        $run.Output.Id | Should -Be (Invoke-Prism Gateway PUT "$gwPath/channels/25" $channel).id
    }

    It 'deletechatapichannelbyid-1: Remove-ChatChannel removes it (204)' {
        $run = Invoke-Contract Gateway { Remove-ChatChannel -Session $g -Id 25 -Confirm:$false }
        Assert-Reached $run Gateway DELETE "$gwPath/channels/25"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'getcctransactions-1: Get-ChatConversation lists the items Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatConversation -Session $g }
        Assert-Reached $run Gateway GET "$gwPath/conversations"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$gwPath/conversations") 'conversations'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.AssignmentId | Should -Be $sent.assignment.id
        @($run.Calls).Count | Should -Be 1
    }

    It 'createcctransaction-1: New-ChatConversation gives the id and time Prism created' {
        $run = Invoke-Contract Gateway { New-ChatConversation -Session $g -ChannelId 25 -CustomerName 'Jo Doe' -Email 'jo@example.com' -Confirm:$false }
        Assert-Reached $run Gateway POST "$gwPath/conversations"
        $sent = Invoke-Prism Gateway POST "$gwPath/conversations" @{ channelId = '25'; user = @{ name = 'Jo Doe' } }
        $sent.conversationId | Should -Not -BeNullOrEmpty
        $run.Output.Id | Should -Be $sent.conversationId
        $run.Output.Created | Should -Be ([DateTimeOffset]$sent.createdAt)
    }

    It 'putcctransaction: Set-ChatConversation -Replace -PassThru gives the conversation Prism answered' {
        $run = Invoke-Contract Gateway { Set-ChatConversation -Session $g -ConversationId $conversation -Replace -ChannelId 25 -QueueId 7 -CustomerName 'Jo Doe' -PassThru -Confirm:$false }
        Assert-Reached $run Gateway PUT $convPath
        $sent = Invoke-Prism Gateway PUT $convPath @{ channelId = '25'; user = @{ name = 'Jo Doe' }; assignment = @{ type = 'queue'; id = '7' } }
        $run.Output.Id | Should -Be $sent.id
        $run.Output.AssignmentId | Should -Be $sent.assignment.id
    }

    It 'patchcctransaction: Set-ChatConversation -PassThru gives the conversation Prism answered' {
        $run = Invoke-Contract Gateway { Set-ChatConversation -Session $g -ConversationId $conversation -QueueId 7 -PassThru -Confirm:$false }
        Assert-Reached $run Gateway PATCH $convPath
        $sent = Invoke-Prism Gateway PATCH $convPath @{ assignment = @{ type = 'queue'; id = '7' } }
        $run.Output.Id | Should -Be $sent.id
        $run.Output.AssignmentId | Should -Be $sent.assignment.id
    }

    It 'getcctransaction-1: Get-ChatConversation -Id reads the conversation' {
        $run = Invoke-Contract Gateway { Get-ChatConversation -Session $g -Id $conversation }
        Assert-Reached $run Gateway GET $convPath
        $sent = Invoke-Prism Gateway -Path $convPath
        $run.Output.Id | Should -Be $sent.id
        $run.Output.State | Should -Be $sent.state
    }

    It 'getccinteractions: Get-ChatInteraction lists the interactions Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatInteraction -Session $g -ConversationId $conversation }
        Assert-Reached $run Gateway GET "$convPath/interactions"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$convPath/interactions") 'interactions'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        # The description types them format: date, its example (what Prism sends) holds date-times.
        $run.Output.StartTime | Should -Be ($sent.startTime | ForEach-Object { [DateTimeOffset]$_ })
    }

    It 'createpostagentassignment: Set-ChatPostAgentAssignment is created (201)' {
        $run = Invoke-Contract Gateway { Set-ChatPostAgentAssignment -Session $g -ConversationId $conversation -WebhookId 12 -MaxTotalMinutes 30 -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/post-agent-assignment"
    }

    It 'sendtypingindicator: Send-ChatActivity -Typing (204)' {
        $run = Invoke-Contract Gateway { Send-ChatActivity -Session $g -ConversationId $conversation -Typing -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/typing"
    }

    It 'sendthinkingindicator: Send-ChatActivity -Thinking (204)' {
        $run = Invoke-Contract Gateway { Send-ChatActivity -Session $g -ConversationId $conversation -Thinking -MaxThinkingTime 30 -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/thinking"
    }

    It 'sendreadreceipt: Send-ChatActivity -ReadReceipt (204)' {
        $run = Invoke-Contract Gateway { Send-ChatActivity -Session $g -ConversationId $conversation -ReadReceipt -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/read-receipt"
    }

    It 'getparticipantsforcctransaction-1: Get-ChatParticipant lists the participants Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatParticipant -Session $g -ConversationId $conversation }
        Assert-Reached $run Gateway GET "$convPath/participants"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$convPath/participants") 'participants'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Removed | Should -Be $sent.removed
    }

    It 'userparticipantleavecctransaction: Close-ChatConversation makes the user leave (204)' {
        $run = Invoke-Contract Gateway { Close-ChatConversation -Session $g -ConversationId $conversation -Confirm:$false }
        Assert-Reached $run Gateway PATCH "$convPath/participants/user"
        $run.Output | Should -BeNullOrEmpty
    }

    It 'getmessagesforcctransaction-1: Get-ChatMessage lists the messages Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatMessage -Session $g -ConversationId $conversation }
        Assert-Reached $run Gateway GET "$convPath/messages"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$convPath/messages") 'messages'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.MessageId | Should -Be $sent.id
        $run.Output.OriginalText | Should -Be $sent.text
        $run.Output.CardCount | Should -Be @($sent.cards).Count
    }

    It 'sendmessagetocctransaction-1: Send-ChatMessage is accepted (202)' {
        $run = Invoke-Contract Gateway { Send-ChatMessage -Session $g -ConversationId $conversation -Text 'Hello from the contract suite' -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/messages"
        $run.Output.Accepted | Should -BeTrue
    }

    It 'getmessagebyidforcctransaction: Get-ChatMessage -MessageId reads the message' {
        $run = Invoke-Contract Gateway { Get-ChatMessage -Session $g -ConversationId $conversation -MessageId 'm-1' }
        Assert-Reached $run Gateway GET "$convPath/messages/m-1"
        $sent = Invoke-Prism Gateway -Path "$convPath/messages/m-1"
        $run.Output.MessageId | Should -Be $sent.id
        $run.Output.OriginalText | Should -Be $sent.text
    }

    It 'getconversationattachments: Get-ChatAttachment lists the attachments Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatAttachment -Session $g -ConversationId $conversation }
        Assert-Reached $run Gateway GET "$convPath/attachments"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$convPath/attachments") 'attachments'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.Id | Should -Be $sent.id
        $run.Output.FileName | Should -Be $sent.filename
    }

    It 'addconversationattachments: Add-ChatAttachment gives the id Prism created' {
        $run = Invoke-Contract Gateway { Add-ChatAttachment -Session $g -ConversationId $conversation -Path $file -Confirm:$false }
        Assert-Reached $run Gateway POST "$convPath/attachments"
        # Written here: Invoke-RestMethod -Form leaves the file name unquoted, which stops Prism 5.16's multipart parser.
        $form = "--b`r`nContent-Disposition: form-data; name=`"attachment`"; filename=`"a.txt`"`r`nContent-Type: text/plain`r`n`r`nhello`r`n" +
            "--b`r`nContent-Disposition: form-data; name=`"authorType`"`r`n`r`nuser`r`n--b--`r`n"
        $sent = Invoke-Prism Gateway POST "$convPath/attachments" $form -ContentType 'multipart/form-data; boundary=b'
        $run.Output.Id | Should -Be $sent.id
    }

    It 'getconversationattachment: Get-ChatAttachment -AttachmentId reads the attachment' {
        $run = Invoke-Contract Gateway { Get-ChatAttachment -Session $g -ConversationId $conversation -AttachmentId 'a-1' }
        Assert-Reached $run Gateway GET "$convPath/attachments/a-1"
        $sent = Invoke-Prism Gateway -Path "$convPath/attachments/a-1"
        $run.Output.Id | Should -Be $sent.id
        $run.Output.Size | Should -Be $sent.sizeInBytes
    }

    It 'downloadattachmentforchatapiconversation: Save-ChatAttachment reads the content and refuses a short one' {
        # Prism's content example is not the size its metadata example gives: the cmdlet must count
        # what came, say so, and save nothing (as it must when a real download is cut short).
        $run = Invoke-Contract Gateway { Save-ChatAttachment -Session $g -ConversationId $conversation -AttachmentId 'a-1' -Destination $downloads -Force -Confirm:$false }
        Assert-Reached $run Gateway GET "$convPath/attachments/a-1/content" -AllowErrors
        $content = Invoke-WebRequest -Uri "$($mocks.Gateway.BaseUri)$convPath/attachments/a-1/content" -Headers @{ 'x-api-key' = 'contract-test'; Accept = 'application/octet-stream' }
        $sentBytes = $content.RawContentLength
        $declared = (Invoke-Prism Gateway -Path "$convPath/attachments/a-1").sizeInBytes
        $sentBytes | Should -Not -Be $declared
        @($run.Errors).Count | Should -Be 1
        "$($run.Errors[0])" | Should -BeLike "*$sentBytes bytes came, the attachment has $declared*"
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidResponse*'
        @(Get-ChildItem $downloads -File -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'getcardsforcctransaction: Get-ChatCard lists the cards Prism sent' {
        $run = Invoke-Contract Gateway { Get-ChatCard -Session $g -ConversationId $conversation -MessageId 'm-1' }
        Assert-Reached $run Gateway GET "$convPath/messages/m-1/cards"
        $sent = Get-Items (Invoke-Prism Gateway -Path "$convPath/messages/m-1/cards") 'cards'
        $sent.Count | Should -BeGreaterThan 0
        $run.Output.CardId | Should -Be $sent.id
        $run.Output.ContentType | Should -Be $sent.contentType
    }

    It 'updatecardactionsubmit: Invoke-ChatCardAction -Submit (204)' {
        $run = Invoke-Contract Gateway { Invoke-ChatCardAction -Session $g -ConversationId $conversation -CardId 'card-1' -Submit -Data @{ name = '8x8' } -Confirm:$false }
        Assert-Reached $run Gateway PUT "/api/v1/tenant/acme/conversations/$conversation/cards/card-1/action-submit"
    }

    It 'updatecardactionexecute: Invoke-ChatCardAction -Execute (204)' {
        $run = Invoke-Contract Gateway { Invoke-ChatCardAction -Session $g -ConversationId $conversation -CardId 'card-1' -Execute -Data @{ name = '8x8-Int' } -Confirm:$false }
        Assert-Reached $run Gateway PUT "/api/v1/tenant/acme/conversations/$conversation/cards/card-1/action-execute"
    }

    It 'reaches every operation of 8x8''s Chat Gateway description through the cmdlets' {
        $missing = @($operations | Where-Object Api -EQ Gateway | Where-Object {
                $op = $_
                -not ($reached | Where-Object { $_.Api -eq 'Gateway' -and $_.Method -eq $op.Method -and $_.Path -match $op.Pattern -and $_.Status -lt 300 })
            } | ForEach-Object { "$($_.OperationId) ($($_.Method) $($_.Template))" })
        $missing | Should -BeNullOrEmpty
        @($operations | Where-Object Api -EQ Gateway).Count | Should -Be 34
    }
}
