# The Chat Gateway behind the same cmdlets (issue 13): sessions, webhooks, channels and keys on
# Gateway sessions against the emulator's /chat-gateway/v1 paths over real HTTP.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:key = 'demo-gateway-key'
}

Describe 'Gateway sessions' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments '--rate-limit', '0', '--tenant', 'us:acme', '--tenant', 'eu:globex', '--gateway-key', 'one-tenant-key:acme', '--gateway-key', 'demo-gateway-key'
    }
    AfterAll { Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }; Stop-TestEmulator $emu }

    It 'connects with -Api Gateway -ApiKey as a string and shows the API, no region and no key' {
        $s = Connect-ChatApi -Api Gateway -ApiKey $key -TenantId acme -BaseUri $emu.BaseUri -PassThru
        $s.Api | Should -Be 'Gateway'
        $s.Region | Should -BeNullOrEmpty
        $s.TenantId | Should -Be 'acme'
        $s.ApiKey | Should -BeNullOrEmpty
        (Get-ChatSession).Api | Should -Be 'Gateway'
    }

    It 'connects with the key as a SecureString, or as the password of -Credential' {
        $secure = ConvertTo-SecureString $key -AsPlainText -Force
        (Connect-ChatApi -Api Gateway -ApiKey $secure -TenantId acme -BaseUri $emu.BaseUri -PassThru).Api | Should -Be 'Gateway'
        $cred = [pscredential]::new('gateway', $secure)
        (Connect-ChatApi -Api Gateway -Credential $cred -TenantId globex -BaseUri $emu.BaseUri -PassThru).TenantId | Should -Be 'globex'
    }

    It 'leaves out X-8x8-Tenant when the key serves one tenant only' {
        $s = Connect-ChatApi -Api Gateway -ApiKey one-tenant-key -BaseUri $emu.BaseUri -PassThru
        $s.TenantId | Should -BeNullOrEmpty
        @(Get-ChatChannel -Session $s).Count | Should -BeGreaterOrEqual 0
    }

    It 'fails at connect for a wrong key with 8x8''s 401 message and what to do, without showing the key' {
        $before = Get-ChatSession
        $err = $null
        $wrong = 'wrong-gateway-key-123'
        Connect-ChatApi -Api Gateway -ApiKey $wrong -TenantId acme -BaseUri $emu.BaseUri -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $text = $err[0] | Out-String
        $err[0].Exception.Message | Should -BeLike '*refused the key (401): Access Denied*'
        $err[0].Exception.Message | Should -BeLike "*'Chat Gateway'*"
        $text | Should -Not -BeLike '*wrong-gateway-key-123*'
        (Get-ChatSession).Id | Should -Be $before.Id
    }

    It 'fails at connect for a tenant the key does not serve, naming -TenantId' {
        { Connect-ChatApi -Api Gateway -ApiKey one-tenant-key -TenantId globex -BaseUri $emu.BaseUri -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*Tenant 'globex'*-TenantId*"
    }

    It 'refuses -Region and -ApiSecret with -Api Gateway, naming them' {
        { Connect-ChatApi -Api Gateway -Region us -ApiKey $key -BaseUri $emu.BaseUri } | Should -Throw -ExpectedMessage "*'Region'*no region*"
        { Connect-ChatApi -Api Gateway -ApiKey $key -ApiSecret (ConvertTo-SecureString x -AsPlainText -Force) -BaseUri $emu.BaseUri } |
            Should -Throw -ExpectedMessage "*'ApiSecret'*"
    }

    It 'still needs -ApiSecret with -ApiKey on V2, naming it' {
        { Connect-ChatApi -Region us -TenantId acme -ApiKey demo-key -BaseUri $emu.BaseUri } | Should -Throw -ExpectedMessage "*'ApiSecret'*"
    }

    It 'takes CHATAPI_API, CHATAPI_KEY and CHATAPI_TENANT from the environment' {
        $saved = @{}; foreach ($n in 'CHATAPI_API', 'CHATAPI_KEY', 'CHATAPI_TENANT', 'CHATAPI_BASEURI', 'CHATAPI_REGION') { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        try {
            $env:CHATAPI_API = 'Gateway'; $env:CHATAPI_KEY = $key; $env:CHATAPI_TENANT = 'globex'; $env:CHATAPI_BASEURI = $emu.BaseUri; $env:CHATAPI_REGION = 'us'
            $s = Connect-ChatApi -PassThru
            $s.Api | Should -Be 'Gateway'
            $s.TenantId | Should -Be 'globex'
        }
        finally { foreach ($n in $saved.Keys) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) } }
    }

    It 'keeps V2 and Gateway sessions side by side, each on its own paths' {
        $v2 = Connect-TestSession -Emulator $emu
        $gw = Connect-ChatApi -Api Gateway -ApiKey $key -TenantId acme -BaseUri $emu.BaseUri -PassThru
        $mark = Get-EmulatorCallMark -Emulator $emu
        $hook = New-ChatWebhook -Session $v2 -Name side-v2 -Uri "$($emu.BaseUri)/_receiver/side"
        $ghook = New-ChatWebhook -Session $gw -Name side-gw -Uri "$($emu.BaseUri)/_receiver/side-gw"
        $hook.Api | Should -Be 'V2'; $hook.Version | Should -Be 'v2.0'
        $ghook.Api | Should -Be 'Gateway'; $ghook.Version | Should -Be 'Chat Gateway v1.0'
        $calls = Get-EmulatorCall -Emulator $emu -After $mark | Where-Object Method -EQ POST
        ($calls | Where-Object Path -Like '/vcc/us/chat/v2/tenant/acme/web-hooks*').Count | Should -Be 1
        ($calls | Where-Object Path -Like '/chat-gateway/v1/webhooks*').Count | Should -Be 1
        (Get-ChatSession -All | Select-Object -ExpandProperty Api | Sort-Object -Unique) -join ',' | Should -Be 'Gateway,V2'
        # The emulator's default follows the Gateway's contract: it does not list the V2 webhook (GatewayWorlds has the shared view).
        Get-ChatWebhook -Session $gw -Id $hook.Id -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.NotFound*'
        @(Get-ChatWebhook -Session $v2).Id | Should -Not -Contain $ghook.Id
    }

    It 'shows the key in no stream, view or error' {
        $secretKey = 'demo-gateway-key'
        $text = & {
            $s = Connect-ChatApi -Api Gateway -ApiKey $secretKey -TenantId acme -BaseUri $emu.BaseUri -PassThru -Verbose -Debug
            $s | Format-List * | Out-String
            $s | Format-Table | Out-String
            $s | ConvertTo-Json
            New-ChatWebhook -Session $s -Name sec -Uri "$($emu.BaseUri)/_receiver/sec" -Verbose -Debug | Format-List * | Out-String
            Get-ChatWebhook -Session $s -Id 'no-such' -ErrorAction SilentlyContinue -ErrorVariable e -Verbose -Debug
            $e | Out-String
        } *>&1 | Out-String
        $text | Should -Not -BeLike "*$secretKey*"
        $text | Should -BeLike '*chat-gateway/v1/webhooks*' -Because 'the Verbose stream was captured'
    }
}

