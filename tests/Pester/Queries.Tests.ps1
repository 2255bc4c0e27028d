# Issue 12's client side against the emulator's faithful default: the channel list's filter and
# sort, -Name on channels (server side) and webhooks (this side), the webhook version on channels,
# Test-ChatWebhook naming the webhook, message time, and a key without a scope.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--seed-legacy', '2',
        '--api-key', 'demo-key:demo-secret',
        '--api-key', 'hooks-reader:reader-secret:vcc-chat.webhooks.read',
        '--api-key', 'channels-reader:reader-secret:vcc-chat.channels.read')
    $script:session = Connect-TestSession $emu
    $script:receiver = "$($emu.BaseUri)/_receiver/queries"
    $script:legacy = @(Get-ChatChannel)
    $script:hookA = New-ChatWebhook -Name 'Sales-hook' -Uri "$receiver-a"
    $script:hookB = New-ChatWebhook -Name 'support-hook' -Uri "$receiver-b"
    $script:made = @(
        New-ChatChannel -Name 'Sales-1' -WebhookId $hookA.Id -QueueId 101
        New-ChatChannel -Name 'Sales-12' -WebhookId $hookA.Id -QueueId 102
        New-ChatChannel -Name 'sales, north (b)' -WebhookId $hookB.Id -QueueId 103
        New-ChatChannel -Name 'Support' -WebhookId $hookB.Id -QueueId 104
    )
    function script:ChannelCalls([long] $mark) { @(Get-EmulatorCall $emu -After $mark | Where-Object Path -like '*/channels*') }
}

AfterAll {
    Get-Module ChatApi | Remove-Module -Force
    Stop-TestEmulator $script:emu
}

