# Moving channels from V2 to the Chat Gateway (issue 13): the issue's done-criteria lines exactly as
# written, against the emulator started with --seed-legacy 30, then what they must have left. These read
# the v2.0 webhooks through the Gateway session, so they run in the shared world (--shared-configuration);
# GatewayWorlds.Tests.ps1 runs the moves in both worlds.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    # A delivery the emulator logged, waited for with a deadline (deliveries are sent in the background).
    function script:Wait-Delivery([string] $Query) {
        $deadline = (Get-Date).AddSeconds(20)
        do {
            $answer = Invoke-RestMethod "$E/_emulator/deliveries?$Query"   # a JSON array comes as one object
            $found = @(@($answer) | Where-Object Status -EQ 200)
            if ($found.Count -gt 0) { return $found[0] }
            Start-Sleep -Milliseconds 100
        } while ((Get-Date) -lt $deadline)
        throw "No delivery for $Query"
    }

    function script:Get-Tenant($Session) {
        $hooks = @{}; foreach ($w in Get-ChatWebhook -Session $Session) { $hooks[$w.Id] = $w }
        [pscustomobject]@{ Webhooks = $hooks; Channels = @(Get-ChatChannel -Session $Session) }
    }
}

Describe 'Migration V2 to the Chat Gateway: the done-criteria lines' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments '--seed-legacy', '30', '--rate-limit', '0', '--shared-configuration'
        $script:E = $emu.BaseUri
        $script:secret = ConvertTo-SecureString 'demo-secret' -AsPlainText -Force
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-gw-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory $work | Out-Null
        Push-Location $work
    }
    AfterAll {
        Pop-Location
        Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
        Stop-TestEmulator $emu
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs as written and leaves every channel on a Chat Gateway v1.0 webhook at its mapped URI; undo puts them back on v2.0' {
        # --- the issue's lines, as written (the snapshots in between only read) ---
        $v2 = Connect-ChatApi -Region us -TenantId acme -ApiKey demo-key -ApiSecret $secret -BaseUri $E -PassThru
        $before = Get-Tenant $v2
        Invoke-ChatMigration -Session $v2 -JournalPath ./v2.jsonl -Confirm:$false
        $gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $E -PassThru
        $onV2 = Get-Tenant $gw
        $map = @{}; Get-ChatWebhook -Session $gw | Where-Object Version -eq 'v2.0' |
            ForEach-Object { $map[$_.Uri] = $_.Uri -replace '/_receiver/', '/_receiver/gw-' }
        Invoke-ChatMigration -Session $gw -TargetVersion 'Chat Gateway v1.0' -UriMap $map -JournalPath ./gw.jsonl -Confirm:$false
        $onGateway = Get-Tenant $gw
        # A conversation created on a moved channel (through V2, which serves conversations today).
        $channel = $onGateway.Channels[0]
        $conversation = New-ChatConversation -Session $v2 -ChannelId $channel.Id -CustomerName 'Done Criteria'
        $queued = Wait-Delivery "conversationId=$($conversation.Id)&eventType=QUEUED"
        Undo-ChatMigration -Session $gw -JournalPath ./gw.jsonl -Confirm:$false
        $undone = Get-Tenant $gw
        # --- what they must have left ---

        $before.Channels.Count | Should -Be 30
        $map.Count | Should -BeGreaterThan 0
        # V2 step: every channel on a v2.0 webhook.
        foreach ($c in $onV2.Channels) { $onV2.Webhooks[$c.WebhookId].Version | Should -Be 'v2.0' -Because "channel $($c.Id) after the V2 migration" }

        # Gateway step: every channel on a Chat Gateway v1.0 webhook at its mapped URI, the count unchanged.
        $onGateway.Channels.Count | Should -Be $before.Channels.Count
        foreach ($c in $onGateway.Channels) {
            $was = $onV2.Webhooks[($onV2.Channels | Where-Object Id -EQ $c.Id).WebhookId]
            $hook = $onGateway.Webhooks[$c.WebhookId]
            $hook.Version | Should -Be 'Chat Gateway v1.0' -Because "channel $($c.Id)"
            $hook.Uri | Should -Be $map[$was.Uri] -Because "channel $($c.Id) was on $($was.Uri)"
        }
        # No duplicate webhook per URI.
        $onGateway.Webhooks.Values | Where-Object Version -EQ 'Chat Gateway v1.0' | Group-Object Uri |
            ForEach-Object { $_.Count | Should -Be 1 -Because "one Chat Gateway v1.0 webhook for $($_.Name)" }
        @($onGateway.Webhooks.Values | Where-Object Version -EQ 'Chat Gateway v1.0').Count | Should -Be $map.Count

        # The Gateway-format QUEUED event, signed, accepted through the Gateway session.
        $queued.Version | Should -Be 'Chat Gateway v1.0'
        $queued.Uri | Should -Be $onGateway.Webhooks[$channel.WebhookId].Uri
        $body = $queued.Body | ConvertFrom-Json
        $body.PSObject.Properties.Name | Should -Not -Contain 'messageType'
        $body.data.queueId | Should -Be $channel.QueueId
        $headers = @{}; foreach ($p in $queued.Headers.PSObject.Properties) { $headers[$p.Name] = [string]$p.Value }
        Test-ChatWebhookSignature -Body $queued.Body -Headers $headers -Session $gw | Should -BeTrue
        $event = ConvertFrom-ChatWebhookEvent -Body $queued.Body -Headers $headers
        $event | Should -BeOfType ([ChatApi.Events.QueuedEvent])
        $event.Api | Should -Be 'Gateway'
        $event.QueueId | Should -Be $channel.QueueId
        $tampered = $queued.Body -replace [regex]::Escape($conversation.Id), 'someone-else'
        Test-ChatWebhookSignature -Body $tampered -Headers $headers -Session $gw | Should -BeFalse

        # Undo: every channel back on the v2.0 webhook it had.
        $undone.Channels.Count | Should -Be $before.Channels.Count
        foreach ($c in $undone.Channels) {
            $c.WebhookId | Should -Be ($onV2.Channels | Where-Object Id -EQ $c.Id).WebhookId -Because "channel $($c.Id)"
            $undone.Webhooks[$c.WebhookId].Version | Should -Be 'v2.0'
        }
    }
}

