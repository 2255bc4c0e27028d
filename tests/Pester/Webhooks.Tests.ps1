BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    # --legacy-mode lets the tests create v1.0 webhooks, as migrated V1 hooks are.
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--legacy-mode')
    $script:session = Connect-TestSession $emu
    $script:receiver = "$($emu.BaseUri)/_receiver/hooks"
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Webhook cmdlets' {
    BeforeEach {
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false
    }

    It 'New-ChatWebhook creates a v2.0 webhook by default and emits a ChatApi.Webhook' {
        $hook = New-ChatWebhook -Name 'orders' -Uri $receiver
        $hook.PSObject.TypeNames[0] | Should -Be 'ChatApi.Webhook'
        $hook.Id | Should -Not -BeNullOrEmpty
        $hook.Name | Should -Be 'orders'
        $hook.Uri | Should -Be $receiver
        $hook.Version | Should -Be 'v2.0'
        $hook.Region | Should -Be 'us'
        $hook.TenantId | Should -Be 'acme'
        $read = Get-ChatWebhook -Id $hook.Id
        $read.PSObject.TypeNames[0] | Should -Be 'ChatApi.Webhook'
        $read.Name | Should -Be 'orders'
        $read.Uri | Should -Be $receiver
    }

    It 'Get-ChatWebhook lists every webhook and filters by -Version' {
        New-ChatWebhook -Name 'a' -Uri $receiver -Version v1.0 | Out-Null
        New-ChatWebhook -Name 'b' -Uri $receiver | Out-Null
        New-ChatWebhook -Name 'c' -Uri $receiver | Out-Null
        (Get-ChatWebhook).Name | Should -Be @('a', 'b', 'c')
        (Get-ChatWebhook -Version v1.0).Name | Should -Be @('a')
        (Get-ChatWebhook -Version v2.0).Name | Should -Be @('b', 'c')
    }

    It 'Get-ChatWebhook takes ids from the pipeline and objects by property name' {
        $made = 'x', 'y' | ForEach-Object { New-ChatWebhook -Name $_ -Uri $receiver }
        ($made.Id | Get-ChatWebhook).Name | Should -Be @('x', 'y')
        ($made | Get-ChatWebhook).Name | Should -Be @('x', 'y')
        ([pscustomobject]@{ WebhookId = $made[1].Id } | Get-ChatWebhook).Name | Should -Be 'y'
    }

    It 'New-ChatWebhook binds Name, Uri and Version from the pipeline' {
        $made = @(
            [pscustomobject]@{ Name = 'p1'; Uri = "$receiver/1" }
            [pscustomobject]@{ Name = 'p2'; Uri = "$receiver/2"; Version = 'v1.0' }
        ) | New-ChatWebhook -ThrottleLimit 1   # one at a time: the list below reads them in the server's order
        $made | Should -HaveCount 2
        $made[0].Version | Should -Be 'v2.0'
        $made[1].Version | Should -Be 'v1.0'
        (Get-ChatWebhook).Uri | Should -Be @("$receiver/1", "$receiver/2")
    }

    It 'Set-ChatWebhook changes only what was given and writes it back' {
        # kind: the ETag assertion needs ETags on answers, which 8x8 documents none of (kept on a kinder emulator, issue 12)
        $kind = Start-TestEmulator -Arguments @('--rate-limit', '0', '--etags', '--idempotency', 'honour')
        try {
            $kindSession = Connect-TestSession $kind
            $receiver = "$($kind.BaseUri)/_receiver/hooks"
            $hook = New-ChatWebhook -Name 'before' -Uri $receiver -Session $kindSession
            Set-ChatWebhook -Id $hook.Id -Name 'after' -Session $kindSession | Should -BeNullOrEmpty -Because 'without -PassThru it writes nothing'
            $now = Get-ChatWebhook -Id $hook.Id -Session $kindSession
            $now.Name | Should -Be 'after'
            $now.Uri | Should -Be $receiver
            $now.Version | Should -Be 'v2.0'
            $now.ETag | Should -BeGreaterThan $hook.ETag
            $passed = Set-ChatWebhook -Id $hook.Id -Uri "$receiver/moved" -PassThru -Session $kindSession
            $passed.PSObject.TypeNames[0] | Should -Be 'ChatApi.Webhook'
            $passed.Uri | Should -Be "$receiver/moved"
            $passed.Name | Should -Be 'after'
        }
        finally {
            Set-ChatSession $script:session
            Stop-TestEmulator $kind
        }
    }

    It 'Get-ChatWebhook | Set-ChatWebhook changes every webhook' {
        1..3 | ForEach-Object { New-ChatWebhook -Name "s$_" -Uri $receiver } | Out-Null
        Get-ChatWebhook | Set-ChatWebhook -Uri "$receiver/all"
        (Get-ChatWebhook).Uri | Should -Be @("$receiver/all", "$receiver/all", "$receiver/all")
        (Get-ChatWebhook).Name | Should -Be @('s1', 's2', 's3')
    }

    It 'Set-ChatWebhook moves a v1.0 webhook to v2.0' {
        $old = New-ChatWebhook -Name 'legacy' -Uri $receiver -Version v1.0
        (Set-ChatWebhook -Id $old.Id -Version v2.0 -PassThru).Version | Should -Be 'v2.0'
        (Get-ChatWebhook -Id $old.Id).Version | Should -Be 'v2.0'
    }

    It 'Set-ChatWebhook refuses v2.0 -> v1.0 with a clear error and writes nothing' {
        $hook = New-ChatWebhook -Name 'signed' -Uri $receiver
        $mark = Get-EmulatorCallMark $emu
        Set-ChatWebhook -Id $hook.Id -Version v1.0 -Name 'renamed' -ErrorVariable err -ErrorAction SilentlyContinue
        $calls = Get-EmulatorCall $emu -After $mark
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike "*'Version'*v2.0*v1.0*"
        $err[0].TargetObject | Should -Be $hook.Id
        @($calls | Where-Object Method -ne 'GET') | Should -HaveCount 0
        $now = Get-ChatWebhook -Id $hook.Id
        $now.Version | Should -Be 'v2.0'
        $now.Name | Should -Be 'signed'
    }

    It 'Remove-ChatWebhook removes what Get-ChatWebhook emits' {
        1..3 | ForEach-Object { New-ChatWebhook -Name "r$_" -Uri $receiver } | Out-Null
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false
        Get-ChatWebhook | Should -BeNullOrEmpty
    }

    It 'Remove-ChatWebhook is ConfirmImpact High; New/Set/Remove support ShouldProcess' {
        (Get-CmdletAttribute Remove-ChatWebhook).ConfirmImpact | Should -Be 'High'
        foreach ($name in 'New-ChatWebhook', 'Set-ChatWebhook', 'Remove-ChatWebhook') {
            (Get-CmdletAttribute $name).SupportsShouldProcess | Should -BeTrue -Because $name
        }
    }

    It '-WhatIf changes nothing and sends no changing call' {
        $hook = New-ChatWebhook -Name 'keep' -Uri $receiver
        $mark = Get-EmulatorCallMark $emu
        New-ChatWebhook -Name 'never' -Uri $receiver -WhatIf
        Set-ChatWebhook -Id $hook.Id -Name 'changed' -WhatIf
        Remove-ChatWebhook -Id $hook.Id -WhatIf
        $calls = Get-EmulatorCall $emu -After $mark
        @($calls | Where-Object Method -ne 'GET') | Should -HaveCount 0
        (Get-ChatWebhook).Name | Should -Be @('keep')
    }

    It 'a pipeline of ids with a bad one: the others are processed, the bad one is a NotFound error' {
        $a = New-ChatWebhook -Name 'a' -Uri $receiver
        $b = New-ChatWebhook -Name 'b' -Uri $receiver
        $out = $a.Id, '424242', $b.Id | Get-ChatWebhook -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be @('a', 'b')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatApi.NotFound,ChatApi.Cmdlets.GetChatWebhookCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be '424242'
        $err[0].Exception.Message | Should -BeLike '*Resource of type WebHook with id 424242 was not found*'

        $a.Id, '424242', $b.Id | Remove-ChatWebhook -Confirm:$false -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2 | Should -HaveCount 1
        $err2[0].TargetObject | Should -Be '424242'
        $err2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ChatWebhook | Should -BeNullOrEmpty
    }

    Context 'bad parameter values fail before any call, naming the parameter' {
        It '<Case>' -ForEach @(
            @{ Case = 'name longer than 255'; Parameter = 'Name'; Call = { New-ChatWebhook -Name ('n' * 256) -Uri 'https://example.com/h' } }
            @{ Case = 'relative URI'; Parameter = 'Uri'; Call = { New-ChatWebhook -Name 'n' -Uri '/relative/path' } }
            @{ Case = 'ftp URI'; Parameter = 'Uri'; Call = { New-ChatWebhook -Name 'n' -Uri 'ftp://example.com/h' } }
            @{ Case = 'version v3'; Parameter = 'Version'; Call = { New-ChatWebhook -Name 'n' -Uri 'https://example.com/h' -Version v3 } }
            @{ Case = 'Set with a relative URI'; Parameter = 'Uri'; Call = { Set-ChatWebhook -Id 1 -Uri 'relative' } }
            @{ Case = 'Set with name longer than 255'; Parameter = 'Name'; Call = { Set-ChatWebhook -Id 1 -Name ('n' * 256) } }
            @{ Case = 'Test with a relative URI'; Parameter = 'Uri'; Call = { Test-ChatWebhook -Uri 'relative' } }
        ) {
            $caught = $null
            $mark = Get-EmulatorCallMark $emu
            try { & $Call } catch { $caught = $_ }
            $calls = Get-EmulatorCall $emu -After $mark
            $caught | Should -Not -BeNullOrEmpty
            $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
            $caught.Exception.Message | Should -BeLike "*'$Parameter'*"
            $calls | Should -BeNullOrEmpty
            Get-ChatWebhook | Should -BeNullOrEmpty
        }

        It 'a name of exactly 255 characters is accepted' {
            (New-ChatWebhook -Name ('n' * 255) -Uri $receiver).Name.Length | Should -Be 255
        }
    }
}