Describe 'Queries: Get-ChatChannel -Filter and -Sort go to the server' {
    It 'sends -Filter as the server''s filter and writes what it answers' {
        $mark = Get-EmulatorCallMark $emu
        $found = @(Get-ChatChannel -Filter 'name==Sales-1,routingOptions.id==104')
        $found.Name | Sort-Object | Should -Be @('Sales-1', 'Support')
        $calls = ChannelCalls $mark
        $calls | Should -HaveCount 1
        [uri]::UnescapeDataString($calls[0].Path) | Should -BeLike '*filter=name==Sales-1,routingOptions.id==104*'
    }

    It 'sorts on the server with -Sort' {
        $names = @(Get-ChatChannel -Filter 'webHookId==*' -Sort 'name,desc' | Where-Object { $_.Id -in $made.Id }).Name
        # The server compares ignoring case and ordinally: ',' sorts before '-'.
        $names | Should -Be @('Support', 'Sales-12', 'Sales-1', 'sales, north (b)')
        $mark = Get-EmulatorCallMark $emu
        $ids = @(Get-ChatChannel -Sort 'id,desc').Id
        $ids | Should -Be @(($legacy + $made).Id | Sort-Object { [long]$_ } -Descending)
        [uri]::UnescapeDataString((ChannelCalls $mark)[0].Path) | Should -BeLike '*sort=id,desc*'
    }

    It 'turns a refused filter into an error naming -Filter, with the server''s reason' {
        $err = $null
        $out = Get-ChatChannel -Filter 'name=gt=3' -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument,*'
        $err[0].Exception.Message | Should -BeLike "Parameter 'Filter'*name=gt=3*=gt=*"
    }

    It 'turns a refused sort into an error naming -Sort' {
        { Get-ChatChannel -Sort 'colour' -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.InvalidArgument*' -ExpectedMessage "Parameter 'Sort'*colour*"
    }

    It 'completes -Sort with the channel fields' {
        $line = 'Get-ChatChannel -Sort na'
        $c = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $c.CompletionMatches.CompletionText | Should -Contain 'name'
        $c.CompletionMatches.CompletionText | Should -Contain "'name,desc'"
    }
}

Describe 'Queries: -Name with wildcards' {
    It 'Get-ChatChannel -Name asks the server through filter and matches exactly here' {
        $mark = Get-EmulatorCallMark $emu
        @(Get-ChatChannel -Name 'sales-?').Name | Should -Be @('Sales-1')
        [uri]::UnescapeDataString((ChannelCalls $mark)[0].Path) | Should -BeLike '*filter=name=="sales-`**'
        @(Get-ChatChannel -Name 'SALES*').Id | Sort-Object | Should -Be @($made[0..2].Id | Sort-Object)
    }

    It 'Get-ChatChannel -Name holds FIQL''s reserved characters and combines with -Filter' {
        @(Get-ChatChannel -Name 'sales, north (b)').Id | Should -Be @($made[2].Id)
        @(Get-ChatChannel -Name 'Sales*' -Filter "webHookId==$($hookA.Id)" | Sort-Object Name).Name | Should -Be @('Sales-1', 'Sales-12')
    }

    It 'Get-ChatWebhook -Name matches on this side: the V2 webhook list gets no filter' {
        $mark = Get-EmulatorCallMark $emu
        @(Get-ChatWebhook -Name '*-HOOK' | Sort-Object Name).Name | Should -Be @('Sales-hook', 'support-hook')
        @(Get-ChatWebhook -Name 'sales*' -Version v2.0).Id | Should -Be @($hookA.Id)
        $calls = @(Get-EmulatorCall $emu -After $mark | Where-Object Path -like '*/web-hooks*')
        $calls.Count | Should -BeGreaterThan 0
        $calls.Path | Where-Object { $_ -like '*filter*' } | Should -BeNullOrEmpty
    }

    It 'a bad wildcard is an error naming -Name, before any call' {
        $mark = Get-EmulatorCallMark $emu
        { Get-ChatChannel -Name 'Sales[1' -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.InvalidArgument*' -ExpectedMessage "*'Name'*"
        ChannelCalls $mark | Should -BeNullOrEmpty
    }
}

Describe 'Queries: -Name completion' {
    It 'completes channel and webhook names, quoted and with wildcards escaped, each matching its own name' {
        $line = 'Get-ChatChannel -Name sales'
        $found = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        $found.CompletionText | Sort-Object | Should -Be @("'sales, north (b)'", 'Sales-1', 'Sales-12' | Sort-Object)
        $line = 'Get-ChatWebhook -Name support'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).CompletionText | Should -Be @('support-hook')
        @(Get-ChatChannel -Name (Invoke-Expression "'sales, north (b)'")).Id | Should -Be @($made[2].Id)
    }
}

Describe 'Queries: The webhook''s version on channels' {
    It 'plain Get-ChatChannel leaves WebhookVersion empty and reads no webhooks' {
        $mark = Get-EmulatorCallMark $emu
        $all = @(Get-ChatChannel)
        $all | ForEach-Object { $_.WebhookVersion | Should -BeNullOrEmpty }
        @(Get-EmulatorCall $emu -After $mark | Where-Object Path -like '*/web-hooks*') | Should -BeNullOrEmpty
    }

    It '-IncludeWebhookVersion reads the webhook list once: "still on v1.0" is one Where-Object' {
        $mark = Get-EmulatorCallMark $emu
        $old = @(Get-ChatChannel -IncludeWebhookVersion | Where-Object WebhookVersion -eq 'v1.0')
        $old.Id | Sort-Object | Should -Be @($legacy.Id | Sort-Object)
        @(Get-ChatChannel -IncludeWebhookVersion -Name 'Sales*').WebhookVersion | Select-Object -Unique | Should -Be 'v2.0'
        @(Get-EmulatorCall $emu -After $mark | Where-Object Path -like '*/web-hooks/*') | Should -BeNullOrEmpty
    }

    It 'shows WebhookVersion in the table view' {
        $text = Get-ChatChannel -IncludeWebhookVersion -Name 'Support' | Format-Table | Out-String -Width 120
        $text | Should -BeLike '*WebhookVersion*'
        $text | Should -BeLike '*v2.0*'
    }
}

Describe 'Queries: Test-ChatWebhook names the webhook it tested' {
    It 'a piped webhook gives WebhookId and WebhookName; a bare URI leaves them empty' {
        $results = @($hookA, $hookB | Test-ChatWebhook)
        $results.WebhookId | Should -Be @($hookA.Id, $hookB.Id)
        $results.WebhookName | Should -Be @('Sales-hook', 'support-hook')
        $results.Uri | Should -Be @($hookA.Uri, $hookB.Uri)
        $results | ForEach-Object { $_.Success | Should -BeTrue }
        $bare = Test-ChatWebhook -Uri "$receiver-a"
        $bare.WebhookId | Should -BeNullOrEmpty
        $bare.WebhookName | Should -BeNullOrEmpty
        $bare.Success | Should -BeTrue
    }
}

Describe 'Queries: Messages and their time' {
    It 'Chat API V2 gives a message no time: Time is empty, and the views show the column' {
        $c = New-ChatConversation -ChannelId $made[0].Id -CustomerName 'Ines'
        Send-ChatMessage -ConversationId $c.Id -Text 'hello' | Out-Null
        $m = @(Get-ChatMessage -ConversationId $c.Id)
        $m | Should -HaveCount 1
        $m[0].PSObject.Properties.Name | Should -Contain 'Time'
        $m[0].Time | Should -BeNullOrEmpty
        ($m | Format-Table | Out-String -Width 120) | Should -BeLike '*Time*hello*'
    }
}

Describe 'Queries: A key without a scope' {
    It 'a webhooks-only key reads webhooks; channels answer ChatApi.Forbidden naming the scope and where to grant it' {
        $s = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential -Key 'hooks-reader' -Secret 'reader-secret') `
            -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        @(Get-ChatWebhook -Session $s).Count | Should -BeGreaterThan 0
        $err = $null
        Get-ChatChannel -Session $s -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.Forbidden,*'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].Exception.Message | Should -BeLike '*vcc-chat.channels.read*8x8 Admin Console*VCC Chat API*'
        { New-ChatWebhook -Session $s -Name 'x' -Uri "$receiver-x" -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatApi.Forbidden*' -ExpectedMessage '*vcc-chat.webhooks.write*'
        $err[0].Exception.Message | Should -Not -BeLike '*reader-secret*'
    }

    It 'a channels-only key connects (the tenant check needs webhooks.read and is skipped) and lists channels' {
        $s = Connect-ChatApi -Region us -TenantId acme -Credential (New-TestCredential -Key 'channels-reader' -Secret 'reader-secret') `
            -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru -ErrorAction Stop
        @(Get-ChatChannel -Session $s -Name 'Sales-1').Id | Should -Be @($made[0].Id)
        { Get-ChatWebhook -Session $s -ErrorAction Stop } | Should -Throw -ErrorId 'ChatApi.Forbidden*' -ExpectedMessage '*vcc-chat.webhooks.read*'
    }
}
