BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
    $script:session = Connect-TestSession $emu
    $script:receiver = "$($emu.BaseUri)/_receiver/channels"
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Channel cmdlets' {
    BeforeEach {
        Get-ChatChannel | Remove-ChatChannel -Confirm:$false
        Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false
        $script:hookA = New-ChatWebhook -Name 'hook-a' -Uri "$receiver/a"
        $script:hookB = New-ChatWebhook -Name 'hook-b' -Uri "$receiver/b"
    }

    It 'New-ChatChannel creates a channel routed to a queue and emits a ChatApi.Channel' {
        $channel = New-ChatChannel -Name 'support' -WebhookId $hookA.Id -QueueId 101
        $channel.PSObject.TypeNames[0] | Should -Be 'ChatApi.Channel'
        $channel.Id | Should -Not -BeNullOrEmpty
        $channel.Name | Should -Be 'support'
        $channel.WebhookId | Should -Be $hookA.Id
        $channel.QueueId | Should -Be '101'
        $channel.RoutingType | Should -Be 'queue'
        $read = Get-ChatChannel -Id $channel.Id
        $read.PSObject.TypeNames[0] | Should -Be 'ChatApi.Channel'
        $read.Name | Should -Be 'support'
        $read.WebhookId | Should -Be $hookA.Id
        $read.QueueId | Should -Be '101'
    }

    It 'New-ChatChannel binds its parameters from the pipeline' {
        $made = @(
            [pscustomobject]@{ Name = 'c1'; WebhookId = $hookA.Id; QueueId = '1' }
            [pscustomobject]@{ Name = 'c2'; WebhookId = $hookB.Id; QueueId = '2' }
        ) | New-ChatChannel -ThrottleLimit 1   # one at a time: the list below reads them in the server's order
        $made | Should -HaveCount 2
        (Get-ChatChannel).Name | Should -Be @('c1', 'c2')
    }

    It 'Get-ChatChannel -WebhookId lists only the channels on that webhook' {
        New-ChatChannel -Name 'on-a-1' -WebhookId $hookA.Id -QueueId 1 | Out-Null
        New-ChatChannel -Name 'on-b' -WebhookId $hookB.Id -QueueId 2 | Out-Null
        New-ChatChannel -Name 'on-a-2' -WebhookId $hookA.Id -QueueId 3 | Out-Null
        (Get-ChatChannel -WebhookId $hookA.Id).Name | Should -Be @('on-a-1', 'on-a-2')
        (Get-ChatChannel -WebhookId $hookB.Id).Name | Should -Be @('on-b')
        (Get-ChatChannel -WebhookId $hookA.Id -First 1).Name | Should -Be @('on-a-1')
        (Get-ChatChannel -WebhookId $hookA.Id -Skip 1).Name | Should -Be @('on-a-2')
    }

    It 'Get-ChatChannel | Set-ChatChannel -WebhookId moves every channel and keeps the rest' {
        1..3 | ForEach-Object { New-ChatChannel -Name "m$_" -WebhookId $hookA.Id -QueueId "q$_" } | Out-Null
        Get-ChatChannel | Set-ChatChannel -WebhookId $hookB.Id
        $now = Get-ChatChannel
        $now.WebhookId | Should -Be @($hookB.Id, $hookB.Id, $hookB.Id)
        $now.Name | Should -Be @('m1', 'm2', 'm3')
        $now.QueueId | Should -Be @('q1', 'q2', 'q3')
        Get-ChatChannel -WebhookId $hookA.Id | Should -BeNullOrEmpty
    }

    It 'Set-ChatChannel changes only the given field and -PassThru emits the result' {
        $channel = New-ChatChannel -Name 'one' -WebhookId $hookA.Id -QueueId 7
        $updated = Set-ChatChannel -Id $channel.Id -QueueId 8 -PassThru
        $updated.PSObject.TypeNames[0] | Should -Be 'ChatApi.Channel'
        $updated.QueueId | Should -Be '8'
        $updated.Name | Should -Be 'one'
        $updated.WebhookId | Should -Be $hookA.Id
        (Get-ChatChannel -Id $channel.Id).QueueId | Should -Be '8'
        (Set-ChatChannel -Id $channel.Id -Name 'renamed' -PassThru).Name | Should -Be 'renamed'
        (Get-ChatChannel -Id $channel.Id).QueueId | Should -Be '8'
    }

    It 'a webhook still used by a channel cannot be removed: a Conflict error with the server''s message' {
        $channel = New-ChatChannel -Name 'user' -WebhookId $hookA.Id -QueueId 1
        Remove-ChatWebhook -Id $hookA.Id -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Conflict,*'
        $err[0].Exception.Message | Should -BeLike "*used by channel(s) $($channel.Id)*"
        (Get-ChatWebhook -Id $hookA.Id).Id | Should -Be $hookA.Id
    }

    It 'a channel on a webhook that does not exist is refused with the server''s message' {
        New-ChatChannel -Name 'orphan' -WebhookId 987654 -QueueId 1 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Validation,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].TargetObject | Should -Be 'orphan'
        "$($err[0])" + "$($err[0].ErrorDetails)" | Should -BeLike '*web hook 987654 does not exist*'
    }

    It 'Remove-ChatChannel removes what Get-ChatChannel emits; -WhatIf removes nothing' {
        1..2 | ForEach-Object { New-ChatChannel -Name "d$_" -WebhookId $hookA.Id -QueueId 1 } | Out-Null
        Get-ChatChannel | Remove-ChatChannel -WhatIf
        Get-ChatChannel | Set-ChatChannel -Name 'whatif' -WhatIf
        New-ChatChannel -Name 'never' -WebhookId $hookA.Id -QueueId 1 -WhatIf
        (Get-ChatChannel).Name | Should -Be @('d1', 'd2')
        Get-ChatChannel | Remove-ChatChannel -Confirm:$false
        Get-ChatChannel | Should -BeNullOrEmpty
    }

    It 'Remove-ChatChannel is ConfirmImpact High' {
        (Get-CmdletAttribute Remove-ChatChannel).ConfirmImpact | Should -Be 'High'
        foreach ($name in 'New-ChatChannel', 'Set-ChatChannel', 'Remove-ChatChannel') {
            (Get-CmdletAttribute $name).SupportsShouldProcess | Should -BeTrue -Because $name
        }
    }

    It 'a pipeline of ids with a bad one: the others are processed, the bad one is a NotFound error' {
        $c1 = New-ChatChannel -Name 'e1' -WebhookId $hookA.Id -QueueId 1
        $c2 = New-ChatChannel -Name 'e2' -WebhookId $hookA.Id -QueueId 1
        ($c1.Id, '55555', $c2.Id | Get-ChatChannel -ErrorVariable err -ErrorAction SilentlyContinue).Name | Should -Be @('e1', 'e2')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatApi.NotFound,ChatApi.Cmdlets.GetChatChannelCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be '55555'
        $err[0].Exception.Message | Should -BeLike '*Resource of type Channel with id 55555 was not found*'

        $c1.Id, '55555', $c2.Id | ForEach-Object { [pscustomobject]@{ ChannelId = $_ } } | Set-ChatChannel -QueueId 9 -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2 | Should -HaveCount 1
        $err2[0].TargetObject | Should -Be '55555'
        (Get-ChatChannel).QueueId | Should -Be @('9', '9')
    }

    It 'a name longer than 255 fails before any call, naming -Name' {
        { New-ChatChannel -Name ('c' * 256) -WebhookId $hookA.Id -QueueId 1 } |
            Should -Throw -ExpectedMessage "*'Name'*"
        { Set-ChatChannel -Id 1 -Name ('c' * 256) } | Should -Throw -ExpectedMessage "*'Name'*"
        Get-ChatChannel | Should -BeNullOrEmpty
    }
}
