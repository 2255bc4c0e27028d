# Both worlds for the move to the Gateway (issue 19): whether the Gateway lists a tenant's v1.0/v2.0
# webhooks is undocumented. By default the emulator follows the Gateway's contract (it lists only
# Chat Gateway v1.0 webhooks; channels may still point at older ids); with --shared-configuration one
# configuration is seen through both APIs. Moves, their undo and configuration apply pass in both.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    function script:New-Journal { Join-Path ([IO.Path]::GetTempPath()) "worlds-$([guid]::NewGuid().ToString('N')).jsonl" }
    function script:Summary($Out) { $Out | Where-Object { $_ -is [ChatApi.MigrationSummary] } }
    # Channel id -> webhook id, as a session lists them.
    function script:Get-Placement($Session) {
        $p = @{}; foreach ($c in Get-ChatChannel -Session $Session) { $p[$c.Id] = $c.WebhookId }; $p
    }
}

Describe 'Moves to the Chat Gateway in the <World> world' -ForEach @(
    @{ World = 'default'; Arguments = @() }
    @{ World = 'shared'; Arguments = @('--shared-configuration') }
) {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments (@('--seed-legacy', '6', '--seed-uris', '3', '--rate-limit', '0') + $Arguments)
        $script:E = $emu.BaseUri
        $script:v2 = Connect-TestSession -Emulator $emu
        $script:gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $E -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        $script:shared = $World -eq 'shared'
    }
    AfterAll { Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }; Stop-TestEmulator $emu }

    It 'V1 to the Gateway with -SourceSession: plan, move, resume without a write, undo' {
        $v1 = @{}; Get-ChatWebhook -Session $v2 | ForEach-Object { $v1[$_.Id] = $_ }
        $before = Get-Placement $v2
        $map = @{}; foreach ($w in $v1.Values) { $map[$w.Uri] = $w.Uri -replace '/_receiver/', '/_receiver/v1gw-' }
        $map.Count | Should -Be 3

        $steps = @(Get-ChatMigrationPlan -Session $gw -SourceSession $v2 -UriMap $map)
        @($steps | Where-Object Action -EQ RepointChannel).Count | Should -Be 6
        @($steps | Where-Object Action -EQ CreateWebhook | ForEach-Object Uri | Sort-Object) | Should -Be @($map.Values | Sort-Object)

        $journal = New-Journal
        $out = Invoke-ChatMigration -Session $gw -SourceSession $v2 -UriMap $map -JournalPath $journal -Confirm:$false -ErrorAction Stop
        (Summary $out).Migrated | Should -Be 6
        $hooks = @{}; Get-ChatWebhook -Session $gw | ForEach-Object { $hooks[$_.Id] = $_ }
        foreach ($c in Get-ChatChannel -Session $gw) {
            $hooks[$c.WebhookId].Version | Should -Be 'Chat Gateway v1.0' -Because "channel $($c.Id)"
            $hooks[$c.WebhookId].Uri | Should -Be $map[$v1[$before[$c.Id]].Uri] -Because "channel $($c.Id)"
        }

        $mark = Get-EmulatorCallMark -Emulator $emu
        $again = Summary (Invoke-ChatMigration -Session $gw -SourceSession $v2 -UriMap $map -JournalPath $journal -Resume -Confirm:$false -ErrorAction Stop)
        ($again.Migrated, $again.WebhooksCreated) | Should -Be @(0, 0)
        @(Get-EmulatorCall -Emulator $emu -After $mark | Where-Object Method -NE GET).Count | Should -Be 0 -Because 'a finished migration writes nothing twice'

        $undo = @(Undo-ChatMigration -Session $gw -SourceSession $v2 -JournalPath $journal -Confirm:$false -ErrorAction Stop)[-1]
        ($undo.ChannelsRestored, $undo.WebhooksRemoved, $undo.Failed) | Should -Be @(6, 3, 0)
        $after = Get-Placement $v2
        foreach ($id in $before.Keys) { $after[$id] | Should -Be $before[$id] -Because "channel $id is back on its v1.0 webhook" }
        @(Get-ChatWebhook -Session $gw | Where-Object Version -EQ 'Chat Gateway v1.0').Count | Should -Be 0
    }

    It 'V2 to the Gateway on a Gateway session alone, keyed by old webhook id; undo' {
        Invoke-ChatMigration -Session $v2 -JournalPath (New-Journal) -Confirm:$false -ErrorAction Stop | Out-Null
        $onV2 = Get-Placement $v2
        $map = @{}; Get-ChatWebhook -Session $v2 -Version v2.0 | ForEach-Object { $map[$_.Id] = $_.Uri -replace '/_receiver/', '/_receiver/v2gw-' }
        $map.Count | Should -Be 3

        # Without a map only the shared world knows the old URIs; by default each channel says how to give them.
        $plain = @(Get-ChatMigrationPlan -Session $gw)
        if ($shared) { @($plain | Where-Object Action -EQ RepointChannel).Count | Should -Be 6 }
        else {
            @($plain | Where-Object Action -EQ RepointChannel).Count | Should -Be 0
            @($plain | Where-Object Reason -Like "*not listed by the Chat Gateway*-UriMap*key '*'*-SourceSession*").Count | Should -Be 6
        }
        $steps = @(Get-ChatMigrationPlan -Session $gw -UriMap $map)
        @($steps | Where-Object Action -EQ CreateWebhook | ForEach-Object Uri | Sort-Object) | Should -Be @($map.Values | Sort-Object)

        $journal = New-Journal
        (Summary (Invoke-ChatMigration -Session $gw -UriMap $map -JournalPath $journal -Confirm:$false -ErrorAction Stop)).Migrated | Should -Be 6
        $hooks = @{}; Get-ChatWebhook -Session $gw | ForEach-Object { $hooks[$_.Id] = $_ }
        foreach ($c in Get-ChatChannel -Session $gw) { $hooks[$c.WebhookId].Uri | Should -Be $map[$onV2[$c.Id]] -Because "channel $($c.Id)" }

        # The undo through the Gateway alone: the shared Gateway puts channels back; by default it cannot, and says how.
        $undo = Undo-ChatMigration -Session $gw -JournalPath $journal -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs
        if ($shared) { $undo[-1].ChannelsRestored | Should -Be 6 }
        else {
            $undo[-1].Failed | Should -Be 6
            $errs[0].Exception.Message | Should -BeLike '*-SourceSession*'
            $undo[-1].WebhooksKept | Should -Be 3 -Because 'the channels still use them'
            $undo = Undo-ChatMigration -Session $gw -SourceSession $v2 -JournalPath $journal -Confirm:$false -ErrorAction Stop
            $undo[-1].ChannelsRestored | Should -Be 6
        }
        $undo[-1].WebhooksRemoved | Should -Be 3
        $after = Get-Placement $v2
        foreach ($id in $onV2.Keys) { $after[$id] | Should -Be $onV2[$id] -Because "channel $id is back on its v2.0 webhook" }
    }

    It 'refuses a -SourceSession of the same API before any call' {
        { Get-ChatMigrationPlan -Session $gw -SourceSession $gw -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'SourceSession'*"
    }
}

