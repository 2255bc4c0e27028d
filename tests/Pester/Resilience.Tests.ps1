BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
}

Describe 'Resilience: a 300-item pipeline with 20% of calls failing (503 or cut connection)' {
    BeforeAll {
        # kind: kept on --etags --idempotency honour on purpose, so the kinder paths stay tested (issue 12); the ETag check needs it.
        # The same faults with Idempotency-Key ignored, as by 8x8: BulkSafety.Tests.ps1.
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--fail-rate', '0.2', '--etags', '--idempotency', 'honour')
        $script:session = Connect-TestSession $emu
        $script:log = [IO.Path]::GetTempFileName()
        $script:receiver = "$($emu.BaseUri)/_receiver/bulk"
    }
    AfterAll {
        Stop-TestEmulator $script:emu
        Remove-Item $script:log -ErrorAction SilentlyContinue
    }

    It 'creates every webhook exactly once, with no error' {
        $made = 1..300 | ForEach-Object { [pscustomobject]@{ Name = 'bulk{0:d3}' -f $_; Uri = $receiver } } |
            New-ChatWebhook -Verbose -ErrorVariable err 4> $log
        $err | Should -BeNullOrEmpty
        $made | Should -HaveCount 300
        $calls = @(Get-Content $log | Get-ApiCall)
        @($calls | Where-Object Attempt -gt 1) | Should -Not -BeNullOrEmpty -Because 'faults were injected and retried'
        ($calls | Where-Object Status -eq 503) | Should -Not -BeNullOrEmpty
        (Get-Content $log) -match 'no answer' | Should -Not -BeNullOrEmpty -Because 'cut connections were retried too'

        $all = Get-ChatWebhook -ErrorAction Stop
        $all | Should -HaveCount 300
        ($all.Name | Sort-Object -Unique) | Should -HaveCount 300
        ($all.Id | Sort-Object -Unique) | Should -HaveCount 300
        ($all.Name | Sort-Object) | Should -Be (1..300 | ForEach-Object { 'bulk{0:d3}' -f $_ })
    }

    It 'changes 100 webhooks once each through Get | Set, with no error' {
        Get-ChatWebhook -First 100 | Set-ChatWebhook -Uri "$receiver/v2" -ErrorVariable err
        $err | Should -BeNullOrEmpty
        $all = Get-ChatWebhook
        $all | Should -HaveCount 300
        ($all | Select-Object -First 100).Uri | Sort-Object -Unique | Should -Be "$receiver/v2"
        ($all | Select-Object -Skip 100).Uri | Sort-Object -Unique | Should -Be $receiver
        # Each webhook was written exactly once: version 2 (a repeated write would have made it 3).
        $sample = $all | Select-Object -First 25 | Get-ChatWebhook -ErrorAction Stop
        $sample.ETag | Sort-Object -Unique | Should -Be 2
    }

    It 'removes every webhook through Get | Remove, with no error' {
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false -ErrorVariable err
        $err | Should -BeNullOrEmpty
        Get-ChatWebhook | Should -BeNullOrEmpty
    }

    It 'sends one message to each of 40 new conversations, each exactly once' {
        $hook = New-ChatWebhook -Name 'conv' -Uri $receiver
        $channel = New-ChatChannel -Name 'bulk' -WebhookId $hook.Id -QueueId 1
        $conversations = 1..40 | ForEach-Object { [pscustomobject]@{ ChannelId = $channel.Id; CustomerName = "c$_" } } |
            New-ChatConversation -ErrorVariable err1
        $conversations | Send-ChatMessage -Text 'hello' -ErrorVariable err2 | Out-Null
        $err1 | Should -BeNullOrEmpty
        $err2 | Should -BeNullOrEmpty
        $listed = Get-ChatConversation -ChannelId $channel.Id
        $listed | Should -HaveCount 40
        foreach ($c in $listed) { @(Get-ChatMessage -ConversationId $c.Id).Count | Should -Be 1 -Because "conversation $($c.Id)" }
    }
}

