BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:emu = Start-TestEmulator -Arguments @('--seed-legacy', '3', '--rate-limit', '0')
    Connect-TestSession $emu | Out-Null

    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
    }
}

AfterAll {
    Disconnect-ChatApi
    Stop-TestEmulator $script:emu
}

Describe 'Argument completion' {
    It 'completes -Region with the four regions' {
        (Complete 'Connect-ChatApi -Region ').CompletionText | Sort-Object | Should -Be @('ap', 'ca', 'eu', 'us')
    }

    It 'completes -Version with v1.0 and v2.0' {
        (Complete 'New-ChatWebhook -Version ').CompletionText | Should -Be @('v1.0', 'v2.0')
    }

    It 'completes -Strategy of the migration cmdlets' {
        (Complete 'Invoke-ChatMigration -Strategy ').CompletionText | Sort-Object | Should -Be @('InPlace', 'NewWebhook')
        (Complete 'Get-ChatMigrationPlan -Strategy In').CompletionText | Should -Be @('InPlace')
    }

    It 'completes webhook ids from the session with names in the list text' {
        $found = Complete 'Set-ChatWebhook -Id '
        $found.CompletionText | Should -Be @('1', '2', '3')
        $found[0].ListItemText | Should -Match 'legacy-1'
    }

    It 'completes channel ids for -ChannelId and filters by what was typed' {
        New-ChatChannel -Name 'Support desk' -WebhookId 1 -QueueId 7 | Out-Null
        $found = Complete 'Get-ChatConversation -ChannelId Supp'
        $found.CompletionText | Should -Be @('4')
    }

    It 'completes conversation ids, newest first' {
        $first = New-ChatConversation -ChannelId 1 -CustomerName 'Ann'
        $second = New-ChatConversation -ChannelId 1 -CustomerName 'Ben'
        (Complete 'Get-ChatMessage -ConversationId ').CompletionText | Select-Object -First 2 | Should -Be @($second.Id, $first.Id)
    }

    It 'offers nothing, quickly, when there is no session' {
        Disconnect-ChatApi
        try {
            $elapsed = Measure-Command { $m = Complete 'Remove-ChatChannel -Id ' }
            $m | Where-Object ResultType -eq 'ParameterValue' | Should -BeNullOrEmpty
            $elapsed.TotalSeconds | Should -BeLessThan 3
        } finally {
            Connect-TestSession $emu | Out-Null
        }
    }
}
