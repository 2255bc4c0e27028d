# Signed webhook events end to end: the emulator signs real deliveries; the cmdlets check, parse and receive them.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module $PSScriptRoot/TestHelpers.psm1 -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
    $script:base = $emu.BaseUri
    $script:tenant = "$base/vcc/us/chat/v2/tenant/acme"
    $script:auth = @{ Authorization = "Bearer $(Get-TestToken -BaseUri $base)" }

    function script:Api([string] $Method, [string] $Path, $Body) {
        $params = @{ Method = $Method; Uri = "$tenant/$Path"; Headers = $script:auth }
        if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $params.ContentType = 'application/json' }
        Invoke-RestMethod @params
    }

    # What the emulator's built-in receiver got, oldest first: objects with body and headers.
    function script:Get-Received([string] $Name, [int] $AtLeast = 1) { Get-TestDelivery -BaseUri $base -Name $Name -AtLeast $AtLeast }

    # A hashtable of headers (what a user has after capturing a request).
    function script:ConvertTo-HeaderTable($Headers) {
        $table = @{}
        foreach ($p in $Headers.PSObject.Properties) { $table[$p.Name] = [string] $p.Value }
        $table
    }

    function script:Get-EmulatorJwk([string] $Kid) {
        Invoke-RestMethod "$base/vcc/us/chat/v2/jwk/$Kid/public" | ConvertTo-Json -Compress
    }

    function script:Get-Kid([string] $Signature) {
        $part = $Signature.Split('.')[0].Replace('-', '+').Replace('_', '/')
        $part += '=' * ((4 - $part.Length % 4) % 4)
        ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($part)) | ConvertFrom-Json).kid
    }

    # One WEB_HOOK_VERIFY delivery, signed by the emulator, into /_receiver/<name>.
    function script:New-SignedDelivery([string] $Name) {
        Api Post 'web-hooks/verify' @{ version = 'v2.0'; uri = "$base/_receiver/$Name" } | Out-Null
        (Get-Received $Name)[-1]
    }

    function script:Get-FreePort {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop(); $port
    }

    # Runs -Sender (given -Arguments) in another runspace while -Receive runs here: the receiver's output and what the sender returned.
    # Runs first in the sender's runspace: Wait-Listening URL waits, with a deadline, until something
    # accepts connections there (the receiver the test starts meanwhile), instead of sleeping.
    $script:senderPrelude = {
        function global:Wait-Listening([string] $Url) {
            $target = [uri]$Url
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ([DateTime]::UtcNow -lt $deadline) {
                $client = [Net.Sockets.TcpClient]::new()
                try { $client.Connect($target.Host, $target.Port); return } catch { Start-Sleep -Milliseconds 50 } finally { $client.Dispose() }
            }
            throw "Nothing listens at $Url."
        }
    }

    function script:Invoke-WhileSending([object[]] $Arguments, [scriptblock] $Sender, [scriptblock] $Receive) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript($senderPrelude.ToString()).Invoke()
        $ps.Commands.Clear()
        $null = $ps.AddScript($Sender.ToString())
        foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
        $async = $ps.BeginInvoke()
        try {
            $received = @(& $Receive)
            $sent = @($ps.EndInvoke($async))
        }
        finally { $ps.Dispose() }
        [pscustomobject]@{ Received = $received; Sent = $sent }
    }

    $script:session = Connect-TestSession $emu -RequestsPerSecond 5
}

AfterAll {
    Stop-TestEmulator $script:emu
}

