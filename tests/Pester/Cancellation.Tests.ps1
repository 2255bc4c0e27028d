BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1
    # Every API call takes 5 s: a stop must not wait for it.
    $script:emu = Start-TestEmulator -Arguments @('--latency', '5000', '--rate-limit', '0')
}

AfterAll {
    Stop-TestEmulator $script:emu
}

Describe 'Stopping a running cmdlet (Ctrl+C)' {
    It 'stops <Name> within a second while a call is in flight' -ForEach @(
        @{ Name = 'Get-ChatChannel'; Script = 'Get-ChatChannel' }
        @{ Name = 'New-ChatWebhook'; Script = "New-ChatWebhook -Name slow -Uri 'http://127.0.0.1:9/hook'" }
    ) {
        $ps = [powershell]::Create()
        try {
            $cred = New-TestCredential
            # Connecting also waits 5 s (the token call is slow too); do it before timing the stop.
            $null = $ps.AddCommand('Import-Module').AddArgument($env:CHATAPI_TEST_MODULE).AddStatement().
                AddCommand('Connect-ChatApi').AddParameters(@{ Region = 'us'; TenantId = 'acme'; Credential = $cred; BaseUri = $emu.BaseUri; RequestsPerSecond = 0 }).Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript($Script)
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 700   # the call is now waiting on the server
            $async.IsCompleted | Should -BeFalse
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        } finally {
            $ps.Dispose()
        }
    }
}