Describe 'Webhook cmdlets: paging' {
    BeforeAll {
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false
        # One at a time, so the server's ids follow the names (items in flight land in any order).
        1..205 | ForEach-Object { [pscustomobject]@{ Name = 'page{0:d3}' -f $_; Uri = $receiver } } | New-ChatWebhook -ThrottleLimit 1 | Out-Null
        $script:log = [IO.Path]::GetTempFileName()
    }
    AfterAll { Remove-Item $script:log -ErrorAction SilentlyContinue }

    It 'lists all 205 in three pages of 100' {
        $mark = Get-EmulatorCallMark $emu
        Get-ChatWebhook | Should -HaveCount 205
        $gets = @(Get-EmulatorCall $emu -After $mark | Where-Object Method -eq 'GET')
        $gets | Should -HaveCount 3
        $gets.Path | Should -Match 'page=[012]&size=100'
    }

    It '-First 3 reads one small page' {
        $mark = Get-EmulatorCallMark $emu
        (Get-ChatWebhook -First 3).Name | Should -Be @('page001', 'page002', 'page003')
        @(Get-EmulatorCall $emu -After $mark) | Should -HaveCount 1
    }

    It '-Skip and -First pick the right items across a page boundary' {
        (Get-ChatWebhook -Skip 98 -First 4).Name | Should -Be @('page099', 'page100', 'page101', 'page102')
        (Get-ChatWebhook -Skip 150 -First 2).Name | Should -Be @('page151', 'page152')
        (Get-ChatWebhook -Skip 200).Name | Should -Be @('page201', 'page202', 'page203', 'page204', 'page205')
        Get-ChatWebhook -Skip 500 | Should -BeNullOrEmpty
    }

    It '-First 150 stops after the second page' {
        $mark = Get-EmulatorCallMark $emu
        Get-ChatWebhook -First 150 | Should -HaveCount 150
        @(Get-EmulatorCall $emu -After $mark) | Should -HaveCount 2
    }

    It 'Select-Object -First 3 stops fetching further pages' {
        $mark = Get-EmulatorCallMark $emu
        $names = (Get-ChatWebhook | Select-Object -First 3).Name
        $names | Should -Be @('page001', 'page002', 'page003')
        @(Get-EmulatorCall $emu -After $mark) | Should -HaveCount 1
    }

    It '-Version filters on this side and -First still stops early' {
        $mark = Get-EmulatorCallMark $emu
        (Get-ChatWebhook -Version v2.0 -First 2).Name | Should -Be @('page001', 'page002')
        @(Get-EmulatorCall $emu -After $mark) | Should -HaveCount 1
    }

    It '-IncludeTotalCount writes the server''s total first, then the items' {
        $out = @(Get-ChatWebhook -IncludeTotalCount -First 2)
        $out | Should -HaveCount 3
        $out[0].ToString() | Should -Be 'Total count: 205'
        $out[1..2].Name | Should -Be @('page001', 'page002')
    }

    It '-IncludeTotalCount writes no total where the list filters on this side (-Version)' {
        $out = @(Get-ChatWebhook -Version v2.0 -IncludeTotalCount -First 2)
        $out.Name | Should -Be @('page001', 'page002')
        $out | Should -HaveCount 2
    }

    It 'Get-ChatWebhook | Remove-ChatWebhook removes all 205, across pages that shift as it removes' {
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false -ErrorVariable err
        $err | Should -BeNullOrEmpty
        Get-ChatWebhook | Should -BeNullOrEmpty
    }
}

