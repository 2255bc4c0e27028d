# Secrets never show and clear-text transport is refused: every stream, error records, -WhatIf text.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module $PSScriptRoot/TestHelpers.psm1 -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')

    # Everything a command shows: all six streams merged, error records with their details and
    # targets, and what went to the host (-WhatIf), through a transcript.
    function script:Get-AllText([scriptblock] $Command) {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "chatapi-secrets-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try {
            $records = @(& $Command *>&1)
        }
        catch { $records = @($_) }
        finally { Stop-Transcript | Out-Null }
        $text = foreach ($r in $records) {
            $r | Out-String
            if ($r -is [System.Management.Automation.ErrorRecord]) {
                $r.Exception.ToString(); $r.ErrorDetails.Message; [string] $r.TargetObject; $r.CategoryInfo.ToString()
            }
            elseif ($r -is [System.Management.Automation.InformationalRecord]) { $r.Message }
        }
        (($text + (Get-Content $transcript -Raw)) -join "`n")
        Remove-Item $transcript -ErrorAction SilentlyContinue
    }

    function script:Get-BasicForm([string] $Key, [string] $Secret) {
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${Key}:${Secret}"))
    }
}

AfterAll {
    Stop-TestEmulator $script:emu
}

Describe 'Secrets: Connect-ChatApi refuses clear text and URI secrets before any request' {
    It 'refuses http:// to a host that is not this machine unless -AllowUnencryptedHttp' {
        # nothing is listening at these names: a request would be a network error, not InvalidArgument
        $err = { Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri 'http://chat.example.invalid' } |
            Should -Throw -PassThru -ErrorId 'ChatApi.InvalidArgument*'
        $err.Exception.Message | Should -Match 'BaseUri'
        $err.Exception.Message | Should -Match 'AllowUnencryptedHttp'
        (Get-Command Connect-ChatApi).Parameters.ContainsKey('AllowUnencryptedHttp') | Should -BeTrue
    }

    It 'takes http:// to loopback (the emulator)' {
        Connect-TestSession $emu | Should -Not -BeNullOrEmpty
    }

    It 'refuses a base URI with <What> and never shows what it carried' -ForEach @(
        @{ What = 'user info'; Uri = 'https://demo-key:uri-secret-1@127.0.0.1:9/' ; Secret = 'uri-secret-1' }
        @{ What = 'a query'; Uri = 'https://127.0.0.1:9/?token=uri-secret-2'; Secret = 'uri-secret-2' }
        @{ What = 'a fragment'; Uri = 'https://127.0.0.1:9/#uri-secret-3'; Secret = 'uri-secret-3' }
    ) {
        $text = Get-AllText { Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $Uri -Verbose -Debug }
        $text | Should -Match 'InvalidArgument'
        $text | Should -Match 'BaseUri'
        $text | Should -Not -Match ([regex]::Escape($Secret))
    }
}

Describe 'Secrets: the proxy''s password' {
    It 'refuses a -Proxy with user info, naming -ProxyCredential, and never shows the password' {
        $text = Get-AllText { Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri $emu.BaseUri -Proxy 'http://proxy-user:proxy-uri-secret-4@127.0.0.1:9/' -Verbose -Debug }
        $text | Should -Match 'InvalidArgument'
        $text | Should -Match 'ProxyCredential'
        $text | Should -Not -Match 'proxy-uri-secret-4'
    }

    It 'keeps -ProxyCredential''s password out of every stream and out of Get-ChatSession' {
        # The emulator serves a forward proxy's absolute-URI requests by their path, so it stands in for the proxy here
        # (Proxy.Tests.ps1 uses a real one that asks for the password).
        $password = 'proxy-pass-Xy7'
        $proxyCred = [pscredential]::new('proxy-user', (ConvertTo-SecureString $password -AsPlainText -Force))
        $text = Get-AllText {
            $s = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential) -BaseUri 'http://chat.example.invalid' -AllowUnencryptedHttp `
                -Proxy $emu.BaseUri -ProxyCredential $proxyCred -PassThru -Verbose -Debug
            $s | Format-List * | Out-String
            Get-ChatSession -All | Format-Table | Out-String
            $s | ConvertTo-Json -Depth 4
            $s.Proxy
        }
        $text | Should -Match ([regex]::Escape(([uri]$emu.BaseUri).Authority))
        $text | Should -Not -Match $password
        $text | Should -Not -Match ([regex]::Escape((Get-BasicForm 'proxy-user' $password)))
    }
}

Describe 'Secrets: no secret in any stream' {
    It 'a refused secret shows neither as text nor in its Basic header form' {
        $secret = 'wrong-secret-Zq9'
        $credential = New-TestCredential -Secret $secret
        $text = Get-AllText { Connect-ChatApi -Region us -TenantId acme -Credential $credential -BaseUri $emu.BaseUri -Verbose -Debug }
        $text | Should -Match 'refused'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match ([regex]::Escape((Get-BasicForm 'demo-key' $secret)))
    }

    It 'a Chat Gateway key, right or refused, shows in no stream, transcript, error or view' {
        $text = Get-AllText {
            $gw = Connect-ChatApi -Api Gateway -ApiKey 'demo-gateway-key' -TenantId acme -BaseUri $emu.BaseUri -PassThru -Verbose -Debug
            New-ChatWebhook -Session $gw -Name gw-secret -Uri "$($emu.BaseUri)/_receiver/gw-secret" -Verbose -Debug
            Get-ChatWebhook -Session $gw -Verbose -Debug
            Get-ChatWebhook -Session $gw -Id 'no-such-hook' -Verbose -Debug -ErrorAction Continue
            $gw | Format-List * | Out-String
            $gw | Format-Table | Out-String
        }
        $text | Should -Match 'Chat Gateway v1.0'
        $text | Should -Match 'no-such-hook'
        $refused = Get-AllText { Connect-ChatApi -Api Gateway -ApiKey 'refused-gateway-key-Xk4' -BaseUri $emu.BaseUri -Verbose -Debug -ErrorAction Continue }
        $refused | Should -Match '401'
        $text += $refused
        foreach ($key in 'demo-gateway-key', 'refused-gateway-key-Xk4') { $text | Should -Not -Match ([regex]::Escape($key)) }
    }

    It 'a webhook URI''s ?token= and user info stay out of -WhatIf, Verbose, Debug and errors' {
        $session = Connect-TestSession $emu
        $uri = 'https://hook-user:hook-pass-7@hooks.example.com/in?token=hook-token-7&code=fn-key-7'
        $text = Get-AllText {
            New-ChatWebhook -Name 'secret-hook' -Uri $uri -Version v2.0 -WhatIf -Verbose -Debug -Session $session
            New-ChatWebhook -Name ('x' * 300) -Uri $uri -Version v2.0 -Verbose -Debug -Session $session
            Get-ChatWebhook -Id 'no-such-hook' -Verbose -Debug -Session $session
        }
        $text | Should -Match 'secret-hook'   # the -WhatIf line is there
        foreach ($secret in 'hook-pass-7', 'hook-token-7', 'fn-key-7') { $text | Should -Not -Match $secret }
    }
}