Describe 'Gateway webhooks, channels and keys' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments '--rate-limit', '0', '--seed-legacy', '5', '--seed-other-channels', '3'
        $script:gw = Connect-ChatApi -Api Gateway -ApiKey $key -TenantId acme -BaseUri $emu.BaseUri -PassThru
    }
    AfterAll { Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }; Stop-TestEmulator $emu }

    It 'creates, reads, changes, verifies and removes a Chat Gateway v1.0 webhook on the Gateway paths' {
        $uri = "$($emu.BaseUri)/_receiver/gw-crud"
        $w = New-ChatWebhook -Session $gw -Name gw-crud -Uri $uri
        $w.Version | Should -Be 'Chat Gateway v1.0'
        $w.Api | Should -Be 'Gateway'
        (Get-ChatWebhook -Session $gw -Id $w.Id).Uri | Should -Be $uri
        $changed = Set-ChatWebhook -Session $gw -Id $w.Id -Name gw-crud-2 -PassThru
        $changed.Name | Should -Be 'gw-crud-2'
        $t = Test-ChatWebhook -Session $gw -Uri $uri
        $t.Success | Should -BeTrue
        $t.Version | Should -Be 'Chat Gateway v1.0'
        $t.Api | Should -Be 'Gateway'
        $answer = Invoke-RestMethod "$($emu.BaseUri)/_emulator/deliveries?eventType=WEB_HOOK_VERIFY"   # a JSON array comes as one object
        $delivered = @(@($answer) | Where-Object Uri -EQ $uri)
        $delivered.Count | Should -BeGreaterOrEqual 1
        ($delivered[-1].Body | ConvertFrom-Json).notificationVersion | Should -Be 'Chat Gateway v1.0'
        Remove-ChatWebhook -Session $gw -Id $w.Id -Confirm:$false
        Get-ChatWebhook -Session $gw -Id $w.Id -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].Exception.Message | Should -BeLike '*404*'
    }

    It 'refuses a V2 version on a Gateway session before any call, naming -Version' {
        $mark = Get-EmulatorCallMark -Emulator $emu
        New-ChatWebhook -Session $gw -Name bad -Uri "$($emu.BaseUri)/_receiver/bad" -Version v2.0 -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].Exception.Message | Should -BeLike "*'Version'*Chat Gateway v1.0*"
        @(Get-EmulatorCall -Emulator $emu -After $mark).Count | Should -Be 0
    }

    It 'reports a failed verify as a result with the Gateway''s message' {
        $t = Test-ChatWebhook -Session $gw -Uri "$($emu.BaseUri)/_broken/gw"
        $t.Success | Should -BeFalse
        $t.Message | Should -BeLike '*answered 500*'
    }

    It 'lists its own webhooks and every channel across HAL pages, with channel types' {
        $v2 = Connect-TestSession -Emulator $emu
        $all = @(Get-ChatWebhook -Session $gw)
        $all.Count | Should -BeGreaterThan 0
        $all.Version | Select-Object -Unique | Should -Be 'Chat Gateway v1.0' -Because 'the Gateway lists only the version its contract defines'
        $channels = @(Get-ChatChannel -Session $gw)
        ($channels | Where-Object Type -NE 'ChatAPI').Count | Should -Be 3
        ($channels | Where-Object Type -EQ 'ChatAPI').Count | Should -Be @(Get-ChatChannel -Session $v2).Count
        # The V1-era channels still point at their v1.0 webhooks, which the Gateway does not list.
        $v1 = @(Get-ChatWebhook -Session $v2 -Version 'v1.0').Id
        $v1.Count | Should -Be 5
        @($channels | Where-Object WebhookId -In $v1).Count | Should -Be 5
        $channels | ForEach-Object { $_.Api | Should -Be 'Gateway' }
        @(Get-ChatChannel -Session $gw -First 2).Count | Should -Be 2
        @(Get-ChatWebhook -Session $gw -Version 'v1.0').Count | Should -Be 0
    }

    It 'filters and sorts webhook and channel lists on the Gateway server with -Filter and -Sort' {
        $receiver = "$($emu.BaseUri)/_receiver"
        $made = @('gw-q-b', 'gw-q-a', 'gw-q-c') | ForEach-Object { New-ChatWebhook -Session $gw -Name $_ -Uri "$receiver/$_" -ErrorAction Stop }
        $mark = Get-EmulatorCallMark -Emulator $emu
        @(Get-ChatWebhook -Session $gw -Filter 'name==gw-q-*' -Sort 'name,desc').Name | Should -Be @('gw-q-c', 'gw-q-b', 'gw-q-a')
        @(Get-EmulatorCall -Emulator $emu -After $mark).Path | Should -Match 'filter=name%3D%3Dgw-q-\*.*sort=name%2Cdesc'
        @(Get-ChatWebhook -Session $gw -Filter 'name==gw-q-a,name==gw-q-c' -Sort 'id:asc').Id | Should -Be @($made[1].Id, $made[2].Id)
        $chan = New-ChatChannel -Session $gw -Name gw-q-chan -WebhookId $made[0].Id -QueueId 7 -ErrorAction Stop
        @(Get-ChatChannel -Session $gw -Filter "webHookId==$($made[0].Id)").Name | Should -Be 'gw-q-chan'
        $ids = @(Get-ChatChannel -Session $gw -Sort 'id,desc').Id
        $ids | Should -Be @($ids | Sort-Object { [int]$_ } -Descending)
        Get-ChatWebhook -Session $gw -Sort 'colour' -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].Exception.Message | Should -BeLike "*'Sort'*colour*id, name, uri, version*"
        Remove-ChatChannel -Session $gw -Id $chan.Id -Confirm:$false
        $made | Remove-ChatWebhook -Session $gw -Confirm:$false
    }

    It 'refuses -Filter and -Sort on a V2 webhook list before any call, naming them' {
        $v2 = Connect-TestSession -Emulator $emu
        $mark = Get-EmulatorCallMark -Emulator $emu
        Get-ChatWebhook -Session $v2 -Filter 'name==x' -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].Exception.Message | Should -BeLike "*'Filter'*V2 webhook list takes no filter*-Name*"
        Get-ChatWebhook -Session $v2 -Sort 'name' -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].Exception.Message | Should -BeLike "*'Sort'*"
        @(Get-EmulatorCall -Emulator $emu -After $mark).Count | Should -Be 0
    }

    It 'creates a ChatAPI channel, changes and removes it' {
        $w = New-ChatWebhook -Session $gw -Name ch-hook -Uri "$($emu.BaseUri)/_receiver/ch"
        $c = New-ChatChannel -Session $gw -Name gw-channel -WebhookId $w.Id -QueueId 7
        $c.Type | Should -Be 'ChatAPI'
        $c.QueueId | Should -Be '7'
        (Set-ChatChannel -Session $gw -Id $c.Id -QueueId 8 -PassThru).QueueId | Should -Be '8'
        Remove-ChatChannel -Session $gw -Id $c.Id -Confirm:$false
        Remove-ChatWebhook -Session $gw -Id $w.Id -Confirm:$false
    }

    It 'shows the Gateway''s 400 string errors when a change is refused' {
        $other = Get-ChatChannel -Session $gw | Where-Object Type -NE 'ChatAPI' | Select-Object -First 1
        Set-ChatChannel -Session $gw -Id $other.Id -Name renamed -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].Exception.Message | Should -BeLike "*400 PUT /chat-gateway/v1/channels/$($other.Id)*"
        $e[0].ErrorDetails.Message | Should -BeLike '*type: channel*only ChatAPI channels can be changed*'
    }

    It 'reads a public key on the Gateway''s key path' {
        $kid = (Invoke-RestMethod "$($emu.BaseUri)/_emulator/keys").current
        $mark = Get-EmulatorCallMark -Emulator $emu
        $jwk = Get-ChatJwk -Session $gw -KeyId $kid
        $jwk.KeyId | Should -Be $kid
        $jwk.Api | Should -Be 'Gateway'
        (Get-EmulatorCall -Emulator $emu -After $mark).Path | Should -Be "/chat-gateway/v1/jwk/$kid/public"
    }

    It 'receives a signed Gateway event with Receive-ChatWebhookEvent, checked with the Gateway session''s key path' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $url = "http://127.0.0.1:$port/gw-hook"
        # Meanwhile, in another runspace: the Gateway verifies our URL (asked again until the receiver listens).
        $sender = [powershell]::Create()
        $null = $sender.AddScript({
            param($base, $key, $url)
            $deadline = (Get-Date).AddSeconds(20)
            do {
                $answer = Invoke-WebRequest -Method Post "$base/chat-gateway/v1/webhooks/verify" -Headers @{ 'x-api-key' = $key; 'X-8x8-Tenant' = 'acme' } `
                    -ContentType 'application/json' -Body (@{ version = 'Chat Gateway v1.0'; uri = $url } | ConvertTo-Json) -SkipHttpErrorCheck
            } while ($answer.StatusCode -ne 204 -and (Get-Date) -lt $deadline)
            $answer.StatusCode
        }).AddArgument($emu.BaseUri).AddArgument($key).AddArgument($url)
        $async = $sender.BeginInvoke()
        try {
            $received = @(Receive-ChatWebhookEvent -Port $port -Path '/gw-hook' -Count 1 -Timeout 30 -Session $gw)
            $status = $sender.EndInvoke($async)
        }
        finally { $sender.Dispose() }
        $status | Should -Be 204
        $received[0].IsValid | Should -BeTrue
        $received[0].Event | Should -BeOfType ([ChatApi.Events.WebhookVerifyEvent])
        $received[0].Event.Api | Should -Be 'Gateway'
        $received[0].Event.NotificationVersion | Should -Be 'Chat Gateway v1.0'
    }

    It 'lists conversations on a Gateway session from the Gateway paths (GatewayConversations.Tests.ps1 has the rest)' {
        $mark = Get-EmulatorCallMark -Emulator $emu
        Get-ChatConversation -Session $gw -First 1 -ErrorAction Stop | Out-Null
        $calls = @(Get-EmulatorCall -Emulator $emu -After $mark)
        $calls.Count | Should -Be 1
        $calls[0].Path | Should -BeLike '/chat-gateway/v1/conversations?*'
    }
}