Describe 'Migration V2 to the Chat Gateway: guarantees' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments '--seed-legacy', '6', '--seed-uris', '3', '--rate-limit', '0', '--shared-configuration'
        $script:E = $emu.BaseUri
        $script:v2 = Connect-TestSession -Emulator $emu
        Invoke-ChatMigration -Session $v2 -JournalPath (Join-Path ([IO.Path]::GetTempPath()) "gw-pre-$([guid]::NewGuid().ToString('N')).jsonl") -Confirm:$false | Out-Null
        $script:gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $E -PassThru
        function script:New-Journal { Join-Path ([IO.Path]::GetTempPath()) "gw-$([guid]::NewGuid().ToString('N')).jsonl" }
    }
    AfterAll { Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }; Stop-TestEmulator $emu }

    It 'defaults to Chat Gateway v1.0 on a Gateway session and plans one webhook per target URI' {
        $uris = @(Get-ChatWebhook -Session $gw -Version v2.0 | Select-Object -ExpandProperty Uri -Unique)
        $one = "$E/_receiver/gw-shared"
        $map = @{}; foreach ($u in $uris) { $map[$u] = $one }
        $steps = @(Get-ChatMigrationPlan -Session $gw -UriMap $map)
        @($steps | Where-Object Action -EQ CreateWebhook).Count | Should -Be 1
        ($steps | Where-Object Action -EQ CreateWebhook).Uri | Should -Be $one
        ($steps | Where-Object Action -EQ VerifyUri).Reason | Should -BeLike '*Chat Gateway v1.0 WEB_HOOK_VERIFY*'
        @($steps | Where-Object Action -EQ RepointChannel).Count | Should -Be 6
    }

    It 'refuses Chat Gateway v1.0 on a V2 session and v2.0 on a Gateway session, before any change' {
        { Invoke-ChatMigration -Session $v2 -TargetVersion 'Chat Gateway v1.0' -JournalPath (New-Journal) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'TargetVersion'*Gateway session*"
        { Get-ChatMigrationPlan -Session $gw -TargetVersion v2.0 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'TargetVersion'*"
        { Get-ChatMigrationPlan -Session $gw -Strategy InPlace -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'Strategy'*NewWebhook*"
        { Get-ChatMigrationPlan -Session $gw -UriMap @{ 'not a uri' = "$E/x" } -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'UriMap'*"
        { Get-ChatMigrationPlan -Session $gw -UriMap 42 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'UriMap'*hashtable*CSV*"
    }

    It 'takes the map from a CSV file; a URI not in it keeps its URI; -WhatIf changes nothing' {
        $uris = @(Get-ChatWebhook -Session $gw -Version v2.0 | Select-Object -ExpandProperty Uri -Unique | Sort-Object)
        $csv = Join-Path ([IO.Path]::GetTempPath()) "map-$([guid]::NewGuid().ToString('N')).csv"
        [pscustomobject]@{ OldUri = $uris[0]; NewUri = $uris[0] -replace '/_receiver/', '/_receiver/csv-' } | Export-Csv $csv -NoTypeInformation
        $steps = @(Get-ChatMigrationPlan -Session $gw -UriMap $csv)
        $created = @($steps | Where-Object Action -EQ CreateWebhook | Select-Object -ExpandProperty Uri | Sort-Object)
        $created | Should -Contain ($uris[0] -replace '/_receiver/', '/_receiver/csv-')
        $created | Should -Contain $uris[1]
        $mark = Get-EmulatorCallMark -Emulator $emu
        Invoke-ChatMigration -Session $gw -UriMap $csv -WhatIf | Out-Null
        @(Get-EmulatorCall -Emulator $emu -After $mark | Where-Object Method -NE GET).Count | Should -Be 0
    }

    It 'verifies every target URI before any channel moves; a failing one leaves its channels untouched; -Resume needs the same map' {
        $uris = @(Get-ChatWebhook -Session $gw -Version v2.0 | Select-Object -ExpandProperty Uri -Unique | Sort-Object)
        $map = @{}
        $map[$uris[0]] = "$E/_broken/gw-target"
        foreach ($u in $uris[1..($uris.Count - 1)]) { $map[$u] = $u -replace '/_receiver/', '/_receiver/gw-' }
        $before = @{}; foreach ($c in Get-ChatChannel -Session $gw) { $before[$c.Id] = $c.WebhookId }
        $journal = New-Journal
        $out = Invoke-ChatMigration -Session $gw -UriMap $map -JournalPath $journal -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $summary = $out | Where-Object { $_ -is [ChatApi.MigrationSummary] }
        $summary.Failed | Should -BeGreaterThan 0
        $errs.Count | Should -Be $summary.Failed
        $errs[0].Exception.Message | Should -BeLike '*failed the Chat Gateway v1.0 verify*left untouched*'
        $hooks = @{}; foreach ($w in Get-ChatWebhook -Session $gw) { $hooks[$w.Id] = $w }
        foreach ($c in Get-ChatChannel -Session $gw) {
            $old = $hooks[$before[$c.Id]]
            if ($old.Uri -eq $uris[0]) { $c.WebhookId | Should -Be $before[$c.Id] -Because 'its target URI failed the verify' }
            else { $hooks[$c.WebhookId].Version | Should -Be 'Chat Gateway v1.0' }
        }
        @($hooks.Values | Where-Object Uri -EQ "$E/_broken/gw-target").Count | Should -Be 0 -Because 'no webhook is created for a URI that failed'
        { Invoke-ChatMigration -Session $gw -Resume -JournalPath $journal -Confirm:$false -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'UriMap'*same map*"
        $again = Invoke-ChatMigration -Session $gw -Resume -UriMap $map -JournalPath $journal -Confirm:$false -ErrorAction SilentlyContinue |
            Where-Object { $_ -is [ChatApi.MigrationSummary] }
        $again.WebhooksCreated | Should -Be 0 -Because 'the webhooks of the first run are reused'
    }
}
