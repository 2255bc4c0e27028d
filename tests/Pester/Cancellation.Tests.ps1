BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1
    # Every API call takes 10 s: a stop must not wait for it.
    $script:emu = Start-TestEmulator -Arguments @('--latency', '10000', '--rate-limit', '0')
    # One runspace, connected once (the token call is slow too), serves every test.
    $script:runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $null = $ps.AddCommand('Import-Module').AddArgument($env:CHATAPI_TEST_MODULE).AddStatement().
        AddCommand('Connect-ChatApi').AddParameters(@{ Region = 'us'; TenantId = 'acme'; Credential = (New-TestCredential); BaseUri = $emu.BaseUri; RequestsPerSecond = 0 }).Invoke()
    $ps.Dispose()

    function script:Get-InFlight {
        @((Invoke-RestMethod "$($emu.BaseUri)/_emulator/requests?after=$([long]::MaxValue)").inFlight)
    }
}

AfterAll {
    if ($script:runspace) { $runspace.Dispose() }
    Stop-TestEmulator $script:emu
}

Describe 'Stopping a running cmdlet (Ctrl+C)' {
    It 'stops <Name> while its call is in flight, without waiting for the answer' -ForEach @(
        @{ Name = 'Get-ChatChannel'; Script = 'Get-ChatChannel'; Method = 'GET' }
        @{ Name = 'New-ChatWebhook'; Script = "New-ChatWebhook -Name slow -Uri 'http://127.0.0.1:9/hook'"; Method = 'POST' }
    ) {
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        try {
            $null = $ps.AddScript($Script)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not @(Get-InFlight | Where-Object method -eq $Method) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @(Get-InFlight | Where-Object method -eq $Method) | Should -HaveCount 1 -Because 'the call reached the server'
            $async.IsCompleted | Should -BeFalse

            $mark = (Invoke-RestMethod "$($emu.BaseUri)/_emulator/requests?after=$([long]::MaxValue)").last
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # The call ends at the emulator either because the client went away (the stop cut it) or,
            # had the stop waited, because the server answered after its 10 s.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            do {
                $ended = @((Invoke-RestMethod "$($emu.BaseUri)/_emulator/requests?after=$mark").requests | Where-Object method -eq $Method)
                if (-not $ended) { Start-Sleep -Milliseconds 50 }
            } until ($ended -or [DateTime]::UtcNow -gt $deadline)
            $ended | Should -HaveCount 1
            $ended[0].aborted | Should -BeTrue -Because 'the stop cut the call instead of waiting for its answer'
        } finally {
            $ps.Dispose()
        }
    }
}
