# Configuration as code (issue 15): export tenant A (us), apply it to an empty tenant B (eu), compare,
# change A, compare again, apply, apply once more, apply it to a Gateway session; refusals before any call;
# failures that do not stop the rest.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    # cfg-nohooks may read webhooks and change channels but not write webhooks: its webhook creates fail (403).
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--tenant', 'us:acme', '--tenant', 'eu:globex', '--tenant', 'ap:initech',
        '--api-key', 'demo-key:demo-secret', '--api-key', 'cfg-nohooks:cfg-secret:vcc-chat.webhooks.read,vcc-chat.channels.read,vcc-chat.channels.write')
    $script:a = Connect-TestSession $emu -Region us -Tenant acme
    $script:b = Connect-TestSession $emu -Region eu -Tenant globex
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-config-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory -Path $work | Out-Null

    function Clear-Tenant($Session) {
        Get-ChatChannel -Session $Session | Remove-ChatChannel -Session $Session -Confirm:$false
        Get-ChatWebhook -Session $Session | Remove-ChatWebhook -Session $Session -Confirm:$false
    }
    # Tenant B as a comparable picture: channel name -> (webhook URI, webhook name, version, queue).
    function Get-Picture($Session) {
        $hooks = @{}; Get-ChatWebhook -Session $Session | ForEach-Object { $hooks[$_.Id] = $_ }
        Get-ChatChannel -Session $Session | Sort-Object Name | ForEach-Object {
            $h = $hooks[$_.WebhookId]
            "$($_.Name)|$($h.Uri)|$($h.Name)|$($h.Version)|$($_.QueueId)"
        }
    }
    function Get-Changes($Reference, $Session, [switch] $IncludeRemovals) {
        @(Compare-ChatConfiguration -Reference $Reference -Session $Session -IncludeRemovals:$IncludeRemovals -ErrorAction Stop |
            Where-Object Action -NotIn 'Unchanged')
    }
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
}