Describe 'Configuration applied to the same tenant through the Gateway in the <World> world' -ForEach @(
    @{ World = 'default'; Arguments = @() }
    @{ World = 'shared'; Arguments = @('--shared-configuration') }
) {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments (@('--rate-limit', '0') + $Arguments)
        $script:v2 = Connect-TestSession -Emulator $emu
        $script:gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        $script:path = Join-Path ([IO.Path]::GetTempPath()) "worlds-$([guid]::NewGuid().ToString('N')).json"
    }
    AfterAll {
        Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
        Stop-TestEmulator $emu
        Remove-Item $path -ErrorAction SilentlyContinue
    }

    It 'plans no Gateway write to a v2.0 webhook and moves every channel onto a Chat Gateway v1.0 webhook at the same URI' {
        $receiver = "$($emu.BaseUri)/_receiver"
        $hooks = @(1..2 | ForEach-Object { New-ChatWebhook -Session $v2 -Name "cfg-$_" -Uri "$receiver/worlds-cfg-$_" -ErrorAction Stop })
        1..3 | ForEach-Object { New-ChatChannel -Session $v2 -Name "chan-$_" -WebhookId $hooks[$_ % 2].Id -QueueId (100 + $_) -ErrorAction Stop } | Out-Null
        Export-ChatConfiguration -Session $v2 -Path $path
        $v2Ids = @($hooks.Id)
        $wasUri = @{}; foreach ($c in Get-ChatChannel -Session $v2) { $wasUri[$c.Name] = ($hooks | Where-Object Id -EQ $c.WebhookId).Uri }

        $changes = @(Compare-ChatConfiguration -Reference $path -Session $gw -IncludeRemovals -ErrorAction Stop)
        @($changes | Where-Object { $_.Kind -eq 'Webhook' -and $_.Id -in $v2Ids }).Count | Should -Be 0 -Because 'the Gateway cannot change a v2.0 webhook'
        @($changes | Where-Object { $_.Kind -eq 'Webhook' -and $_.Action -eq 'Create' }).Count | Should -Be 2

        $out = @(Import-ChatConfiguration -Path $path -Session $gw -Confirm:$false -ErrorAction Stop)
        ($out[-1].Failed, $out[-1].Created) | Should -Be @(0, 2)
        $gwHooks = @{}; Get-ChatWebhook -Session $gw | ForEach-Object { $gwHooks[$_.Id] = $_ }
        foreach ($c in Get-ChatChannel -Session $gw) {
            $gwHooks[$c.WebhookId].Version | Should -Be 'Chat Gateway v1.0' -Because "channel $($c.Name)"
            $gwHooks[$c.WebhookId].Uri | Should -Be $wasUri[$c.Name] -Because "channel $($c.Name)"
        }
        @(Compare-ChatConfiguration -Reference $path -Session $gw -IncludeRemovals | Where-Object Action -NE 'Unchanged') | Should -BeNullOrEmpty
    }
}
