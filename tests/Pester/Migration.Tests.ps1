# The V1 to V2 migration end to end: Get-ChatMigrationPlan, Invoke-ChatMigration, Undo-ChatMigration
# against the emulator over real HTTP, including a real migration process killed mid-run and resumed.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    function New-TestJournalPath { Join-Path ([IO.Path]::GetTempPath()) "chatapi-migration-$([guid]::NewGuid().ToString('N')).jsonl" }

    # The tenant as the API shows it: webhooks by id, channels, and the v2.0 webhooks per URI.
    function Get-TenantState {
        $hooks = @{}
        foreach ($w in Get-ChatWebhook) { $hooks[$w.Id] = $w }
        $channels = @(Get-ChatChannel)
        [pscustomobject]@{
            Webhooks = $hooks
            Channels = $channels
            V2PerUri = @($hooks.Values | Where-Object Version -EQ 'v2.0' | Group-Object Uri)
        }
    }

    # Every reachable channel on a v2.0 webhook, one v2.0 webhook per URI, the broken ones untouched.
    function Assert-Migrated {
        param($State, [int] $Uris, [switch] $CheckETags)
        $State.V2PerUri.Count | Should -Be $Uris
        $State.V2PerUri | ForEach-Object { $_.Count | Should -Be 1 -Because "one v2.0 webhook for $($_.Name)" }
        foreach ($c in $State.Channels) {
            $version = $State.Webhooks[$c.WebhookId].Version
            if ($c.Name -like '*broken*') { $version | Should -Be 'v1.0' -Because "$($c.Name) has a broken URI" }
            else { $version | Should -Be 'v2.0' -Because "$($c.Name) is reachable" }
        }
        if ($CheckETags) {
            $etags = $State.Channels | Where-Object Name -NotLike '*broken*' | Get-ChatChannel | Group-Object ETag
            ($etags | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' ' | Should -Be "2=$(@($State.Channels | Where-Object Name -NotLike '*broken*').Count)" -Because 'every channel moved exactly once'
        }
    }
}