Describe 'Configuration as code: tenant A (us) to empty tenant B (eu)' {
    BeforeAll {
        Clear-Tenant $a; Clear-Tenant $b
        $receiver = "$($emu.BaseUri)/_receiver"
        # 12 webhooks; two share one URI and differ by name (they must match by name).
        $script:hooks = @(1..11 | ForEach-Object { New-ChatWebhook -Session $a -Name "hook-$_" -Uri "$receiver/cfg-$_" -ErrorAction Stop }) +
            @(New-ChatWebhook -Session $a -Name 'hook-1-twin' -Uri "$receiver/cfg-1" -ErrorAction Stop)
        $script:channels = 1..40 | ForEach-Object {
            New-ChatChannel -Session $a -Name ('chan-{0:d2}' -f $_) -WebhookId $hooks[$_ % 12].Id -QueueId (100 + $_) -ErrorAction Stop
        }
        $script:fileA = Join-Path $work 'a.json'
    }

    It 'exports A as one document with its API, region and tenant, no ids, in a stable order' {
        Export-ChatConfiguration -Session $a -Path $fileA -ErrorAction Stop
        $doc = Get-Content $fileA -Raw | ConvertFrom-Json
        $doc.api | Should -Be 'V2'
        $doc.region | Should -Be 'us'
        $doc.tenantId | Should -Be 'acme'
        $doc.schemaVersion | Should -Be 1
        @($doc.webhooks).Count | Should -Be 12
        @($doc.channels).Count | Should -Be 40
        (Get-Content $fileA -Raw) | Should -Not -Match '"id"'
        $doc.channels.name | Should -Be ($doc.channels.name | Sort-Object -CaseSensitive)
        $again = Export-ChatConfiguration -Session $a -AsObject
        $again.Webhooks.Count | Should -Be 12
        Export-ChatConfiguration -Session $a -Path (Join-Path $work 'a2.json')
        (Get-Content (Join-Path $work 'a2.json') -Raw) | Should -BeExactly (Get-Content $fileA -Raw)
        { Export-ChatConfiguration -Session $a -Path $fileA -ErrorAction Stop } | Should -Throw '*already exists*-Force*'
        (Get-Content (Join-Path $work 'a.json') -Raw | ConvertFrom-Json -AsHashtable).webhooks[0].Keys | Should -Not -Contain 'id'
        $withIds = Export-ChatConfiguration -Session $a -AsObject -IncludeIds
        $withIds.Channels[0].Id | Should -Not -BeNullOrEmpty
    }

    It 'shows every item of A as a Create on the empty tenant B, webhooks first' {
        $changes = @(Compare-ChatConfiguration -Reference $fileA -Session $b)
        $changes.Count | Should -Be 52
        @($changes | Where-Object Action -NE 'Create').Count | Should -Be 0
        @($changes[0..11].Kind | Select-Object -Unique) | Should -Be 'Webhook'
        @($changes[12..51].Kind | Select-Object -Unique) | Should -Be 'Channel'
    }

    It 'applies A to B under -WhatIf without changing anything' {
        $out = @(Import-ChatConfiguration -Path $fileA -Session $b -WhatIf)
        @(Get-ChatWebhook -Session $b).Count | Should -Be 0
        @($out | Where-Object { $_ -is [ChatApi.ConfigurationResult] -and $_.Status -eq 'WhatIf' }).Count | Should -Be 52
        ($out | Where-Object { $_ -is [ChatApi.ConfigurationSummary] }).WhatIf | Should -Be 52
    }

    It 'applies A to B: every channel on the webhook with the same URI and name, then compare shows no difference' {
        $out = @(Import-ChatConfiguration -Path $fileA -Session $b -Confirm:$false -ErrorAction Stop)
        $summary = $out[-1]
        $summary | Should -BeOfType ChatApi.ConfigurationSummary
        $summary.Created | Should -Be 52
        $summary.Failed | Should -Be 0
        @($out | Where-Object { $_ -is [ChatApi.ConfigurationResult] }).Count | Should -Be 52
        Get-Picture $b | Should -Be (Get-Picture $a)
        (Get-ChatChannel -Session $b | Where-Object Name -EQ 'chan-11').WebhookId |
            Should -Be (Get-ChatWebhook -Session $b | Where-Object Name -EQ 'hook-1-twin').Id
        Get-Changes $fileA $b -IncludeRemovals | Should -BeNullOrEmpty
        @(Compare-ChatConfiguration -Reference $fileA -Session $b | Where-Object Action -EQ 'Unchanged').Count | Should -Be 52
    }

    It 'applies the same document to a Gateway session: the same channels, on Chat Gateway v1.0 webhooks' {
        $gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId initech -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        Get-Changes $fileA $gw | ForEach-Object Action | Select-Object -Unique | Should -Be 'Create'
        $out = @(Import-ChatConfiguration -Path $fileA -Session $gw -Confirm:$false -ErrorAction Stop)
        $out[-1].Created | Should -Be 52
        $out[-1].Failed | Should -Be 0
        @(Get-ChatWebhook -Session $gw).Version | Select-Object -Unique | Should -Be 'Chat Gateway v1.0'
        Get-Picture $gw | Should -Be @(Get-Picture $a | ForEach-Object { $_ -replace '\|v2\.0\|', '|Chat Gateway v1.0|' })
        Get-Changes $fileA $gw -IncludeRemovals | Should -BeNullOrEmpty
        (Import-ChatConfiguration -Path $fileA -Session $gw -Confirm:$false | Select-Object -Last 1).NothingToDo | Should -BeTrue
    }

    It 'after A changes, compare shows exactly those changes, apply does them, and a second apply has nothing to do' {
        $receiver = "$($emu.BaseUri)/_receiver"
        Set-ChatWebhook -Session $a -Id $hooks[2].Id -Name 'hook-2-renamed' -Confirm:$false -ErrorAction Stop
        $moved = $channels | Where-Object Name -EQ 'chan-05'
        Set-ChatChannel -Session $a -Id $moved.Id -WebhookId $hooks[7].Id -Confirm:$false -ErrorAction Stop
        Set-ChatChannel -Session $a -Id ($channels | Where-Object Name -EQ 'chan-06').Id -QueueId 999 -Confirm:$false -ErrorAction Stop
        $newHook = New-ChatWebhook -Session $a -Name 'hook-new' -Uri "$receiver/cfg-new" -ErrorAction Stop
        New-ChatChannel -Session $a -Name 'chan-41' -WebhookId $newHook.Id -QueueId 141 -ErrorAction Stop | Out-Null
        Remove-ChatChannel -Session $a -Id ($channels | Where-Object Name -EQ 'chan-40').Id -Confirm:$false -ErrorAction Stop
        $fileA2 = Join-Path $work 'a-changed.json'
        Export-ChatConfiguration -Session $a -Path $fileA2

        $changes = Get-Changes $fileA2 $b
        ($changes | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name) [$($_.Fields)]" }) | Should -Be @(
            'Create Webhook hook-new []'
            'Create Channel chan-41 []'
            'Update Webhook hook-2-renamed [Name]'
            'Update Channel chan-05 [Webhook]'
            'Update Channel chan-06 [QueueId]'
        )
        ($changes | Where-Object Name -EQ 'chan-06').Current | Should -Be 'QueueId=106'
        ($changes | Where-Object Name -EQ 'chan-06').Desired | Should -Be 'QueueId=999'
        $withRemovals = Get-Changes $fileA2 $b -IncludeRemovals
        @($withRemovals | Where-Object Action -EQ 'Remove').Name | Should -Be 'chan-40'

        $summary = Import-ChatConfiguration -Path $fileA2 -Session $b -RemoveMissing -Confirm:$false -ErrorAction Stop | Select-Object -Last 1
        $summary.Created | Should -Be 2
        $summary.Updated | Should -Be 3
        $summary.Removed | Should -Be 1
        $summary.Failed | Should -Be 0
        Get-Picture $b | Should -Be (Get-Picture $a)

        $again = Import-ChatConfiguration -Path $fileA2 -Session $b -RemoveMissing -Confirm:$false -ErrorAction Stop | Select-Object -Last 1
        $again.NothingToDo | Should -BeTrue
        $again.Unchanged | Should -Be 53
        $again.Created + $again.Updated + $again.Removed | Should -Be 0
        Copy-Item $fileA2 $fileA -Force
    }

    It 'converges when an import is stopped part way and run again' {
        Clear-Tenant $b
        $first = @(Import-ChatConfiguration -Path $fileA -Session $b -Confirm:$false | Select-Object -First 15)
        $first.Count | Should -Be 15
        @(Get-ChatChannel -Session $b).Count | Should -BeLessThan 41
        $summary = Import-ChatConfiguration -Path $fileA -Session $b -Confirm:$false -ErrorAction Stop | Select-Object -Last 1
        $summary.Failed | Should -Be 0
        $summary.Created | Should -BeGreaterThan 0
        Get-Picture $b | Should -Be (Get-Picture $a)
        Get-Changes $fileA $b -IncludeRemovals | Should -BeNullOrEmpty
        @(Get-ChatWebhook -Session $b).Count | Should -Be 13
    }

    It 'Get-ChatWebhook -Unused lists the webhooks no channel uses, with ChannelCount' {
        $lonely = New-ChatWebhook -Session $b -Name 'lonely' -Uri "$($emu.BaseUri)/_receiver/cfg-lonely" -ErrorAction Stop
        $unused = @(Get-ChatWebhook -Session $b -Unused)
        $unused.Id | Should -Be $lonely.Id
        $unused[0].ChannelCount | Should -Be 0
        $counted = Get-ChatWebhook -Session $b -IncludeChannelCount
        ($counted | Measure-Object ChannelCount -Sum).Sum | Should -Be @(Get-ChatChannel -Session $b).Count
        (Get-ChatWebhook -Session $b | Select-Object -First 1).ChannelCount | Should -BeNullOrEmpty
        Remove-ChatWebhook -Session $b -Id $lonely.Id -Confirm:$false
    }
}

