# Issue 10 parts 2, 3 and 5: a bulk pipeline never overwrites a change it did not see, never
# duplicates a create whose answer was lost, and writes its results in input order.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
}

Describe 'Stale objects never overwrite newer changes (<Name>)' -ForEach @(
    @{ Name = 'no ETags, as 8x8 documents'; Arguments = @('--rate-limit', '0') }
    @{ Name = 'with ETags'; Arguments = @('--rate-limit', '0', '--etags') }
) {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments $Arguments
        $script:session = Connect-TestSession $emu
        $script:receiver = "$($emu.BaseUri)/_receiver/stale"
        $script:hook = New-ChatWebhook -Name 'stale-hook' -Uri $receiver
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'a channel read before someone renamed it does not put the old name back: Conflict naming Name, nothing written' {
        $made = New-ChatChannel -Name 'old' -WebhookId $hook.Id -QueueId 500
        $c = Get-ChatChannel -Id $made.Id
        Set-ChatChannel -Id $made.Id -Name 'new' -ErrorAction Stop
        $c | Set-ChatChannel -QueueId 501 -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Conflict*'
        $err[0].Exception.Message | Should -Match 'Name'
        $err[0].Exception.Message | Should -Match "'new'"
        $now = Get-ChatChannel -Id $made.Id
        $now.Name | Should -Be 'new'
        $now.QueueId | Should -Be '500' -Because 'nothing is written when the piped channel is stale'
    }

    It 'a fresh channel piped in changes only the parameter given' {
        $made = New-ChatChannel -Name 'fresh' -WebhookId $hook.Id -QueueId 600
        Get-ChatChannel -Id $made.Id | Set-ChatChannel -QueueId 601 -ErrorAction Stop
        $now = Get-ChatChannel -Id $made.Id
        $now.QueueId | Should -Be '601'
        $now.Name | Should -Be 'fresh'
        $now.WebhookId | Should -Be $hook.Id
    }

    It 'a value the user edited on the piped channel is a change' {
        $made = New-ChatChannel -Name 'to-edit' -WebhookId $hook.Id -QueueId 700
        $c = Get-ChatChannel -Id $made.Id
        $c.Name = 'edited'
        $c | Set-ChatChannel -ErrorAction Stop
        (Get-ChatChannel -Id $made.Id).Name | Should -Be 'edited'
    }

    It 'a plain object (CSV row) has no memory: its bound values are changes, as before' {
        $made = New-ChatChannel -Name 'plain' -WebhookId $hook.Id -QueueId 800
        [pscustomobject]@{ Id = $made.Id; Name = 'from-csv' } | Set-ChatChannel -ErrorAction Stop
        $now = Get-ChatChannel -Id $made.Id
        $now.Name | Should -Be 'from-csv'
        $now.QueueId | Should -Be '800'
    }

    It 'a channel piped into Set-ChatWebhook changes its webhook, and the channel''s name is not taken as the webhook''s' {
        $made = New-ChatChannel -Name 'channel-name' -WebhookId $hook.Id -QueueId 900
        Get-ChatChannel -Id $made.Id | Set-ChatWebhook -Uri "$receiver/moved" -ErrorAction Stop
        $now = Get-ChatWebhook -Id $hook.Id
        $now.Uri | Should -Be "$receiver/moved"
        $now.Name | Should -Be 'stale-hook'
    }

    It 'a webhook read before someone moved it does not put the old URI back' {
        $w = New-ChatWebhook -Name 'wh-stale' -Uri "$receiver/a"
        $read = Get-ChatWebhook -Id $w.Id
        Set-ChatWebhook -Id $w.Id -Uri "$receiver/b" -ErrorAction Stop
        $read | Set-ChatWebhook -Name 'wh-renamed' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Conflict*'
        $err[0].Exception.Message | Should -Match 'Uri'
        $now = Get-ChatWebhook -Id $w.Id
        $now.Uri | Should -Be "$receiver/b"
        $now.Name | Should -Be 'wh-stale'
    }

    It 'a stale channel is refused, but a parameter given on the command line sets that field' {
        $made = New-ChatChannel -Name 'x1' -WebhookId $hook.Id -QueueId 910
        $c = Get-ChatChannel -Id $made.Id
        Set-ChatChannel -Id $made.Id -QueueId 911 -ErrorAction Stop
        $c | Set-ChatChannel -QueueId 912 -Name 'x2' -ErrorAction Stop
        $now = Get-ChatChannel -Id $made.Id
        $now.QueueId | Should -Be '912'
        $now.Name | Should -Be 'x2'
    }
}