Describe 'Signatures: Test-ChatWebhookSignature on emulator deliveries' {
    BeforeAll {
        $script:delivery = New-SignedDelivery 'sig-basic'
        $script:headers = ConvertTo-HeaderTable $delivery.headers
        $script:jwk = Get-EmulatorJwk (Get-Kid $headers['x-8x8-signature'])
    }

    It 'is $true with the key fetched through the session' {
        Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Session $session | Should -BeTrue
    }

    It 'is $true offline with -Jwk, and -Detailed tells what the event claims' {
        $r = Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk -Detailed
        $r | Should -BeOfType ([ChatApi.SignatureCheckResult])
        $r.IsValid | Should -BeTrue
        $r.Reason | Should -Be 'Valid'
        $r.TenantId | Should -Be 'acme'
        $r.EventId | Should -Be $headers['x-8x8-event-id']
        $r.Retry | Should -Be 0
        $r.KeyId | Should -Be (Get-Kid $headers['x-8x8-signature'])
        $r.TransmissionTime | Should -BeOfType ([DateTimeOffset])
        $r.Age.TotalMinutes | Should -BeLessThan 5
    }

    It 'works with -Jwk in a process that never connected' {
        $bodyFile = New-TemporaryFile
        @{ body = $delivery.body; headers = $headers; jwk = $jwk } | ConvertTo-Json -Depth 5 | Set-Content $bodyFile
        $script = "Import-Module '$env:CHATAPI_TEST_MODULE'; `$d = Get-Content '$bodyFile' -Raw | ConvertFrom-Json -AsHashtable; " +
            "Test-ChatWebhookSignature -Body `$d.body -Headers `$d.headers -Jwk `$d.jwk"
        $answer = & dotnet pwsh -NoProfile -NonInteractive -Command $script
        Remove-Item $bodyFile
        $answer | Should -Be 'True'
    }

    It 'is $false with BadSignature when one byte of the body changed' {
        $tampered = $delivery.body.Replace('"v2.0"', '"v2.1"')
        $tampered | Should -Not -Be $delivery.body
        Test-ChatWebhookSignature -Body $tampered -Headers $headers -Jwk $jwk | Should -BeFalse
        (Test-ChatWebhookSignature -Body $tampered -Headers $headers -Jwk $jwk -Detailed).Reason | Should -BeLike 'BadSignature*'
        (Test-ChatWebhookSignature -Body ($delivery.body + "`n") -Headers $headers -Session $session -Detailed).ReasonCode | Should -Be 'BadSignature'
    }

    It 'writes the reason as a warning when it answers $false without -Detailed, and none when it answers $true' {
        $tampered = $delivery.body.Replace('"v2.0"', '"v2.1"')
        $answer = Test-ChatWebhookSignature -Body $tampered -Headers $headers -Jwk $jwk -WarningVariable warned -WarningAction SilentlyContinue
        $answer | Should -BeFalse
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike 'Signature refused: BadSignature*'
        $null = Test-ChatWebhookSignature -Body $tampered -Headers $headers -Jwk $jwk -Detailed -WarningVariable detailedWarned -WarningAction SilentlyContinue
        @($detailedWarned).Count | Should -Be 0
        $null = Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk -WarningVariable validWarned -WarningAction SilentlyContinue
        @($validWarned).Count | Should -Be 0
    }

    It 'is $false with BadSignature when <Header> was changed' -TestCases @(
        @{ Header = 'x-8x8-event-id'; Value = 'another-event' }
        @{ Header = 'x-8x8-retry'; Value = '3' }
        @{ Header = 'x-8x8-tenant-id'; Value = 'other-tenant' }
        @{ Header = 'x-8x8-customer-id'; Value = 'other-customer' }
    ) {
        $changed = $headers.Clone(); $changed[$Header] = $Value
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $changed -Jwk $jwk -Detailed).Reason | Should -BeLike 'BadSignature*'
    }

    It 'is $false with BadSignature when the transmission time moved by 1 ms' {
        $changed = $headers.Clone(); $changed['x-8x8-transmission-time'] = [string]([long]$headers['x-8x8-transmission-time'] + 1)
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $changed -Jwk $jwk -Detailed).ReasonCode | Should -Be 'BadSignature'
    }

    It 'names a missing header' {
        $changed = $headers.Clone(); $changed.Remove('x-8x8-signature')
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $changed -Jwk $jwk -Detailed).Reason | Should -Be 'MissingHeader: x-8x8-signature'
        Test-ChatWebhookSignature -Body $delivery.body -Headers @{} -Jwk $jwk | Should -BeFalse
    }

    It 'refuses alg none and HS256 headers' -TestCases @(@{ Alg = 'none' }, @{ Alg = 'HS256' }) {
        $header = "{`"b64`":false,`"crit`":[`"b64`"],`"kid`":`"x`",`"alg`":`"$Alg`"}"
        $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($header)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        $changed = $headers.Clone(); $changed['x-8x8-signature'] = "$b64..c2lnbmF0dXJl"
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $changed -Jwk $jwk -Detailed).ReasonCode | Should -Be 'UnsupportedAlgorithm'
    }

    It 'refuses a kid that is not a plain token before any request' {
        $header = '{"b64":false,"crit":["b64"],"kid":"../../oauth","alg":"RS256"}'
        $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($header)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        $changed = $headers.Clone(); $changed['x-8x8-signature'] = "$b64..c2lnbmF0dXJl"
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $changed -Session $session -Detailed).ReasonCode | Should -Be 'InvalidKeyId'
    }

    It 'reads header names in any case' {
        $upper = @{}
        foreach ($k in $headers.Keys) { $upper[$k.ToUpperInvariant()] = $headers[$k] }
        Test-ChatWebhookSignature -Body $delivery.body -Headers $upper -Jwk $jwk | Should -BeTrue
    }

    It 'applies -MaxAge (seconds or TimeSpan; 0 is off)' {
        # Waits, with a deadline, until the event is over a second old by its own transmission time.
        $sent = [DateTimeOffset]::FromUnixTimeMilliseconds([long]$headers['x-8x8-transmission-time'])
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (([DateTimeOffset]::UtcNow - $sent).TotalMilliseconds -le 1100 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk -MaxAge 1 -Detailed).ReasonCode | Should -Be 'TooOld'
        (Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk -MaxAge ([timespan]::FromMilliseconds(500)) -Detailed).ReasonCode | Should -Be 'TooOld'
        Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk -MaxAge 0 | Should -BeTrue
        Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk $jwk | Should -BeTrue
    }

    It 'with -RejectReplay refuses a second sighting and lets a genuine retry pass' {
        $fresh = New-SignedDelivery 'sig-replay'
        $h = ConvertTo-HeaderTable $fresh.headers
        Test-ChatWebhookSignature -Body $fresh.body -Headers $h -Jwk $jwk -RejectReplay | Should -BeTrue
        (Test-ChatWebhookSignature -Body $fresh.body -Headers $h -Jwk $jwk -RejectReplay -Detailed).ReasonCode | Should -Be 'Replayed'
        # without -RejectReplay it still checks out
        Test-ChatWebhookSignature -Body $fresh.body -Headers $h -Jwk $jwk | Should -BeTrue
    }

    It 'gives a terminating error for a -Jwk that is not a JWK' {
        { Test-ChatWebhookSignature -Body $delivery.body -Headers $headers -Jwk 'not json' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatApi.InvalidJwk,ChatApi.Cmdlets.TestChatWebhookSignatureCommand'
    }
}

Describe 'Signatures: pipeline input' {
    It 'binds Body and Headers by property name from receiver captures, one answer per event' {
        1..3 | ForEach-Object { Api Post 'web-hooks/verify' @{ version = 'v2.0'; uri = "$base/_receiver/sig-pipe" } | Out-Null }
        $got = Get-Received 'sig-pipe' -AtLeast 3
        $answers = @($got | Test-ChatWebhookSignature -Session $session)
        $answers.Count | Should -Be 3
        $answers | Should -Not -Contain $false
        $detailed = @($got | Test-ChatWebhookSignature -Session $session -Detailed)
        ($detailed.EventId | Sort-Object -Unique).Count | Should -Be 3
    }

    It 'says $false for the one tampered event among good ones' {
        $got = Get-Received 'sig-pipe' -AtLeast 3
        $items = @(
            [pscustomobject]@{ Body = $got[0].body; Headers = ConvertTo-HeaderTable $got[0].headers }
            [pscustomobject]@{ Body = $got[1].body.Replace('WEB_HOOK_VERIFY', 'WEB_HOOK_VERIFX'); Headers = ConvertTo-HeaderTable $got[1].headers }
            [pscustomobject]@{ Body = $got[2].body; Headers = ConvertTo-HeaderTable $got[2].headers }
        )
        $items | Test-ChatWebhookSignature -Session $session | Should -Be @($true, $false, $true)
    }
}

Describe 'Signatures: ConvertFrom-ChatWebhookEvent' {
    BeforeAll {
        $hook = Api Post 'web-hooks' @{ name = 'sig-events'; uri = "$base/_receiver/sig-events"; version = 'v2.0'; notificationVersion = 'v2.0' }
        $channel = Api Post 'channels' @{ name = 'sig-events'; webHookId = $hook.id; routingOptions = @{ type = 'queue'; id = 'q-7' } }
        $customer = @{ name = 'Cy Customer'; email = 'cy@example.com' }
        $conv = Api Post 'conversations' @{ channelId = $channel.id; customer = $customer; user = $customer }
        $script:conversationId = $conv.conversationId
        foreach ($step in 'agent-joined', 'text', 'transfer', 'agent-left') {
            Invoke-RestMethod -Method Post "$base/_emulator/conversations/$conversationId/$step" | Out-Null
        }
        # Creating the webhook sent it a WEB_HOOK_VERIFY first (as 8x8 does); the conversation's events follow.
        $all = Get-Received 'sig-events' -AtLeast 6
        ($all[0].body | ConvertFrom-Json).eventType | Should -Be 'WEB_HOOK_VERIFY'
        $script:events = @($all | Select-Object -Skip 1)
    }

    It 'turns each delivery into its type, signed ones marked v2.0' {
        $typed = @($events | ConvertFrom-ChatWebhookEvent)
        $typed.Count | Should -Be $events.Count
        $types = $typed | ForEach-Object { $_.GetType().FullName }
        $types | Should -Contain 'ChatApi.Events.QueuedEvent'
        $types | Should -Contain 'ChatApi.Events.AgentJoinedEvent'
        $types | Should -Contain 'ChatApi.Events.TextEvent'
        $types | Should -Contain 'ChatApi.Events.TransferEvent'
        $types | Should -Contain 'ChatApi.Events.AgentLeftEvent'
        $typed | ForEach-Object { $_.NotificationVersion | Should -Be 'v2.0' }
        $typed | ForEach-Object { $_.ConversationId | Should -Be $conversationId }
        $typed | ForEach-Object { $_.EventId | Should -Not -BeNullOrEmpty }
    }

    It 'fills the fields of each type' {
        $typed = @($events | ConvertFrom-ChatWebhookEvent)
        $queued = $typed | Where-Object EventType -eq 'QUEUED' | Select-Object -First 1
        $queued.QueueId | Should -Be 'q-7'
        $queued.Timestamp | Should -BeOfType ([DateTimeOffset])
        $queued.MessageType | Should -Be 'SYSTEM'
        $text = $typed | Where-Object EventType -eq 'TEXT'
        $text.MessageType | Should -Be 'AGENT'
        $text.Message | Should -Not -BeNullOrEmpty
        $text.AgentName | Should -Not -BeNullOrEmpty
        ($typed | Where-Object EventType -eq 'AGENT_JOINED').AgentId | Should -Not -BeNullOrEmpty
    }

    It 'tells v1.0 (no signature headers) from v2.0 and keeps unknown types raw' {
        $body = '{"eventType":"QUEUED","conversationId":"c-1","queueId":"1","queueName":"Q","messageType":"SYSTEM","timestamp":1767225600000}'
        $v1 = $body | ConvertFrom-ChatWebhookEvent
        $v1.NotificationVersion | Should -Be 'v1.0'
        $v1.Timestamp | Should -Be ([DateTimeOffset]::new(2026, 1, 1, 0, 0, 0, [TimeSpan]::Zero))
        $unknown = ConvertFrom-ChatWebhookEvent -Body '{"eventType":"CUSTOMER_TYPING","conversationId":"c-1"}'
        $unknown | Should -BeOfType ([ChatApi.Events.UnknownEvent])
        $unknown.RawJson | Should -Be '{"eventType":"CUSTOMER_TYPING","conversationId":"c-1"}'
        (ConvertFrom-ChatWebhookEvent -Body '{"eventType":"WEB_HOOK_VERIFY","notificationVersion":"v2.0"}').NotificationVersion | Should -Be 'v2.0'
    }

    It 'writes a non-terminating error for a body that is not JSON and goes on' {
        $out = @('not json', '{"eventType":"AGENT_LEFT"}' | ConvertFrom-ChatWebhookEvent -ErrorVariable problems -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $out[0] | Should -BeOfType ([ChatApi.Events.AgentLeftEvent])
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidEvent*'
    }
}

Describe 'Signatures: Receive-ChatWebhookEvent' {
    It 'takes events the emulator sends, answers 200, and 401 to a tampered one' {
        $port = Get-FreePort
        $url = "http://127.0.0.1:$port/hook"
        $captured = New-SignedDelivery 'sig-receive-source'
        $bad = ConvertTo-HeaderTable $captured.headers
        # Meanwhile, in another runspace: 8x8 (the emulator) verifies the webhook at our URL, then a forger posts.
        $run = Invoke-WhileSending -Arguments $tenant, $script:auth, $url, $captured.body, $bad -Sender {
            param($tenant, $auth, $url, $body, $headers)
            Wait-Listening $url
            $forged = Invoke-WebRequest -Method Post $url -Headers $headers -ContentType 'application/json' `
                -Body $body.Replace('v2.0', 'v9.9') -SkipHttpErrorCheck -SkipHeaderValidation
            $verify = Invoke-WebRequest -Method Post "$tenant/web-hooks/verify" -Headers $auth -ContentType 'application/json' `
                -Body (@{ version = 'v2.0'; uri = $url } | ConvertTo-Json) -SkipHttpErrorCheck
            @($verify.StatusCode, $forged.StatusCode)
        } -Receive { Receive-ChatWebhookEvent -Port $port -Path '/hook' -Count 1 -Timeout 30 -Session $session -IncludeRefused }
        $received = $run.Received
        $statuses = $run.Sent

        $statuses[0] | Should -Be 204   # the emulator got our 200
        $statuses[1] | Should -Be 401
        # the forgery came first: with -IncludeRefused it is written (marked) but did not end the -Count 1 run
        $received.Count | Should -Be 2
        $received[1] | Should -BeOfType ([ChatApi.Events.ReceivedWebhookEvent])
        $received[1].StatusCode | Should -Be 200
        $received[1].IsValid | Should -BeTrue
        $received[1].Refused | Should -BeFalse
        $received[1].Signature.Reason | Should -Be 'Valid'
        $received[1].Event | Should -BeOfType ([ChatApi.Events.WebhookVerifyEvent])
        $received[1].Event.NotificationVersion | Should -Be 'v2.0'
        $received[0].StatusCode | Should -Be 401
        $received[0].Refused | Should -BeTrue
        $received[0].Signature.ReasonCode | Should -Be 'BadSignature'
        # what it writes can be checked again
        $received | Test-ChatWebhookSignature -Session $session -MaxAge 0 | Should -Be @($false, $true)
    }

    It 'accepts unsigned events under -SkipSignatureCheck and stops at -Timeout' {
        $port = Get-FreePort
        $started = Get-Date
        $run = Invoke-WhileSending -Arguments $port -Sender {
            param($port)
            Wait-Listening "http://127.0.0.1:$port/"
            (Invoke-WebRequest -Method Post "http://127.0.0.1:$port/" -ContentType 'application/json' -Body '{"eventType":"QUEUED","queueName":"Q"}' -SkipHttpErrorCheck).StatusCode
        } -Receive { Receive-ChatWebhookEvent -Port $port -SkipSignatureCheck -Timeout 3 }
        $received = $run.Received
        $status = $run.Sent
        ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 15
        $status | Should -Be 200
        $received.Count | Should -Be 1
        $received[0].Signature | Should -BeNullOrEmpty
        $received[0].Event.NotificationVersion | Should -Be 'v1.0'
        $received[0].Event.QueueName | Should -Be 'Q'
    }

    It 'refuses unsigned events (401) when checking with -Jwk' {
        $port = Get-FreePort
        $delivery = New-SignedDelivery 'sig-receive-jwk'
        $jwk = Get-EmulatorJwk (Get-Kid $delivery.headers.'x-8x8-signature')
        $run = Invoke-WhileSending -Arguments $port -Sender {
            param($port)
            Wait-Listening "http://127.0.0.1:$port/"
            (Invoke-WebRequest -Method Post "http://127.0.0.1:$port/" -ContentType 'application/json' -Body '{"eventType":"QUEUED"}' -SkipHttpErrorCheck).StatusCode
        } -Receive { Receive-ChatWebhookEvent -Port $port -Jwk $jwk -Timeout 4 -IncludeRefused }
        $received = $run.Received
        $status = $run.Sent
        $status | Should -Be 401
        $received[0].Signature.Reason | Should -Be 'MissingHeader: x-8x8-signature'
    }
}

Describe 'Signatures: hostile senders and keys without a session' {
    It 'a forged POST neither ends a -Count 1 receiver nor reaches the pipeline; a replay is refused' {
        $port = Get-FreePort
        $url = "http://127.0.0.1:$port/hook"
        $captured = New-SignedDelivery 'sig-hostile'
        $replayed = ConvertTo-HeaderTable $captured.headers
        $run = Invoke-WhileSending -Arguments $tenant, $script:auth, $url, $captured.body, $replayed -Sender {
            param($tenant, $auth, $url, $body, $headers)
            Wait-Listening $url
            $forged = Invoke-WebRequest -Method Post $url -ContentType 'application/json' -SkipHttpErrorCheck `
                -Body '{"eventType":"TEXT","text":"pay me"}'
            $replay = Invoke-WebRequest -Method Post $url -Headers $headers -ContentType 'application/json' -Body $body -SkipHttpErrorCheck -SkipHeaderValidation
            $replay2 = Invoke-WebRequest -Method Post $url -Headers $headers -ContentType 'application/json' -Body $body -SkipHttpErrorCheck -SkipHeaderValidation
            $verify = Invoke-WebRequest -Method Post "$tenant/web-hooks/verify" -Headers $auth -ContentType 'application/json' `
                -Body (@{ version = 'v2.0'; uri = $url } | ConvertTo-Json) -SkipHttpErrorCheck
            @($forged.StatusCode, $replay.StatusCode, $replay2.StatusCode, $verify.StatusCode)
        } -Receive {
            # the captured delivery is still within MaxAge: its first sighting here counts, the second is a replay
            Receive-ChatWebhookEvent -Port $port -Path '/hook' -Count 2 -Timeout 30 -Session $session -Verbose 4>&1
        }
        $received = $run.Received
        $statuses = $run.Sent
        $statuses | Should -Be @(401, 200, 401, 204)
        $events = @($received | Where-Object { $_ -is [ChatApi.Events.ReceivedWebhookEvent] })
        $events.Count | Should -Be 2
        $events.Refused | Should -Be @($false, $false)
        $events[1].Event | Should -BeOfType ([ChatApi.Events.WebhookVerifyEvent])
        $verbose = @($received | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        ($verbose -match 'Refused \(401\): MissingHeader').Count | Should -Be 1
        ($verbose -match 'Refused \(401\): Replayed').Count | Should -Be 1
    }

    It '-AllowReplay takes a second sighting; -AllowReplay with -RejectReplay is refused' {
        $port = Get-FreePort
        $captured = New-SignedDelivery 'sig-allow-replay'
        $headers = ConvertTo-HeaderTable $captured.headers
        $run = Invoke-WhileSending -Arguments "http://127.0.0.1:$port/", $captured.body, $headers -Sender {
            param($url, $body, $headers)
            Wait-Listening $url
            1..2 | ForEach-Object { (Invoke-WebRequest -Method Post $url -Headers $headers -ContentType 'application/json' -Body $body -SkipHttpErrorCheck -SkipHeaderValidation).StatusCode }
        } -Receive { Receive-ChatWebhookEvent -Port $port -Count 2 -Timeout 20 -Session $session -AllowReplay }
        $received = $run.Received
        $statuses = $run.Sent
        $statuses | Should -Be @(200, 200)
        $received.Count | Should -Be 2
        { Receive-ChatWebhookEvent -Port 0 -AllowReplay -RejectReplay -Session $session } | Should -Throw -ErrorId 'ChatApi.InvalidArgument*'
    }

    It 'Test-ChatWebhookSignature fetches the key with -Region and -BaseUri alone: no session, no API key' {
        $delivery = New-SignedDelivery 'sig-no-session'
        $work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-nosession-$([guid]::NewGuid())"
        New-Item -ItemType Directory $work | Out-Null
        try {
            @{ body = $delivery.body; headers = (ConvertTo-HeaderTable $delivery.headers) } | ConvertTo-Json | Set-Content "$work/event.json"
            # A fresh process: no Connect-ChatApi ever ran there, no CHATAPI_* variables.
            $script = @'
param($module, $base, $path)
Import-Module $module
$e = Get-Content $path -Raw | ConvertFrom-Json -AsHashtable
$r = Test-ChatWebhookSignature -Body $e.body -Headers $e.headers -Region us -BaseUri $base -Detailed
$none = try { Test-ChatWebhookSignature -Body $e.body -Headers $e.headers -ErrorAction Stop; 'no error' } catch { $_.FullyQualifiedErrorId }
"$($r.Reason)|$none"
'@
            Set-Content "$work/check.ps1" $script
            $pwsh, $pwshArgs = Get-PwshCommand
            $env:CHATAPI_KEY = $null; $env:CHATAPI_SECRET = $null
            $answer = & $pwsh @pwshArgs -NoProfile -NonInteractive -File "$work/check.ps1" $env:CHATAPI_TEST_MODULE $base "$work/event.json"
        }
        finally { Remove-Item $work -Recurse -Force }
        $answer | Should -BeLike 'Valid|ChatApi.NoKeySource*'
    }

    It 'the received-event view never prints Authorization or cookie values' {
        $port = Get-FreePort
        $run = Invoke-WhileSending -Arguments $port -Sender {
            param($port)
            Wait-Listening "http://127.0.0.1:$port/"
            $h = @{ Authorization = 'Bearer view-secret-token'; Cookie = 'sid=view-cookie-secret' }
            (Invoke-WebRequest -Method Post "http://127.0.0.1:$port/" -Headers $h -ContentType 'application/json' -Body '{"eventType":"QUEUED"}' -SkipHttpErrorCheck).StatusCode
        } -Receive { Receive-ChatWebhookEvent -Port $port -SkipSignatureCheck -Count 1 -Timeout 20 }
        $received = $run.Received
        $shown = ($received | Format-List | Out-String) + ($received | Format-Table | Out-String)
        $shown | Should -Not -Match 'view-secret-token'
        $shown | Should -Not -Match 'view-cookie-secret'
        $shown | Should -Match 'Authorization: \*\*\*'
    }
}

Describe "Signatures: 8x8's own sample event (tests/Fixtures/SampleEvent)" {
    BeforeAll {
        # 8x8's one published signed event; the public key of its kid key1 is published nowhere.
        $script:sample = Get-Content "$PSScriptRoot/../Fixtures/SampleEvent/8x8-sample-event.json" -Raw | ConvertFrom-Json -AsHashtable
        $script:nowhere = 'http://127.0.0.1:9'   # nothing listens: the key source cannot be reached
    }

    It 'ConvertFrom-ChatWebhookEvent reads it as AGENT_JOINED with its agent' {
        $e = ConvertFrom-ChatWebhookEvent -Body $sample.body -Headers $sample.headers
        $e | Should -BeOfType ([ChatApi.Events.AgentJoinedEvent])
        $e.EventType | Should -Be 'AGENT_JOINED'
        $e.AgentId | Should -Be 'cmalutan'
        $e.AgentName | Should -Be 'Cosmin,Malutan'
        $e.ConversationId | Should -Be 'Aka5NMHU8MtIG7lUQOxI0DTOvM4'
        $e.EventId | Should -Be 'g4nqGuj8TpCa6tiZ3DeeNw'
    }

    It 'Test-ChatWebhookSignature -Detailed says the key is unavailable or unknown, never a tampered body' {
        $unreachable = Test-ChatWebhookSignature -Body $sample.body -Headers $sample.headers -Region us -BaseUri $nowhere -MaxAge 0 -Detailed
        $unreachable.ReasonCode | Should -Be 'KeyUnavailable'
        $unreachable.KeyId | Should -Be 'key1'
        $unreachable.RetryAfter | Should -BeOfType ([TimeSpan])
        # the emulator publishes keys, but no key1: the source says it does not exist
        $unknown = Test-ChatWebhookSignature -Body $sample.body -Headers $sample.headers -Region us -BaseUri $base -MaxAge 0 -Detailed
        $unknown.ReasonCode | Should -Be 'UnknownKey'
    }

    It 'Receive-ChatWebhookEvent answers it 503 with Retry-After while key1 is out of reach, written only with -IncludeRefused' {
        $port = Get-FreePort
        $run = Invoke-WhileSending -Arguments "http://127.0.0.1:$port/", $sample.body, $sample.headers -Sender {
            param($url, $body, $headers)
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($true) {   # until the receiver listens
                try {
                    $a = Invoke-WebRequest -Method Post $url -Headers $headers -Body $body -SkipHttpErrorCheck -SkipHeaderValidation
                    break
                }
                catch { if ([DateTime]::UtcNow -gt $deadline) { throw } }
            }
            "$($a.StatusCode)|$($a.Headers['Retry-After'])"
        } -Receive {
            Receive-ChatWebhookEvent -Port $port -Region us -BaseUri $nowhere -MaxAge 0 -IncludeRefused -Count 1 -Timeout 10 -Verbose 4>&1
        }
        $status, $retryAfter = "$($run.Sent)".Split('|')
        $status | Should -Be 503
        [int] $retryAfter | Should -BeGreaterThan 0
        $events = @($run.Received | Where-Object { $_ -is [ChatApi.Events.ReceivedWebhookEvent] })
        $events.Count | Should -Be 1
        $events[0].StatusCode | Should -Be 503
        $events[0].Refused | Should -BeTrue
        $events[0].Signature.ReasonCode | Should -Be 'KeyUnavailable'
        $events[0].Event | Should -BeOfType ([ChatApi.Events.AgentJoinedEvent])
        $verbose = @($run.Received | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        ($verbose -match 'Refused \(503\): KeyUnavailable').Count | Should -Be 1
    }
}