Describe 'Configuration documents that are refused before any call' {
    BeforeAll {
        $script:good = [ordered]@{
            schema = 'https://schemas.chatapi.local/chat-configuration'; schemaVersion = 1; api = 'V2'; region = 'us'; tenantId = 'acme'
            webhooks = @([ordered]@{ key = 'w'; name = 'w'; uri = 'https://example.com/w'; version = 'v2.0' })
            channels = @([ordered]@{ name = 'c'; webhook = 'w'; queueId = '1' })
        }
        function Write-Doc($Doc) { $p = Join-Path $work "doc-$([guid]::NewGuid().ToString('n')).json"; $Doc | ConvertTo-Json -Depth 5 | Set-Content $p; $p }
    }

    It 'refuses <Case>, naming <Place>, and makes no call' -TestCases @(
        @{ Case = 'a wrong schema'; Place = '$.schema'; Change = { param($d) $d.schema = 'something-else' } }
        @{ Case = 'an unknown schema version'; Place = '$.schemaVersion'; Change = { param($d) $d.schemaVersion = 7 } }
        @{ Case = 'a webhook version the API does not have'; Place = '$.webhooks[0].version'; Change = { param($d) $d.webhooks[0].version = 'v3.0' } }
        @{ Case = 'a channel naming a webhook not in the document'; Place = '$.channels[0].webhook'; Change = { param($d) $d.channels[0].webhook = 'nowhere' } }
        @{ Case = 'a webhook without a URI'; Place = '$.webhooks[0].uri'; Change = { param($d) $d.webhooks[0].Remove('uri') } }
    ) {
        $doc = $good | ConvertTo-Json -Depth 5 | ConvertFrom-Json -AsHashtable
        & $Change $doc
        $path = Write-Doc $doc
        $mark = Get-EmulatorCallMark $emu
        $err = $null
        Import-ChatConfiguration -Path $path -Session $b -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($err[0])" | Should -BeLike "*refused at $([WildcardPattern]::Escape($Place)):*"
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument*'
        { Compare-ChatConfiguration -Reference $path -Session $b -ErrorAction Stop } | Should -Throw "*refused at $([WildcardPattern]::Escape($Place)):*"
        @(Get-EmulatorCall $emu -After $mark).Count | Should -Be 0
    }

    It 'refuses a file that is not JSON, naming the line' {
        $path = Join-Path $work 'broken.json'; "{`n  `"schema`": oops`n}" | Set-Content $path
        { Import-ChatConfiguration -Path $path -Session $b -Confirm:$false -ErrorAction Stop } | Should -Throw '*refused at line 2*not valid JSON*'
    }
}

