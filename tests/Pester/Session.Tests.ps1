BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--tenant', 'us:acme', '--tenant', 'eu:globex')
    $script:secret = 'demo-secret'

    # The session's live access token, read from the engine by reflection, so the tests can look for it.
    function Get-SessionToken([ChatApi.ChatSession] $Session) {
        $flags = [Reflection.BindingFlags]'Static, Instance, Public, NonPublic'
        $registry = [ChatApi.Cmdlets.ConnectChatApiCommand].Assembly.GetType('ChatApi.Cmdlets.SessionRegistry')
        $client = $registry.GetMethod('ClientOf', $flags).Invoke($null, @($Session))
        $credentials = $client.GetType().GetField('credentials', $flags).GetValue($client)
        $tokens = $credentials.GetType().GetField('tokens', $flags).GetValue($credentials)
        $current = $tokens.GetType().GetField('current', $flags).GetValue($tokens)
        $current.GetType().GetField('Value', $flags).GetValue($current)
    }
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Session cmdlets: Connect-ChatApi' {
    BeforeEach {
        $script:saved = @{}
        foreach ($name in 'CHATAPI_REGION', 'CHATAPI_TENANT', 'CHATAPI_KEY', 'CHATAPI_SECRET', 'CHATAPI_BASEURI') { $script:saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    }
    AfterEach {
        foreach ($name in $script:saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:saved[$name]) }
    }

    It 'connects with -Credential and returns the session with -PassThru' {
        $session = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri -PassThru
        $session.PSObject.TypeNames[0] | Should -Be 'ChatApi.ChatSession'
        $session.Region | Should -Be 'us'
        $session.TenantId | Should -Be 'acme'
        $session.BaseUri | Should -Be ([uri]$emu.BaseUri)
        $session.ApiKey | Should -Be 'demo-key'
        $session.RequestsPerSecond | Should -Be 5
        $session.IsConnected | Should -BeTrue
        $session.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::Now.AddMinutes(50))
        $session.TokenExpiresAt | Should -BeLessThan ([DateTimeOffset]::Now.AddMinutes(61))
        (Get-ChatSession).Id | Should -Be $session.Id
    }

    It 'writes nothing without -PassThru, yet the session becomes the default' {
        $out = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri
        $out | Should -BeNullOrEmpty
        (Get-ChatSession).TenantId | Should -Be 'acme'
        Get-ChatWebhook | Should -BeNullOrEmpty -Because 'a fresh tenant has no webhooks, and the call must not fail'
    }

    It 'connects with -ApiKey and -ApiSecret' {
        $session = Connect-ChatApi -Region US -TenantId acme -ApiKey demo-key -ApiSecret (ConvertTo-SecureString $secret -AsPlainText -Force) -BaseUri $emu.BaseUri -PassThru
        $session.Region | Should -Be 'us'
        $session.ApiKey | Should -Be 'demo-key'
    }

    It 'takes region, tenant, key and secret from CHATAPI_* environment variables' {
        $env:CHATAPI_REGION = 'eu'; $env:CHATAPI_TENANT = 'globex'; $env:CHATAPI_KEY = 'demo-key'; $env:CHATAPI_SECRET = $secret
        $session = Connect-ChatApi -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru
        $session.Region | Should -Be 'eu'
        $session.TenantId | Should -Be 'globex'
        New-ChatWebhook -Name envhook -Uri "$($emu.BaseUri)/_receiver/env" | Should -Not -BeNullOrEmpty
        (Get-ChatWebhook -Session $session).Name | Should -Contain 'envhook'
    }

    It 'prefers given parameters over environment variables' {
        $env:CHATAPI_REGION = 'eu'; $env:CHATAPI_TENANT = 'globex'
        $session = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri -PassThru
        $session.Region | Should -Be 'us'
        $session.TenantId | Should -Be 'acme'
    }

    It 'fails at connect with a clear error for a wrong secret, and keeps the previous default session' {
        $before = Connect-TestSession $emu
        $bad = [pscredential]::new('demo-key', (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $out = Connect-ChatApi -Region us -TenantId acme -Credential $bad -BaseUri $emu.BaseUri -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Unauthorized,*'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -BeLike "*API key 'demo-key'*ClientId is Invalid*"
        $err[0] | Out-String | Should -Not -BeLike '*wrong-secret*'
        (Get-ChatSession).Id | Should -Be $before.Id
        { Connect-ChatApi -Region us -TenantId acme -Credential $bad -BaseUri $emu.BaseUri -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.Unauthorized*'
    }

    It 'fails for a missing secret in the environment, naming what is needed' {
        $env:CHATAPI_REGION = 'us'; $env:CHATAPI_TENANT = 'acme'; $env:CHATAPI_KEY = 'demo-key'; $env:CHATAPI_SECRET = $null
        { Connect-ChatApi -BaseUri $emu.BaseUri } | Should -Throw -ErrorId 'ChatApi.InvalidArgument*' -ExpectedMessage '*Credential*CHATAPI_SECRET*'
    }

    It 'refuses a bad region before any call, naming -Region' {
        { Connect-ChatApi -Region xx -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -ExpectedMessage "*'Region'*"
        $env:CHATAPI_REGION = 'mars'
        { Connect-ChatApi -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri } |
            Should -Throw -ExpectedMessage "*'Region'*us, eu, ca, ap*"
    }

    It 'refuses a relative base URI naming -BaseUri' {
        { Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri 'api/8x8' } |
            Should -Throw -ExpectedMessage "*'BaseUri'*"
    }

    It 'fails at connect for a tenant of another region, naming -Region and -TenantId, and keeps the previous default session' {
        $before = Connect-TestSession $emu
        $out = Connect-ChatApi -Region eu -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Forbidden,*'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].Exception.Message | Should -BeLike "*tenant does not belong to customer*-Region*-TenantId*"
        (Get-ChatSession).Id | Should -Be $before.Id
        (Get-ChatSession -All).TenantId | Should -Not -Contain $null
        @(Get-ChatSession -All | Where-Object { $_.Region -eq 'eu' -and $_.TenantId -eq 'acme' }) | Should -HaveCount 0 -Because 'a refused connect leaves no session behind'
    }

    It 'fails at connect for an unknown tenant, naming -TenantId' {
        { Connect-ChatApi -Region us -TenantId nobody -Credential (New-TestCredential) -BaseUri $emu.BaseUri -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatApi.Forbidden*' -ExpectedMessage "*'nobody'*-TenantId*"
    }

    It 'points at -BaseUri, not at the key, when the token endpoint is not there (404)' {
        $err = $null
        Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri "$($emu.BaseUri)/wrong/path/" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.NotFound,*'
        $err[0].Exception.Message | Should -BeLike '*-BaseUri*'
        $err[0].Exception.Message | Should -Not -BeLike '*API key*'
    }

    It 'fails at once, without retries, when the connection is refused' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = $null
        Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri "http://127.0.0.1:$closed" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Network,*'
        $err[0].Exception.Attempts | Should -Be 1
        $err[0].Exception.Message | Should -BeLike '*refused*-BaseUri*'
    }

    It 'shows the inner reason of a TLS failure, at once' {
        # The emulator speaks plain HTTP: a TLS handshake with it fails.
        $port = ([uri]$emu.BaseUri).Port
        $err = $null
        Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri "https://127.0.0.1:$port" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Network,*'
        $err[0].Exception.Attempts | Should -Be 1
        $inner = $err[0].Exception.InnerException
        while ($inner.InnerException) { $inner = $inner.InnerException }
        $inner.Message | Should -Not -BeNullOrEmpty
        $err[0].Exception.Message | Should -BeLike "*SSL*$($inner.Message.TrimEnd('.'))*"
    }

    It 'takes the base URI from CHATAPI_BASEURI when -BaseUri is not given' {
        $env:CHATAPI_BASEURI = $emu.BaseUri
        try {
            $session = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -PassThru -ErrorAction Stop
            $session.BaseUri | Should -Be ([uri]$emu.BaseUri)
        }
        finally { $env:CHATAPI_BASEURI = $null }
    }
}

Describe 'Session cmdlets: the current session' {
    BeforeEach { Get-ChatSession -All | Disconnect-ChatApi }

    It 'lists every connected session of the process with -All, oldest first' {
        $a = Connect-TestSession $emu
        $b = Connect-TestSession $emu -Region eu -Tenant globex
        $c = Connect-TestSession $emu
        Disconnect-ChatApi -Session $c
        (Get-ChatSession -All).Id | Should -Be @($a.Id, $b.Id)
    }

    It 'makes another session current with Set-ChatSession' {
        $us = Connect-TestSession $emu
        $eu = Connect-TestSession $emu -Region eu -Tenant globex
        (Get-ChatSession).Id | Should -Be $eu.Id -Because 'the session of the last Connect-ChatApi is current'
        Set-ChatSession -Session $us
        (Get-ChatSession).Id | Should -Be $us.Id
        New-ChatWebhook -Name 'current-us' -Uri "$($emu.BaseUri)/_receiver/cur" | Out-Null
        (Get-ChatWebhook -Session $us).Name | Should -Contain 'current-us'
        (Get-ChatWebhook -Session $eu).Name | Should -Not -Contain 'current-us'
        ($eu | Set-ChatSession -PassThru).Id | Should -Be $eu.Id
        (Get-ChatSession).Id | Should -Be $eu.Id
    }

    It 'leaves the most recent other connected session current when the current one is disconnected' {
        $a = Connect-TestSession $emu
        $b = Connect-TestSession $emu
        $c = Connect-TestSession $emu
        Set-ChatSession $a
        Disconnect-ChatApi
        (Get-ChatSession).Id | Should -Be $c.Id
        Disconnect-ChatApi
        (Get-ChatSession).Id | Should -Be $b.Id
    }

    It 'refuses to make a disconnected session current' {
        $a = Connect-TestSession $emu
        $b = Connect-TestSession $emu
        Disconnect-ChatApi -Session $a
        { Set-ChatSession -Session $a -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.Disconnected*'
        (Get-ChatSession).Id | Should -Be $b.Id
    }
}

Describe 'Session cmdlets: secrets stay out of sight' {
    BeforeAll {
        $script:session = Connect-TestSession $emu
        $script:token = Get-SessionToken $session
    }

    It 'can find the live token to look for' {
        $token | Should -Not -BeNullOrEmpty
        $token.Length | Should -BeGreaterThan 20
    }

    It 'shows neither secret nor token in any property of Get-ChatSession' {
        $shown = Get-ChatSession
        foreach ($p in $shown.PSObject.Properties) {
            "$($p.Value)" | Should -Not -BeLike "*$secret*" -Because "property $($p.Name)"
            "$($p.Value)" | Should -Not -BeLike "*$token*" -Because "property $($p.Name)"
        }
        $shown.PSObject.Properties.Name | Should -Not -Contain 'Secret'
        $shown.PSObject.Properties.Name | Should -Not -Contain 'ApiSecret'
        $shown.PSObject.Properties.Name | Should -Not -Contain 'AccessToken'
        foreach ($view in ($shown | Out-String), ($shown | Format-List * | Out-String), ($shown | ConvertTo-Json -Depth 5)) {
            $view | Should -Not -BeLike "*$secret*"
            $view | Should -Not -BeLike "*$token*"
        }
    }

    It 'shows neither secret nor token on the Verbose and Debug streams of connect and calls' {
        $DebugPreference = 'Continue'
        $streams = & {
            $s = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -Verbose -Debug
            $s
            New-ChatWebhook -Session $s -Name secrets -Uri "$($emu.BaseUri)/_receiver/s" -Verbose -Debug
            Get-ChatWebhook -Session $s -Verbose -Debug
            Get-ChatWebhook -Session $s -Id 999999 -Verbose -Debug -ErrorAction SilentlyContinue
        } 4>&1 5>&1 2>&1
        $newSession = $streams | Where-Object { $_ -is [ChatApi.ChatSession] }
        $newToken = Get-SessionToken $newSession
        $text = ($streams | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Out-String } else { "$_" } }) -join "`n"
        ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        ($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty -Because '-Debug shows bodies'
        $text | Should -BeLike '*POST /vcc/us/chat/v2/tenant/acme/web-hooks -> 200*'
        $text | Should -Not -BeLike "*$secret*"
        $text | Should -Not -BeLike "*$newToken*"
        $text | Should -Not -BeLike "*$token*"
        $text | Should -Not -BeLike '*Basic *'
    }
}

Describe 'Session cmdlets: several sessions side by side' {
    BeforeAll {
        $script:us = Connect-TestSession $emu -Region us -Tenant acme
        $script:eu = Connect-TestSession $emu -Region eu -Tenant globex
        foreach ($i in 1..3) { New-ChatWebhook -Session $us -Name "copy-$i" -Uri "$($emu.BaseUri)/_receiver/copy$i" | Out-Null }
    }

    It 'uses the last connected session by default' {
        (Get-ChatSession).Id | Should -Be $eu.Id
        (Get-ChatSession -Session $us).Id | Should -Be $us.Id
    }

    It 'copies webhooks from one tenant to another through the pipeline' {
        $source = Get-ChatWebhook -Session $us | Where-Object Name -like 'copy-*'
        $copies = $source | New-ChatWebhook -Session $eu
        $copies | Should -HaveCount 3
        $copies | ForEach-Object { $_.Region | Should -Be 'eu'; $_.TenantId | Should -Be 'globex' }
        $inEu = Get-ChatWebhook -Session $eu | Where-Object Name -like 'copy-*' | Sort-Object Name
        $inEu.Name | Should -Be @('copy-1', 'copy-2', 'copy-3')
        $inEu.Uri | Should -Be ($source | Sort-Object Name).Uri
        (Get-ChatWebhook -Session $us | Where-Object Name -like 'copy-*') | Should -HaveCount 3 -Because 'the source is unchanged'
    }

    It 'keeps the sessions apart: each sees only its own tenant' {
        $usNames = (Get-ChatWebhook -Session $us).Name
        New-ChatWebhook -Session $eu -Name 'only-in-eu' -Uri "$($emu.BaseUri)/_receiver/eu" | Out-Null
        (Get-ChatWebhook -Session $eu).Name | Should -Contain 'only-in-eu'
        (Get-ChatWebhook -Session $us).Name | Should -Not -Contain 'only-in-eu'
        (Get-ChatWebhook -Session $us).Name | Should -Be $usNames
    }
}

Describe 'Session cmdlets: Disconnect-ChatApi' {
    It 'forgets the session and its token; its cmdlets then fail clearly' {
        $a = Connect-TestSession $emu
        $b = Connect-TestSession $emu
        Disconnect-ChatApi -Session $a
        $a.IsConnected | Should -BeFalse
        $a.TokenExpiresAt | Should -BeNullOrEmpty
        { Get-ChatWebhook -Session $a -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.Disconnected*'
        (Get-ChatSession).Id | Should -Be $b.Id -Because 'disconnecting another session leaves the default alone'
        Get-ChatWebhook -Session $b -ErrorAction Stop | Out-Null
    }

    It 'disconnects the default session when none is given' {
        Get-ChatSession -All | Disconnect-ChatApi
        $b = Connect-TestSession $emu
        Disconnect-ChatApi
        Get-ChatSession | Should -BeNullOrEmpty
        $b.IsConnected | Should -BeFalse
        { Get-ChatWebhook -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.NotConnected*' -ExpectedMessage '*Connect-ChatApi*'
    }

    It 'takes sessions from the pipeline' {
        $a = Connect-TestSession $emu
        $b = Connect-TestSession $emu
        $a, $b | Disconnect-ChatApi
        $a.IsConnected | Should -BeFalse
        $b.IsConnected | Should -BeFalse
    }
}
