# Progress tells the truth (issue 15): the records Invoke-ChatMigration, Undo-ChatMigration and
# Import-ChatConfiguration write, read from a PowerShell instance's progress stream.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0', '--seed-legacy', '20', '--seed-uris', '4')
    $script:journal = Join-Path ([IO.Path]::GetTempPath()) "chatapi-progress-$([guid]::NewGuid().ToString('n')).jsonl"
    $script:config = Join-Path ([IO.Path]::GetTempPath()) "chatapi-progress-$([guid]::NewGuid().ToString('n')).json"

    # Runs $Script in a fresh PowerShell with the module connected to the emulator; returns its output and progress records.
    function Invoke-WithProgress([string] $Script) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$($env:CHATAPI_TEST_MODULE)' -Force
`$cred = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
Connect-ChatApi -Region us -TenantId acme -Credential `$cred -BaseUri '$($emu.BaseUri)' -RequestsPerSecond 0 | Out-Null
$Script
"@)
            $out = $ps.Invoke()
            [pscustomobject]@{ Output = @($out); Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }
    function Get-Counts($Records) {
        foreach ($r in $Records | Where-Object RecordType -NE 'Completed') {
            if ($r.StatusDescription -match '^(\d+) of (\d+) ') { [pscustomobject]@{ Done = [int]$Matches[1]; Total = [int]$Matches[2] } }
        }
    }
}

AfterAll {
    Stop-TestEmulator $script:emu
    Remove-Item $script:journal, $script:config -ErrorAction SilentlyContinue
}

Describe 'Progress counts what is really done' {
    It 'Invoke-ChatMigration opens without a "0 of 0" line and ends at 20 of 20, never going back' {
        $run = Invoke-WithProgress "Invoke-ChatMigration -JournalPath '$journal' -Confirm:`$false"
        $run.Errors | Should -BeNullOrEmpty
        $run.Progress | Should -Not -BeNullOrEmpty
        @($run.Progress | Where-Object StatusDescription -Match '\b0 of 0\b') | Should -BeNullOrEmpty
        $counts = @(Get-Counts $run.Progress)
        $counts[-1].Done | Should -Be 20
        $counts[-1].Total | Should -Be 20
        for ($i = 1; $i -lt $counts.Count; $i++) { $counts[$i].Done | Should -BeGreaterOrEqual $counts[$i - 1].Done }
    }

    It 'Undo-ChatMigration ends at 20 of 20 and never shows fewer done than before' {
        $run = Invoke-WithProgress "Undo-ChatMigration -JournalPath '$journal' -Confirm:`$false"
        $run.Errors | Should -BeNullOrEmpty
        $counts = @(Get-Counts $run.Progress)
        $counts | Should -Not -BeNullOrEmpty
        $counts[-1].Done | Should -Be 20
        $counts[-1].Total | Should -Be 20
        for ($i = 1; $i -lt $counts.Count; $i++) { $counts[$i].Done | Should -BeGreaterOrEqual $counts[$i - 1].Done }
    }

    It 'Import-ChatConfiguration counts the changes it makes, and writes no count when there is nothing to do' {
        $clear = 'Get-ChatChannel | Remove-ChatChannel -Confirm:$false; Get-ChatWebhook | Remove-ChatWebhook -Confirm:$false'
        $seed = "1..3 | ForEach-Object { `$h = New-ChatWebhook -Name `"p`$_`" -Uri '$($emu.BaseUri)/_receiver/progress-`$_'; 1..5 | ForEach-Object { New-ChatChannel -Name `"p`$(`$h.Name)-`$_`" -WebhookId `$h.Id -QueueId `$_ } } | Out-Null"
        $export = Invoke-WithProgress "$clear; $seed; Export-ChatConfiguration -Path '$config'; $clear"
        $export.Errors | Should -BeNullOrEmpty
        $doc = Get-Content $config -Raw | ConvertFrom-Json
        $changes = @($doc.webhooks).Count + @($doc.channels).Count
        $changes | Should -Be 18
        $run = Invoke-WithProgress "Import-ChatConfiguration -Path '$config' -Confirm:`$false"
        $run.Errors | Should -BeNullOrEmpty
        $counts = @(Get-Counts $run.Progress)
        $counts[-1].Done | Should -Be $changes
        $counts[-1].Total | Should -Be $changes
        $run.Output[-1].Created | Should -Be $changes
        $again = Invoke-WithProgress "Import-ChatConfiguration -Path '$config' -Confirm:`$false"
        @(Get-Counts $again.Progress) | Should -BeNullOrEmpty
        $again.Output[-1].NothingToDo | Should -BeTrue
    }
}