Describe 'Resilience: tokens living 5 s under a pipeline running longer' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--token-lifetime', '5')
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'finishes a 7 s pipeline with no error and refreshes the token on the way' {
        $session = Connect-TestSession $emu -RequestsPerSecond 25
        $firstExpiry = $session.TokenExpiresAt
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $made = 1..175 | ForEach-Object { [pscustomobject]@{ Name = "t$_"; Uri = "$($emu.BaseUri)/_receiver/t" } } |
            New-ChatWebhook -Session $session -ErrorVariable err
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 6
        $err | Should -BeNullOrEmpty
        $made | Should -HaveCount 175
        (Get-ChatWebhook -Session $session) | Should -HaveCount 175
        $session.TokenExpiresAt | Should -BeGreaterThan $firstExpiry.AddSeconds(3)
    }

    It 'keeps working after an idle pause longer than the token''s life' {
        $session = Connect-TestSession $emu
        $expiry = $session.TokenExpiresAt
        # Idle until the token has expired by the session's own account (it lives 5 s), deadline 30 s.
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ([DateTimeOffset]::UtcNow -le $expiry -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        [DateTimeOffset]::UtcNow | Should -BeGreaterThan $expiry
        Get-ChatWebhook -Session $session -First 1 -ErrorAction Stop | Should -HaveCount 1
        $session.TokenExpiresAt | Should -BeGreaterThan $expiry -Because 'a new token was fetched'
    }
}

Describe 'Resilience: the client-side rate limit' {
    BeforeAll {
        # The emulator enforces 8x8's 5 requests per second per API key.
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '5')
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'meets no 429 at -RequestsPerSecond 5' {
        $session = Connect-TestSession $emu -RequestsPerSecond 5
        $out = 1..15 | ForEach-Object { [pscustomobject]@{ Name = "r$_"; Uri = "$($emu.BaseUri)/_receiver/r" } } |
            New-ChatWebhook -Session $session -Verbose -ErrorVariable err 4>&1
        $err | Should -BeNullOrEmpty
        ($out | Select-Output) | Should -HaveCount 15
        $calls = @($out | Get-ApiCall)
        $calls | Should -HaveCount 15
        @($calls | Where-Object Status -eq 429) | Should -HaveCount 0
    }

    It 'without the limit meets 429s, waits as told and still creates each once' {
        $session = Connect-TestSession $emu -RequestsPerSecond 0
        $before = @(Get-ChatWebhook -Session $session).Count
        # All 15 start together, once each has loaded the module: a burst whatever the machine's load.
        $start = [Threading.Barrier]::new(15)
        $out = 1..15 | ForEach-Object -Parallel {
            Import-Module $env:CHATAPI_TEST_MODULE
            $null = ($using:start).SignalAndWait([TimeSpan]::FromSeconds(60))
            New-ChatWebhook -Session $using:session -Name "burst$_" -Uri 'http://127.0.0.1:9/burst' -Verbose 4>&1
        } -ThrottleLimit 15
        ($out | Select-Output) | Should -HaveCount 15
        @($out | Get-ApiCall | Where-Object Status -eq 429) | Should -Not -BeNullOrEmpty -Because 'the emulator refused the burst'
        @(Get-ChatWebhook -Session $session).Count | Should -Be ($before + 15)
    }
}

Describe 'Resilience: Ctrl+C' {
    It 'stops a cmdlet waiting on a silent server' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($module, $port)
                Import-Module $module
                $cred = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
                Connect-ChatApi -Region us -TenantId acme -Credential $cred -BaseUri "http://127.0.0.1:$port"
            }).AddArgument($env:CHATAPI_TEST_MODULE).AddArgument($port)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not $listener.Pending() -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $listener.Pending() | Should -BeTrue -Because 'the call reached the server'
            $ps.InvocationStateInfo.State | Should -Be 'Running' -Because 'the server never answers'
            # The client's own attempt timeout is 30 s: a stop that ends the call well before it cut the call.
            $stop = $ps.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(10)) | Should -BeTrue -Because 'the stop does not wait for the attempt timeout'
            $ps.EndStop($stop)
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
        }
        finally {
            $listener.Stop()
        }
    }
}