Describe 'Configuration across APIs and failures' {
    BeforeAll {
        # A V2 document of two webhooks, -Key (version -Version) and 'live' (v2.0), with the channels on-<Key> and on-live.
        function script:Write-TwoWebhookDoc([string] $File, [string] $Key, [string] $Name, [string] $Version) {
            $receiver = "$($emu.BaseUri)/_receiver"
            $path = Join-Path $work $File
            [ordered]@{
                schema = 'https://schemas.chatapi.local/chat-configuration'; schemaVersion = 1; api = 'V2'; region = 'us'; tenantId = 'acme'
                webhooks = @(
                    [ordered]@{ key = $Key; name = $Name; uri = "$receiver/cfg-$Key"; version = $Version }
                    [ordered]@{ key = 'live'; name = 'live'; uri = "$receiver/cfg-live"; version = 'v2.0' }
                )
                channels = @(
                    [ordered]@{ name = "on-$Key"; webhook = $Key; queueId = '1' }
                    [ordered]@{ name = 'on-live'; webhook = 'live'; queueId = '2' }
                )
            } | ConvertTo-Json -Depth 5 | Set-Content $path
            $path
        }
    }
    BeforeEach { Clear-Tenant $b }

    It 'maps Chat Gateway v1.0 webhooks to v2.0 on a V2 session and skips channel types V2 cannot hold, reporting them' {
        $doc = [ordered]@{
            schema = 'https://schemas.chatapi.local/chat-configuration'; schemaVersion = 1; api = 'Gateway'; region = 'us'; tenantId = 'acme'
            webhooks = @([ordered]@{ key = 'gw'; name = 'gw'; uri = "$($emu.BaseUri)/_receiver/cfg-gw"; version = 'Chat Gateway v1.0' })
            channels = @(
                [ordered]@{ name = 'web'; webhook = 'gw'; queueId = '1'; type = 'ChatAPI' }
                [ordered]@{ name = 'sms'; webhook = 'gw'; queueId = '2'; type = 'SMS' }
            )
        }
        $path = Join-Path $work 'gateway.json'; $doc | ConvertTo-Json -Depth 5 | Set-Content $path
        $skip = Compare-ChatConfiguration -Reference $path -Session $b | Where-Object Action -EQ 'Skip'
        $skip.Name | Should -Be 'sms'
        $skip.Reason | Should -BeLike '*SMS channel cannot be held by Chat API V2*'
        $out = @(Import-ChatConfiguration -Path $path -Session $b -Confirm:$false -ErrorAction Stop)
        ($out | Where-Object Name -EQ 'sms').Status | Should -Be 'Skipped'
        $out[-1].Created | Should -Be 2
        $out[-1].Skipped | Should -Be 1
        (Get-ChatWebhook -Session $b).Version | Should -Be 'v2.0'
        (Get-ChatChannel -Session $b).Name | Should -Be 'web'
        (Import-ChatConfiguration -Path $path -Session $b -Confirm:$false | Select-Object -Last 1).NothingToDo | Should -BeTrue
    }

    It 'goes on after a webhook that cannot be created: its channels fail, the rest is applied, and the failure is an error naming it' {
        $receiver = "$($emu.BaseUri)/_receiver"
        $live = New-ChatWebhook -Session $b -Name 'live' -Uri "$receiver/cfg-live" -Version v2.0
        $path = Write-TwoWebhookDoc 'partly.json' -Key 'dead' -Name 'dead' -Version 'v2.0'
        # a key without the webhooks.write scope: the server refuses the one webhook create (403)
        $limited = Connect-ChatApi -Region eu -TenantId globex -Credential (New-TestCredential -Key cfg-nohooks -Secret cfg-secret) `
            -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        $err = $null
        $out = @(Import-ChatConfiguration -Path $path -Session $limited -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue)
        Disconnect-ChatApi -Session $limited
        ($out | Where-Object Name -EQ 'dead').Status | Should -Be 'Failed'
        ($out | Where-Object Name -EQ 'on-dead').Status | Should -Be 'Failed'
        ($out | Where-Object Name -EQ 'on-dead').Message | Should -BeLike "*webhook 'dead' was not created*"
        ($out | Where-Object Name -EQ 'on-live').Status | Should -Be 'Done'
        $out[-1].Failed | Should -Be 2
        $out[-1].Created | Should -Be 1
        @($err).Count | Should -Be 2
        (Get-ChatChannel -Session $b).Name | Should -Be 'on-live'
        (Get-ChatChannel -Session $b).WebhookId | Should -Be $live.Id
    }

    Context 'a document holding v1.0 webhooks (8x8 creates no new ones)' {
        BeforeAll {
            $script:legacyPath = Write-TwoWebhookDoc 'legacy.json' -Key 'legacy-1' -Name 'legacy-1 webhook' -Version 'v1.0'
            function script:Get-Write([long] $Mark) { @(Get-EmulatorCall $emu -After $Mark | Where-Object Method -NE 'GET') }
        }

        It 'the plan, Compare-ChatConfiguration and -WhatIf name the webhook that cannot be created and the rule, before any write' {
            $mark = Get-EmulatorCallMark $emu
            $plan = @(Compare-ChatConfiguration -Reference $legacyPath -Session $b -ErrorAction Stop)
            $refused = @($plan | Where-Object Action -EQ 'Refuse')
            $refused.Name | Should -Be 'legacy-1 webhook'
            $refused.Kind | Should -Be 'Webhook'
            $refused.Reason | Should -BeLike "*8x8 creates no new v1.0 webhooks*-WebhookVersion 'v2.0'*"
            ($plan | Format-Table | Out-String -Width 200) | Should -Match 'Refuse\s+Webhook legacy-1 webhook'
            ($refused | Format-List | Out-String -Width 200) | Should -Match 'Reason\s+: 8x8 creates no new v1\.0 webhooks'
            $err = $null
            $out = @(Import-ChatConfiguration -Path $legacyPath -Session $b -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue)
            ($out | Where-Object Name -EQ 'legacy-1 webhook').Status | Should -Be 'Refused'
            "$($err[0])" | Should -BeLike "*'legacy-1 webhook'*8x8 creates no new v1.0 webhooks*Nothing was changed*"
            Get-Write $mark | Should -BeNullOrEmpty
        }

        It 'applying refuses the whole document before its first write' {
            $mark = Get-EmulatorCallMark $emu
            $err = $null
            $out = @(Import-ChatConfiguration -Path $legacyPath -Session $b -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue)
            @($out | Where-Object Status -NE 'Refused') | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument*'
            "$($err[0])" | Should -BeLike "*'legacy-1 webhook'*-WebhookVersion*Nothing was changed*"
            Get-Write $mark | Should -BeNullOrEmpty
            Get-ChatWebhook -Session $b | Should -BeNullOrEmpty
        }

        It '-WebhookVersion v2.0 creates them at v2.0 and points their channels at them; a version the session cannot create is refused' {
            { Import-ChatConfiguration -Path $legacyPath -Session $b -WebhookVersion 'Chat Gateway v1.0' -Confirm:$false -ErrorAction Stop } |
                Should -Throw "*'WebhookVersion'*v2.0*"
            (Compare-ChatConfiguration -Reference $legacyPath -Session $b -WebhookVersion v2.0 | Where-Object Name -EQ 'legacy-1 webhook').Action | Should -Be 'Create'
            $out = @(Import-ChatConfiguration -Path $legacyPath -Session $b -WebhookVersion v2.0 -Confirm:$false -ErrorAction Stop)
            $out[-1].Created | Should -Be 4
            $out[-1].Failed | Should -Be 0
            $legacy = Get-ChatWebhook -Session $b | Where-Object Name -EQ 'legacy-1 webhook'
            $legacy.Version | Should -Be 'v2.0'
            (Get-ChatChannel -Session $b | Where-Object Name -EQ 'on-legacy-1').WebhookId | Should -Be $legacy.Id
        }

        It 'on a Gateway session: refused without -WebhookVersion, created at Chat Gateway v1.0 with it' {
            $gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId initech -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
            Clear-Tenant $gw
            $mark = Get-EmulatorCallMark $emu
            { Import-ChatConfiguration -Path $legacyPath -Session $gw -Confirm:$false -ErrorAction Stop } | Should -Throw "*'legacy-1 webhook'*-WebhookVersion 'Chat Gateway v1.0'*"
            Get-Write $mark | Should -BeNullOrEmpty
            $out = @(Import-ChatConfiguration -Path $legacyPath -Session $gw -WebhookVersion 'Chat Gateway v1.0' -Confirm:$false -ErrorAction Stop)
            $out[-1].Failed | Should -Be 0
            $legacy = Get-ChatWebhook -Session $gw | Where-Object Name -EQ 'legacy-1 webhook'
            $legacy.Version | Should -Be 'Chat Gateway v1.0'
            (Get-ChatChannel -Session $gw | Where-Object Name -EQ 'on-legacy-1').WebhookId | Should -Be $legacy.Id
            Clear-Tenant $gw
        }
    }

    It 'replaces URI prefixes with -UriMap before matching and creating' {
        $doc = Export-ChatConfiguration -Session $a -AsObject
        $map = @{ "$($emu.BaseUri)/_receiver/cfg-" = "$($emu.BaseUri)/_receiver/prod-" }
        $summary = $doc | Import-ChatConfiguration -Session $b -UriMap $map -Confirm:$false -ErrorAction Stop | Select-Object -Last 1
        $summary.Failed | Should -Be 0
        @(Get-ChatWebhook -Session $b | Where-Object Uri -NotLike '*/_receiver/prod-*').Count | Should -Be 0
        @(Compare-ChatConfiguration -Reference $doc -Session $b -UriMap $map | Where-Object Action -NE 'Unchanged').Count | Should -Be 0
        { Compare-ChatConfiguration -Reference $doc -Session $b -UriMap @{ 'x' = 'not a uri' } -ErrorAction Stop } | Should -Throw "*'UriMap'*"
    }
}
