# A piped object binds the identity it refers to: never the wrong object, never an object turned into text.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
    $script:session = Connect-TestSession $emu
    # Ids are counted per kind, so webhook 1..4 and channel 1..2 exist: a channel's own id names another webhook.
    $script:hooks = 1..4 | ForEach-Object { New-ChatWebhook -Name "hook-$_" -Uri "$($emu.BaseUri)/_receiver/id$_" }
    $script:first = New-ChatChannel -Name 'first' -WebhookId $hooks[3].Id -QueueId 41
    $script:second = New-ChatChannel -Name 'second' -WebhookId $hooks[2].Id -QueueId 42
    $script:conversation = New-ChatConversation -ChannelId $second.Id -CustomerName 'Jo'
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Pipeline identity: a piped object binds what it refers to' {
    It 'a channel piped to Get-ChatWebhook gives the webhook the channel uses, not the webhook with the channel''s id' {
        $first.Id | Should -Not -Be $first.WebhookId -Because 'the test needs a channel whose id names another webhook'
        @(Get-ChatWebhook -Id $first.Id) | Should -HaveCount 1 -Because 'a webhook with the channel''s id exists'
        $got = Get-ChatChannel -Id $first.Id | Get-ChatWebhook
        $got.Id | Should -Be $first.WebhookId
        $got.Name | Should -Be 'hook-4'
    }

    It 'a channel piped to Remove-ChatWebhook aims at the channel''s webhook, never at the webhook with the channel''s id' {
        $target = New-ChatWebhook -Name 'to-remove' -Uri "$($emu.BaseUri)/_receiver/rm"
        $channel = New-ChatChannel -Name 'rm-channel' -WebhookId $target.Id -QueueId 1
        $namesake = Get-ChatWebhook -Id $channel.Id
        $namesake.Id | Should -Not -Be $target.Id
        $err = $null
        $channel | Remove-ChatWebhook -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1 -Because 'the server refuses to remove a webhook a channel still uses'
        $err[0].Exception.Message | Should -BeLike "*WebHook $($target.Id) is used by channel(s) $($channel.Id)*"
        (Get-ChatWebhook).Id | Should -Contain $namesake.Id
    }

    It 'a conversation piped to Get-ChatChannel gives the conversation''s channel' {
        $conversation.Id | Should -Not -Be $conversation.ChannelId
        (Get-ChatConversation -Id $conversation.Id | Get-ChatChannel).Id | Should -Be $second.Id
    }

    It 'a channel piped to Set-ChatWebhook changes the channel''s webhook' {
        $first | Set-ChatWebhook -Uri "$($emu.BaseUri)/_receiver/moved" -Confirm:$false
        (Get-ChatWebhook -Id $first.WebhookId).Uri | Should -Be "$($emu.BaseUri)/_receiver/moved"
        (Get-ChatWebhook -Id $first.Id).Uri | Should -Be "$($emu.BaseUri)/_receiver/id$($first.Id)"
    }

    It 'messages and participants piped to conversation cmdlets give their conversation' {
        Send-ChatMessage -ConversationId $conversation.Id -Text 'hello' | Out-Null
        $message = Get-ChatMessage -ConversationId $conversation.Id | Select-Object -First 1
        ($message | Get-ChatConversation).Id | Should -Be $conversation.Id
        ($conversation | Get-ChatParticipant | Select-Object -First 1 | Get-ChatConversation).Id | Should -Be $conversation.Id
    }

    It 'a channel piped to Get-ChatConversation still lists that channel''s conversations' {
        (Get-ChatChannel -Id $second.Id | Get-ChatConversation).Id | Should -Contain $conversation.Id
    }

    It 'plain ids, [pscustomobject]@{Id=...}, ConvertFrom-Json numbers and CSV rows keep working' {
        (Get-ChatWebhook -Id $hooks[1].Id).Name | Should -Be 'hook-2'
        ($hooks[1].Id | Get-ChatWebhook).Name | Should -Be 'hook-2'
        ([pscustomobject]@{ Id = $hooks[1].Id } | Get-ChatWebhook).Name | Should -Be 'hook-2'
        ("{`"id`": $($hooks[1].Id)}" | ConvertFrom-Json | Get-ChatWebhook).Name | Should -Be 'hook-2' -Because 'an integer id is an id, not "@{id=2}"'
        ("WebhookId,Note`n$($hooks[1].Id),x" | ConvertFrom-Csv | Get-ChatWebhook).Name | Should -Be 'hook-2'
        (@{ ChannelId = $second.Id } | Get-ChatChannel).Name | Should -Be 'second'
    }
}

Describe 'Pipeline identity: an object that names nothing is refused' {
    It 'refuses an object without an id, naming the parameter and the rule, and goes on with the next item' {
        $out = (Get-Date), $hooks[0].Id | Get-ChatWebhook -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -HaveCount 1
        $out.Name | Should -Be 'hook-1'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        $err[0].Exception.Message | Should -BeLike "*'Id'*DateTime*no WebhookId or Id property*"
    }

    It 'refuses a module object that does not refer to that kind of resource, instead of using its Id' {
        { $hooks[0] | Get-ChatChannel -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Webhook does not refer to a channel*'
        { $first | Close-ChatConversation -Confirm:$false -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Channel does not refer to a conversation*'
        { $conversation | Get-ChatWebhook -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Conversation does not refer to a webhook*'
    }

    It 'never turns an object into text as an id' {
        $err = $null
        [pscustomobject]@{ Name = 'no id here' } | Remove-ChatChannel -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].Exception.Message | Should -Not -BeLike '*@{*'
        (Get-ChatChannel).Count | Should -BeGreaterOrEqual 2
    }
}