Describe 'Lost answers never make duplicates (20% of answers lost, Idempotency-Key ignored as by 8x8)' {
    BeforeAll {
        # Half the faults are a 503 before any work, half a cut connection after the work: 0.4 loses 20% of answers.
        # Faults meet only the bulk calls under test: setup and the reads that judge them run with faults paused.
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--fail-rate', '0.4', '--idempotency', 'ignore', '--seed', '10')
        Set-TestEmulatorFault $emu -Paused
        $script:session = Connect-TestSession $emu
        $script:receiver = "$($emu.BaseUri)/_receiver/lost"
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It '60 webhook creates: each exists once or was reported' {
        $names = 1..60 | ForEach-Object { 'lost{0:d2}' -f $_ }
        Set-TestEmulatorFault $emu
        $made = $names | ForEach-Object { [pscustomobject]@{ Name = $_; Uri = $receiver } } | New-ChatWebhook -ErrorVariable err -ErrorAction SilentlyContinue
        Set-TestEmulatorFault $emu -Paused
        $reported = @($err | ForEach-Object TargetObject)
        $all = @(Get-ChatWebhook -ErrorAction Stop | Where-Object Name -like 'lost*')
        ($all.Name | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty -Because 'no webhook may be created twice'
        foreach ($n in $names) {
            ($n -in $all.Name) -or ($n -in $reported) | Should -BeTrue -Because "$n either exists or was reported"
        }
        @($made).Count + $reported.Count | Should -Be 60
        @($made | Where-Object Name -notin $all.Name) | Should -BeNullOrEmpty -Because 'what was written out exists'
        $posts = @(Get-EmulatorCall $emu | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*hooks' })
        $posts.Count | Should -BeGreaterThan 60 -Because 'faults were injected into the creates'
    }

    It '30 conversation creates and 30 messages: each exists once or was reported' {
        $hook = New-ChatWebhook -Name 'conv-hook' -Uri $receiver -ErrorAction Stop
        $channel = New-ChatChannel -Name 'lost-channel' -WebhookId $hook.Id -QueueId 1 -ErrorAction Stop
        $customers = 1..30 | ForEach-Object { 'cust{0:d2}' -f $_ }
        Set-TestEmulatorFault $emu
        $conversations = $customers | ForEach-Object { [pscustomobject]@{ ChannelId = $channel.Id; CustomerName = $_ } } |
            New-ChatConversation -ErrorVariable convErr -ErrorAction SilentlyContinue
        Set-TestEmulatorFault $emu -Paused
        $onServer = @(Get-ChatConversation -ChannelId $channel.Id -ErrorAction Stop)
        ($onServer.CustomerName | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty -Because 'no conversation may be created twice'
        @($conversations).Count + @($convErr).Count | Should -Be 30
        foreach ($c in $conversations) { $c.Id | Should -BeIn $onServer.Id }
        foreach ($n in $customers) {
            $count = @($onServer | Where-Object CustomerName -eq $n).Count
            $count | Should -BeLessOrEqual 1
        }
        @($onServer).Count | Should -BeGreaterOrEqual @($conversations).Count

        # 30 messages into three conversations, the same text sent twice to each: each lands once or is reported.
        $targets = @($conversations)[0..2]
        $messages = foreach ($i in 1..30) { [pscustomobject]@{ ConversationId = $targets[$i % 3].Id; Text = 'm{0:d2}' -f [int][math]::Ceiling($i / 6) } }
        Set-TestEmulatorFault $emu
        $sent = $messages | Send-ChatMessage -ErrorVariable msgErr -ErrorAction SilentlyContinue
        Set-TestEmulatorFault $emu -Paused
        @($sent).Count + @($msgErr).Count | Should -Be 30
        foreach ($t in $targets) {
            $expected = @($sent | Where-Object ConversationId -eq $t.Id | Group-Object Text)
            $read = @(Get-ChatMessage -ConversationId $t.Id -ErrorAction Stop | Where-Object AuthorType -eq 'user')
            $wanted = @($messages | Where-Object ConversationId -eq $t.Id)
            $failed = @($msgErr | Where-Object TargetObject -eq $t.Id).Count
            @($read).Count | Should -BeLessOrEqual $wanted.Count -Because 'no message may be sent twice'
            @($read).Count | Should -BeGreaterOrEqual ($wanted.Count - $failed) -Because 'every message not reported exists'
            foreach ($g in $expected) { @($read | Where-Object OriginalText -eq $g.Name).Count | Should -BeGreaterOrEqual $g.Count }
        }
    }
}

Describe 'Keep pace: -ThrottleLimit keeps items in flight and writes in input order' {
    BeforeAll {
        $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--latency', '30')
        $script:session = Connect-TestSession $emu
        $script:receiver = "$($emu.BaseUri)/_receiver/pace"
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'writes results and per-item errors in input order' {
        $hooks = 1..8 | ForEach-Object { New-ChatWebhook -Name "pace$_" -Uri $receiver -ThrottleLimit 1 }
        $ids = @($hooks[0].Id, $hooks[1].Id, 'no-such-id', $hooks[2].Id, $hooks[3].Id, 'missing-too', $hooks[4].Id)
        $out = $ids | Set-ChatWebhook -Uri "$receiver/v2" -PassThru -ThrottleLimit 4 -ErrorAction Continue 2>&1
        $seen = foreach ($o in $out) { if ($o -is [System.Management.Automation.ErrorRecord]) { "error:$($o.TargetObject)" } else { $o.Id } }
        $seen | Should -Be @($hooks[0].Id, $hooks[1].Id, 'error:no-such-id', $hooks[2].Id, $hooks[3].Id, 'error:missing-too', $hooks[4].Id)
    }

    It 'keeps up to -ThrottleLimit items in flight, and one at a time with -ThrottleLimit 1' {
        $hooks = @(Get-ChatWebhook | Where-Object Name -like 'pace*')
        foreach ($limit in 1, 4) {
            $mark = Get-EmulatorCallMark $emu
            $hooks | Set-ChatWebhook -Uri "$receiver/t$limit" -ThrottleLimit $limit -ErrorAction Stop
            $calls = @(Get-EmulatorCall $emu -After $mark)
            # One at a time: each item's GET is followed by its PUT. Four at once: GETs of later items come before PUTs of earlier ones.
            $interleaved = $false
            for ($i = 0; $i -lt $calls.Count - 1; $i++) { if ($calls[$i].Method -eq 'GET' -and $calls[$i + 1].Method -eq 'GET') { $interleaved = $true } }
            $interleaved | Should -Be ($limit -gt 1) -Because "-ThrottleLimit $limit"
        }
    }

    It 'two changes of one channel in one pipeline both land: the second sees the first' {
        $hook = New-ChatWebhook -Name 'order-hook' -Uri $receiver
        $channel = New-ChatChannel -Name 'order-channel' -WebhookId $hook.Id -QueueId 1
        @(
            [pscustomobject]@{ Id = $channel.Id; Name = 'renamed' }
            [pscustomobject]@{ Id = $channel.Id; QueueId = '2' }
        ) | Set-ChatChannel -ThrottleLimit 4 -ErrorAction Stop
        $now = Get-ChatChannel -Id $channel.Id
        $now.Name | Should -Be 'renamed'
        $now.QueueId | Should -Be '2'
    }

    It 'messages to one conversation go out in input order, while other conversations overlap' {
        $hook = New-ChatWebhook -Name 'msg-order' -Uri $receiver
        $channel = New-ChatChannel -Name 'msg-order' -WebhookId $hook.Id -QueueId 1
        $a = New-ChatConversation -ChannelId $channel.Id -CustomerName 'A'
        $b = New-ChatConversation -ChannelId $channel.Id -CustomerName 'B'
        $texts = 1..8 | ForEach-Object { "line $_" }
        $texts | ForEach-Object { [pscustomobject]@{ ConversationId = $a.Id; Text = $_ }; [pscustomobject]@{ ConversationId = $b.Id; Text = $_ } } |
            Send-ChatMessage -ThrottleLimit 4 -ErrorAction Stop | Out-Null
        (Get-ChatMessage -ConversationId $a.Id | Where-Object AuthorType -eq 'user').OriginalText | Should -Be $texts
        (Get-ChatMessage -ConversationId $b.Id | Where-Object AuthorType -eq 'user').OriginalText | Should -Be $texts
    }

    It '-WhatIf is asked item by item and writes nothing' {
        $mark = Get-EmulatorCallMark $emu
        Get-ChatWebhook | Where-Object Name -like 'pace*' | Remove-ChatWebhook -WhatIf
        @(Get-EmulatorCall $emu -After $mark | Where-Object Method -eq 'DELETE') | Should -BeNullOrEmpty
        @(Get-ChatWebhook | Where-Object Name -like 'pace*') | Should -HaveCount 8
    }
}