Describe 'Webhook cmdlets: Test-ChatWebhook' {
    It 'returns a successful result for a URI that answers' {
        $result = Test-ChatWebhook -Uri "$($emu.BaseUri)/_receiver/verify-ok"
        $result.PSObject.TypeNames[0] | Should -Be 'ChatApi.WebhookTestResult'
        $result.Success | Should -BeTrue
        $result.Uri | Should -Be "$($emu.BaseUri)/_receiver/verify-ok"
        $result.Version | Should -Be 'v2.0'
        $got = Invoke-RestMethod "$($emu.BaseUri)/_receiver/verify-ok"
        @($got) | Should -HaveCount 1
        ($got[0].body | ConvertFrom-Json).eventType | Should -Be 'WEB_HOOK_VERIFY'
    }

    It 'returns a failed result, not an error, for a broken or unreachable URI' {
        $results = "$($emu.BaseUri)/_broken/verify", 'http://127.0.0.1:1/nothing-listens' | Test-ChatWebhook -ErrorVariable err
        $err | Should -BeNullOrEmpty
        $results | Should -HaveCount 2
        $results | ForEach-Object { $_.Success | Should -BeFalse; $_.Message | Should -Not -BeNullOrEmpty }
        $results[0].Message | Should -BeLike '*answered 500*'
        $results[1].Message | Should -BeLike '*could not be reached*'
    }
}

Describe 'Key cmdlets: Get-ChatJwk' {
    It 'reads the public key the emulator signs with' {
        $kid = (Invoke-RestMethod "$($emu.BaseUri)/_emulator/keys").current
        $jwk = Get-ChatJwk -KeyId $kid
        $jwk.PSObject.TypeNames[0] | Should -Be 'ChatApi.Jwk'
        $jwk.KeyId | Should -Be $kid
        $jwk.KeyType | Should -Be 'RSA'
        $jwk.N | Should -Not -BeNullOrEmpty
        $jwk.E | Should -Be 'AQAB'
    }

    It 'reports an unknown key as a NotFound error and refuses a malformed id before any call' {
        Get-ChatJwk -KeyId 'no-such-key' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-key'
        { Get-ChatJwk -KeyId '../../etc' } | Should -Throw -ExpectedMessage "*'KeyId'*"
    }
}
