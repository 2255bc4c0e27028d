BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
    $script:session = Connect-TestSession $emu
    $script:hook = New-ChatWebhook -Name 'conversations' -Uri "$($emu.BaseUri)/_receiver/conversations"
    $script:channel = New-ChatChannel -Name 'web chat' -WebhookId $hook.Id -QueueId 42
    $script:other = New-ChatChannel -Name 'other chat' -WebhookId $hook.Id -QueueId 43
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Conversation cmdlets' {
    It 'New-ChatConversation starts a conversation with customer data, properties and history' {
        $history = @('I need help with my order', @{ Text = 'A bot answered'; Type = 'bot' }, [pscustomobject]@{ Text = 'Still stuck'; Type = 'user' })
        $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Jo Doe' -Email 'jo@example.com' -CustomerId 'cust-1' -Company 'Acme' `
            -CaseId 'CASE-7' -Language 'en' -Property @{ tier = 'gold'; orderId = 991 } -History $history
        $c.PSObject.TypeNames[0] | Should -Be 'ChatApi.Conversation'
        $c.Id | Should -Not -BeNullOrEmpty
        $c.ChannelId | Should -Be $channel.Id
        $c.CustomerName | Should -Be 'Jo Doe'

        $read = Get-ChatConversation -Id $c.Id
        $read.PSObject.TypeNames[0] | Should -Be 'ChatApi.Conversation'
        $read.ChannelId | Should -Be $channel.Id
        $read.CustomerName | Should -Be 'Jo Doe'
        $read.Email | Should -Be 'jo@example.com'
        $read.CustomerId | Should -Be 'cust-1'
        $read.Company | Should -Be 'Acme'
        $read.CaseId | Should -Be 'CASE-7'
        $read.Language | Should -Be 'en'
        $read.Customer['tier'] | Should -Be 'gold'
        $read.Customer['orderId'] | Should -Be '991'
        $read.Status | Should -Be 'pending'
        $read.Interactions | Should -HaveCount 1

        $messages = Get-ChatMessage -ConversationId $c.Id
        $messages | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'ChatApi.Message' }
        $messages.OriginalText | Should -Be @('I need help with my order', 'A bot answered', 'Still stuck')
        $messages.AuthorType | Should -Be @('user', 'bot', 'user')
        $messages.ConversationId | Select-Object -Unique | Should -Be $c.Id
        $messages.InteractionId | Select-Object -Unique | Should -Be $read.Interactions[0].Id
    }

    It 'Send-ChatMessage sends user and bot messages; Get-ChatConversation -Id | Get-ChatMessage reads them' {
        $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Sam'
        $sent = Send-ChatMessage -ConversationId $c.Id -Text 'Hello there'
        $sent.PSObject.TypeNames[0] | Should -Be 'ChatApi.SentMessage'
        $sent.Accepted | Should -BeTrue
        $sent.AuthorType | Should -Be 'user'
        $c | Send-ChatMessage -Text 'Beep' -AuthorType bot | Out-Null
        $messages = Get-ChatConversation -Id $c.Id | Get-ChatMessage
        $messages.OriginalText | Should -Be @('Hello there', 'Beep')
        $messages.AuthorType | Should -Be @('user', 'bot')
    }

    It 'Get-ChatMessage -InteractionId reads one interaction' {
        $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Ines' -History 'first visit'
        Close-ChatConversation -ConversationId $c.Id -Confirm:$false
        Send-ChatMessage -ConversationId $c.Id -Text 'back again' | Out-Null
        $interactions = (Get-ChatConversation -Id $c.Id).Interactions
        $interactions | Should -HaveCount 2
        (Get-ChatMessage -ConversationId $c.Id -InteractionId $interactions[0].Id).OriginalText | Should -Be @('first visit')
        (Get-ChatMessage -ConversationId $c.Id -InteractionId $interactions[1].Id).OriginalText | Should -Be @('back again')
        (Get-ChatMessage -ConversationId $c.Id).OriginalText | Should -Be @('first visit', 'back again')
    }

    It 'Get-ChatParticipant lists the customer; Close-ChatConversation lets the customer leave' {
        $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Lee'
        $participants = $c | Get-ChatParticipant
        $participants | Should -HaveCount 1
        $participants[0].PSObject.TypeNames[0] | Should -Be 'ChatApi.Participant'
        $participants[0].Type | Should -Be 'user'
        $participants[0].ConversationId | Should -Be $c.Id

        $c | Close-ChatConversation -Confirm:$false
        $c | Get-ChatParticipant | Should -BeNullOrEmpty
        $after = Get-ChatConversation -Id $c.Id
        $after.Interactions[0].EndTime | Should -Not -BeNullOrEmpty
        $after.Status | Should -Be 'created'
    }

    It 'Close-ChatConversation and Send-ChatMessage honour -WhatIf' {
        $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Wes'
        Close-ChatConversation -ConversationId $c.Id -WhatIf
        Send-ChatMessage -ConversationId $c.Id -Text 'not sent' -WhatIf
        New-ChatConversation -ChannelId $channel.Id -CustomerName 'Never' -WhatIf
        $c | Get-ChatParticipant | Should -HaveCount 1
        Get-ChatMessage -ConversationId $c.Id | Should -BeNullOrEmpty
        Get-ChatConversation -Customer @{ name = 'Never' } | Should -BeNullOrEmpty
        foreach ($name in 'New-ChatConversation', 'Send-ChatMessage', 'Close-ChatConversation') {
            (Get-CmdletAttribute $name).SupportsShouldProcess | Should -BeTrue -Because $name
        }
    }

    It 'a pipeline of conversation ids with a bad one: the others are processed' {
        $a = New-ChatConversation -ChannelId $channel.Id -CustomerName 'A' -History 'from a'
        $b = New-ChatConversation -ChannelId $channel.Id -CustomerName 'B' -History 'from b'
        $out = $a.Id, '777777', $b.Id | Get-ChatMessage -ErrorVariable err -ErrorAction SilentlyContinue
        $out.OriginalText | Should -Be @('from a', 'from b')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatApi.NotFound,ChatApi.Cmdlets.GetChatMessageCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be '777777'
        $err[0].Exception.Message | Should -BeLike '*Resource of type Conversation with id 777777 was not found*'

        ($a.Id, '777777', $b.Id | Get-ChatConversation -ErrorAction SilentlyContinue).CustomerName | Should -Be @('A', 'B')
    }

    It 'a conversation on a channel that does not exist is a Validation error with the server''s message' {
        New-ChatConversation -ChannelId 123456 -CustomerName 'X' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Validation,*'
        $err[0].TargetObject | Should -Be '123456'
        "$($err[0])" | Should -BeLike '*channel 123456 does not exist*'
    }

    Context 'bad parameter values fail before any call, naming the parameter' {
        It '31 customer properties' {
            $props = @{}; 1..31 | ForEach-Object { $props["p$_"] = "v$_" }
            { New-ChatConversation -ChannelId $channel.Id -CustomerName 'Too many' -Property $props } |
                Should -Throw -ExpectedMessage "*'Property'*30*"
        }

        It '30 properties in all, counting the standard ones' {
            $props = @{}; 1..29 | ForEach-Object { $props["p$_"] = "v$_" }
            $mark = Get-EmulatorCallMark $emu
            New-ChatConversation -ChannelId $channel.Id -CustomerName 'Too many' -Email 'e@x.com' -Property $props `
                -ErrorVariable err -ErrorAction SilentlyContinue
            $calls = Get-EmulatorCall $emu -After $mark
            $err | Should -HaveCount 1
            $err[0].Exception.Message | Should -BeLike "*'Property'*30*"
            $calls | Should -BeNullOrEmpty
        }

        It '201 history messages' {
            $history = 1..201 | ForEach-Object { "message $_" }
            { New-ChatConversation -ChannelId $channel.Id -CustomerName 'Chatty' -History $history } |
                Should -Throw -ExpectedMessage "*'History'*"
        }

        It 'a history message of an unknown type' {
            New-ChatConversation -ChannelId $channel.Id -CustomerName 'Odd' -History @{ Text = 'hi'; Type = 'agent' } -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].Exception.Message | Should -BeLike "*'History'*user or bot*"
        }

        It 'an author type other than user or bot' {
            { Send-ChatMessage -ConversationId 1 -Text 'x' -AuthorType agent } | Should -Throw -ExpectedMessage "*'AuthorType'*"
        }

        It 'a status filter outside the list' {
            { Get-ChatConversation -Status closed } | Should -Throw -ExpectedMessage "*'Status'*"
        }

        It 'created nothing' {
            Get-ChatConversation -Customer @{ name = 'Too many' } | Should -BeNullOrEmpty
            Get-ChatConversation -Customer @{ name = 'Chatty' } | Should -BeNullOrEmpty
            Get-ChatConversation -Customer @{ name = 'Odd' } | Should -BeNullOrEmpty
        }

        It '200 history messages are accepted' {
            $history = 1..200 | ForEach-Object { "message $_" }
            $c = New-ChatConversation -ChannelId $channel.Id -CustomerName 'Long' -History $history
            Get-ChatMessage -ConversationId $c.Id | Should -HaveCount 200
        }
    }
}

Describe 'Conversation cmdlets: list filters and paging' {
    BeforeAll {
        $script:made = @(
            New-ChatConversation -ChannelId $other.Id -CustomerName 'F1' -Email 'f1@example.com' -CaseId 'K-1'
            New-ChatConversation -ChannelId $other.Id -CustomerName 'F2' -Email 'f2@example.com' -CaseId 'K-2'
            New-ChatConversation -ChannelId $other.Id -CustomerName 'F3' -Email 'f1@example.com' -CaseId 'K-3'
        )
        $made[1] | Close-ChatConversation -Confirm:$false
    }

    It 'filters by -ChannelId' {
        (Get-ChatConversation -ChannelId $other.Id).CustomerName | Should -Be @('F1', 'F2', 'F3')
    }

    It 'reads a piped conversation again by its Id, not its channel''s list' {
        $again = $made[0], $made[2] | Get-ChatConversation
        $again.CustomerName | Should -Be @('F1', 'F3')
        ([pscustomobject]@{ ConversationId = $made[1].Id } | Get-ChatConversation).CustomerName | Should -Be 'F2'
    }

    It 'filters by -Email and -Customer' {
        (Get-ChatConversation -ChannelId $other.Id -Email 'f1@example.com').CustomerName | Should -Be @('F1', 'F3')
        (Get-ChatConversation -Customer @{ caseId = 'K-2' }).CustomerName | Should -Be @('F2')
    }

    It 'filters by -Status' {
        (Get-ChatConversation -ChannelId $other.Id -Status created).CustomerName | Should -Be @('F2')
        (Get-ChatConversation -ChannelId $other.Id -Status pending).CustomerName | Should -Be @('F1', 'F3')
    }

    It 'orders with -Order desc' {
        (Get-ChatConversation -ChannelId $other.Id -Order desc).CustomerName | Should -Be @('F3', 'F2', 'F1')
    }

    It 'pages with -First and -Skip' {
        (Get-ChatConversation -ChannelId $other.Id -Skip 1 -First 1).CustomerName | Should -Be @('F2')
        $mark = Get-EmulatorCallMark $emu
        (Get-ChatConversation -ChannelId $other.Id -First 2).CustomerName | Should -Be @('F1', 'F2')
        $calls = @(Get-EmulatorCall $emu -After $mark)
        $calls | Should -HaveCount 1
        $calls[0].Path | Should -BeLike "*channel-id=$($other.Id)*"
    }

    It 'lists the conversations of channels piped in from Get-ChatChannel, with filters' {
        # The channel's id is also the id of an earlier conversation: it must not be read as one.
        Get-ChatConversation -Id $other.Id | Should -Not -BeNullOrEmpty
        (Get-ChatChannel -Id $other.Id | Get-ChatConversation).CustomerName | Should -Be @('F1', 'F2', 'F3')
        (Get-ChatChannel -Id $other.Id | Get-ChatConversation -Status created).CustomerName | Should -Be @('F2')
        (Get-ChatChannel -Id $other.Id | Get-ChatConversation -First 1).CustomerName | Should -Be @('F1')
    }
}
