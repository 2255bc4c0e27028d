# What -Verbose and -Debug show (issue 20, documented in about_ChatApi DIAGNOSTICS): each attempt's
# method, path, status, attempt number and time taken; the waits for the rate limit and Retry-After;
# never a secret, a token or a proxy password.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    # The server allows 1 request a second: a burst meets 429 with Retry-After.
    $script:emu = Start-TestEmulator -Arguments '--rate-limit', '1'
    function script:Get-Lines($Records, [type] $Kind) { @($Records | Where-Object { $_ -is $Kind } | ForEach-Object Message) }
}

AfterAll {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
    Stop-TestEmulator $emu
}

Describe 'Diagnostics: -Verbose and -Debug' {
    It 'shows method, path, status, attempt and time taken on Verbose, and the bodies on Debug' {
        $s = Connect-TestSession $emu -RequestsPerSecond 1
        $records = Invoke-ChatApiRequest GET 'web-hooks' -Query @{ size = 1 } -Session $s -Verbose -Debug 4>&1 5>&1
        $verbose = Get-Lines $records ([Management.Automation.VerboseRecord])
        # (the server's budget of one a second may answer the first attempt 429: any attempt number)
        @($verbose | Where-Object { $_ -match '^GET /vcc/us/chat/v2/tenant/acme/web-hooks\?size=1 -> 200 \(attempt \d, \d+ ms\)$' }).Count | Should -Be 1
        $debug = Get-Lines $records ([Management.Automation.DebugRecord])
        @($debug | Where-Object { $_ -like 'GET /vcc/us/chat/v2/tenant/acme/web-hooks?size=1 answer: {*' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'shows the waits: the session''s rate limit on Debug, a 429''s Retry-After on Verbose' {
        $s = Connect-TestSession $emu -RequestsPerSecond 1
        $records = 1..2 | ForEach-Object { Invoke-ChatApiRequest GET 'channels' -Query @{ size = 1 } -Session $s -Verbose -Debug 4>&1 5>&1 }
        @(Get-Lines $records ([Management.Automation.DebugRecord]) | Where-Object { $_ -match "^GET /\S+: waited \d+ ms for the session's rate limit \(attempt 1\)$" }).Count | Should -BeGreaterOrEqual 1

        # Without the client's limit the server's 429 comes back, with Retry-After, and is waited for.
        $fast = Connect-TestSession $emu -RequestsPerSecond 0
        $records = 1..3 | ForEach-Object { Invoke-ChatApiRequest GET 'channels' -Query @{ size = 1 } -Session $fast -Verbose 4>&1 }
        $verbose = Get-Lines $records ([Management.Automation.VerboseRecord])
        @($verbose | Where-Object { $_ -match '^GET /\S+ -> 429 \(attempt 1, \d+ ms\)$' }).Count | Should -BeGreaterOrEqual 1
        @($verbose | Where-Object { $_ -match '^GET /\S+: attempt 1 failed \(status 429, Retry-After \d+\); retrying in [\d,.]+ ms$' }).Count | Should -BeGreaterOrEqual 1
        @($verbose | Where-Object { $_ -match '^GET /\S+ -> 200 \(attempt 2, \d+ ms\)$' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'never shows the secret, the token or the Basic header on Verbose or Debug' {
        $records = & {
            $s = Connect-TestSession $emu -RequestsPerSecond 1 -Verbose -Debug
            Invoke-ChatApiRequest GET 'web-hooks' -Session $s -Verbose -Debug
            Invoke-ChatApiRequest GET 'web-hooks' -Session $s -OutputType HttpResponse -Verbose -Debug | Format-List | Out-String
        } *>&1 | Out-String
        $records | Should -Match 'POST /oauth/v2/token -> 200'
        $records | Should -Not -Match 'demo-secret'
        $records | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('demo-key:demo-secret'))))
        $records | Should -Not -Match 'access_token"\s*:\s*"[^"*]'
        $records | Should -Not -Match 'Bearer [A-Za-z0-9]'
    }
}