Describe 'Migration: plan, WhatIf, NewWebhook, second run, undo, legacy removal' {
    BeforeAll {
        # kind: kept on --etags --idempotency honour on purpose, so the kinder paths stay tested (issue 12); the ETag checks need it
        $emu = Start-TestEmulator -Arguments @('--seed-legacy', '30', '--seed-uris', '5', '--seed-broken', '3', '--rate-limit', '0', '--etags', '--idempotency', 'honour')
        Connect-TestSession $emu | Out-Null
        $journal = New-TestJournalPath
        $journal2 = New-TestJournalPath
    }
    AfterAll {
        Stop-TestEmulator $emu
        Remove-Item $journal, $journal2 -ErrorAction SilentlyContinue
    }

    It 'plans one flat step per action, ready for Export-Csv' {
        $plan = @(Get-ChatMigrationPlan)
        ($plan | Where-Object Action -EQ 'VerifyUri').Count | Should -Be 8
        ($plan | Where-Object Action -EQ 'CreateWebhook').Count | Should -Be 8
        ($plan | Where-Object Action -EQ 'RepointChannel').Count | Should -Be 33
        $plan[0].PSObject.TypeNames[0] | Should -Be 'ChatApi.MigrationStep'
        $csv = $plan | ConvertTo-Csv | ConvertFrom-Csv
        $csv.Count | Should -Be $plan.Count
        $csv[2].Action | Should -Be 'RepointChannel'
        $csv[2].ChannelId | Should -Not -BeNullOrEmpty
        # Channels from the pipeline plan only those channels.
        $two = @(Get-ChatChannel -First 2 | Get-ChatMigrationPlan -RemoveLegacyWebhook -SkipVerify)
        ($two | Where-Object Action -EQ 'RepointChannel').Count | Should -Be 2
        ($two | Where-Object Action -EQ 'RemoveLegacyWebhook').Count | Should -Be 2
        ($two | Where-Object Action -EQ 'VerifyUri').Count | Should -Be 0
    }

    It 'refuses bad input with the parameter and the rule' {
        { Get-ChatMigrationPlan -Strategy InPlace -RemoveLegacyWebhook -ErrorAction Stop } | Should -Throw "*'RemoveLegacyWebhook'*NewWebhook*"
        { Invoke-ChatMigration -Resume -ErrorAction Stop } | Should -Throw "*'JournalPath'*-Resume*"
        { Invoke-ChatMigration -Resume -JournalPath (New-TestJournalPath) -ErrorAction Stop } | Should -Throw '*does not exist*'
        { Invoke-ChatMigration -ThrottleLimit 0 } | Should -Throw '*ThrottleLimit*'
    }

    It '-WhatIf prints every action and changes nothing' {
        $before = Get-TenantState
        $out = Invoke-ChatMigration -JournalPath $journal -WhatIf
        $results = @($out | Where-Object { $_ -is [ChatApi.MigrationResult] })
        $summary = $out | Where-Object { $_ -is [ChatApi.MigrationSummary] }
        $results.Count | Should -Be 33
        $results | ForEach-Object { $_.Status | Should -Be 'WhatIf' }
        $summary.WhatIf | Should -Be 33
        Test-Path $journal | Should -BeFalse
        $after = Get-TenantState
        $after.Webhooks.Count | Should -Be $before.Webhooks.Count
        $after.V2PerUri.Count | Should -Be 0
        foreach ($c in $after.Channels) { $c.WebhookId | Should -Be ($before.Channels | Where-Object Id -EQ $c.Id).WebhookId }
    }

    It 'NewWebhook: one v2.0 webhook per URI, every reachable channel moved, broken ones untouched and reported' {
        $out = @(Invoke-ChatMigration -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable failures)
        $summary = $out[-1]
        $summary | Should -BeOfType ([ChatApi.MigrationSummary])
        $summary.Migrated | Should -Be 30
        $summary.Failed | Should -Be 3
        $summary.WebhooksCreated | Should -Be 5
        $summary.Requests | Should -BeGreaterThan 60
        $failures.Count | Should -Be 3
        $failures | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'ChatApi.Migration.ChannelNotMigrated*'
            $_.Exception.Message | Should -Match "Channel 'legacy-broken-\d' \(\d+\) was not migrated"
            $_.TargetObject | Should -Not -BeNullOrEmpty
        }
        ($out | Where-Object { $_ -is [ChatApi.MigrationResult] -and $_.Status -eq 'Failed' }).Count | Should -Be 3
        Assert-Migrated (Get-TenantState) -Uris 5 -CheckETags
        # The journal holds one JSON object per line and no secret.
        $lines = Get-Content $journal
        $lines | ForEach-Object { $_ | ConvertFrom-Json | Should -Not -BeNullOrEmpty }
        ($lines -join "`n") | Should -Not -Match 'demo-secret|Bearer'
    }

    It 'a second run creates nothing and moves nothing' {
        $summary = Invoke-ChatMigration -JournalPath $journal2 -ErrorAction SilentlyContinue | Select-Object -Last 1
        $summary.WebhooksCreated | Should -Be 0
        $summary.Migrated | Should -Be 0
        $summary.AlreadyMigrated | Should -Be 30
        Assert-Migrated (Get-TenantState) -Uris 5 -CheckETags
        Remove-Item $journal2
    }

    It 'Undo puts every channel back and removes the created webhooks' {
        $out = @(Undo-ChatMigration -JournalPath $journal)
        $summary = $out[-1]
        $summary.ChannelsRestored | Should -Be 30
        $summary.WebhooksRemoved | Should -Be 5
        $summary.Failed | Should -Be 0
        $state = Get-TenantState
        $state.V2PerUri.Count | Should -Be 0
        foreach ($c in $state.Channels) { $state.Webhooks[$c.WebhookId].Version | Should -Be 'v1.0' }
    }

    It '-RemoveLegacyWebhook removes each legacy webhook once no channel refers to it' {
        $summary = Invoke-ChatMigration -JournalPath $journal2 -RemoveLegacyWebhook -ErrorAction SilentlyContinue | Select-Object -Last 1
        $summary.Migrated | Should -Be 30
        $summary.LegacyWebhooksRemoved | Should -Be 30
        $state = Get-TenantState
        @($state.Webhooks.Values | Where-Object Version -EQ 'v1.0').Count | Should -Be 3   # the broken ones' webhooks stay
        Assert-Migrated $state -Uris 5
        # Their channels cannot go back: Undo says so and goes on.
        $undo = Undo-ChatMigration -JournalPath $journal2 -WarningVariable warned -WarningAction SilentlyContinue | Select-Object -Last 1
        $undo.NotUndoable | Should -Be 30
        $undo.Failed | Should -Be 0
        $warned.Count | Should -Be 30
    }
}

Describe 'Migration: InPlace' {
    BeforeAll {
        $emu = Start-TestEmulator -Arguments @('--seed-legacy', '8', '--seed-uris', '2', '--seed-broken', '1', '--rate-limit', '0')
        Connect-TestSession $emu | Out-Null
        $journal = New-TestJournalPath
    }
    AfterAll {
        Stop-TestEmulator $emu
        Remove-Item $journal -ErrorAction SilentlyContinue
    }

    It 'switches the verified v1.0 webhooks to v2.0 and Undo reports them as not undoable' {
        (Get-ChatMigrationPlan -Strategy InPlace | Where-Object Action -EQ 'UpdateWebhookInPlace').Count | Should -Be 9
        $summary = Invoke-ChatMigration -Strategy InPlace -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable failures | Select-Object -Last 1
        $summary.Migrated | Should -Be 8
        $summary.WebhooksSwitched | Should -Be 8
        $summary.WebhooksCreated | Should -Be 0
        $summary.Failed | Should -Be 1
        $failures.Count | Should -Be 1
        $state = Get-TenantState
        foreach ($c in $state.Channels) {
            $state.Webhooks[$c.WebhookId].Version | Should -Be ($(if ($c.Name -like '*broken*') { 'v1.0' } else { 'v2.0' }))
            $c.WebhookId | Should -Be $c.Id -Because 'in place keeps each channel on its own webhook'
        }
        $undo = @(Undo-ChatMigration -JournalPath $journal -WarningVariable warned -WarningAction SilentlyContinue)
        $undo[-1].NotUndoable | Should -Be 8
        $warned.Count | Should -Be 8
        "$($warned[0])" | Should -Match 'refuses'
    }
}

Describe 'Migration: a migration process killed mid-run, then resumed' {
    BeforeAll {
        # --etags only for the 'moved exactly once' check (ETag 2); Idempotency-Key is ignored, as by 8x8, so a create cut by the kill is found, not repeated.
        $emu = Start-TestEmulator -Arguments @('--seed-legacy', '60', '--seed-uris', '6', '--latency', '150', '--rate-limit', '0', '--etags')
        Connect-TestSession $emu | Out-Null
        $journal = New-TestJournalPath
        $script = Join-Path ([IO.Path]::GetTempPath()) "chatapi-migrate-$([guid]::NewGuid().ToString('N')).ps1"
        @'
param($ModulePath, $BaseUri, $JournalPath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Connect-ChatApi -Region us -TenantId acme -BaseUri $BaseUri -RequestsPerSecond 0 -Credential ([pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force)))
Invoke-ChatMigration -JournalPath $JournalPath | Out-Null
'@ | Set-Content $script
    }
    AfterAll {
        # The migration run is killed by the test; should the test fail before that, it is killed here.
        if ($script:child -and -not $child.HasExited) { $child.Kill($true); $child.WaitForExit(10000) | Out-Null }
        Stop-TestEmulator $emu
        Remove-Item $journal, $script -ErrorAction SilentlyContinue
    }

    It 'refuses a second run on its journal, then finishes with -Resume: no duplicate webhook, every channel moved exactly once' {
        $pwshDll = Join-Path $PSHOME 'pwsh.dll'
        $script:child = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow -RedirectStandardOutput ([IO.Path]::GetTempFileName()) `
            -ArgumentList @($pwshDll, '-NoProfile', '-File', $script, '-ModulePath', $env:CHATAPI_TEST_MODULE, '-BaseUri', $emu.BaseUri, '-JournalPath', $journal)
        $deadline = (Get-Date).AddSeconds(60)
        while ((Get-Date) -lt $deadline -and -not $child.HasExited) {
            if ((Test-Path $journal) -and @(Get-Content $journal).Count -ge 45) { break }
            Start-Sleep -Milliseconds 25
        }
        $child.HasExited | Should -BeFalse -Because 'the migration must be killed while it runs'

        # A second run on the same journal (another runbook, another window) is refused at once.
        $second = Invoke-ChatMigration -JournalPath $journal -Resume -ErrorVariable refused -ErrorAction SilentlyContinue
        $second | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Conflict,*'
        $refused[0].Exception.Message | Should -BeLike "*'$journal'*in use*process $($child.Id) *"
        { Undo-ChatMigration -JournalPath $journal -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.Conflict*'
        $child.HasExited | Should -BeFalse -Because 'the refused runs leave the first one alone'

        $child.Kill($true)
        $child.WaitForExit(10000) | Out-Null
        $text = Get-Content $journal -Raw
        $text | Should -Not -Match '"op":"run-end"'
        $before = Get-TenantState
        @($before.Channels | Where-Object { $before.Webhooks[$_.WebhookId].Version -eq 'v2.0' }).Count | Should -BeLessThan 60

        $summary = Invoke-ChatMigration -JournalPath $journal -Resume -ErrorAction Stop | Select-Object -Last 1
        $summary.Resumed | Should -BeTrue
        $summary.Failed | Should -Be 0
        ($summary.Migrated + $summary.AlreadyMigrated) | Should -Be 60
        Assert-Migrated (Get-TenantState) -Uris 6 -CheckETags
        Get-Content $journal -Raw | Should -Match '"op":"run-end"'
    }
}

Describe 'Migration: 200 channels at 5 requests/second with 10% of calls failing' {
    BeforeAll {
        $emu = Start-TestEmulator -Arguments @('--seed-legacy', '200', '--seed-uris', '20', '--seed-broken', '3', '--fail-rate', '0.1', '--rate-limit', '5', '--seed', '7')
        Connect-TestSession $emu -RequestsPerSecond 5 | Out-Null
        $journal = New-TestJournalPath
    }
    AfterAll {
        Stop-TestEmulator $emu
        Remove-Item $journal -ErrorAction SilentlyContinue
    }

    It 'migrates every reachable channel and reports only the broken ones' {
        $summary = Invoke-ChatMigration -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable failures | Select-Object -Last 1
        $summary.Migrated | Should -Be 200
        $summary.Failed | Should -Be 3
        $failures.Count | Should -Be 3
        $failures | ForEach-Object { $_.Exception.Message | Should -Match 'legacy-broken-\d.*failed the v2.0 verify' }
        Assert-Migrated (Get-TenantState) -Uris 20
    }
}
