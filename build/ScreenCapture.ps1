<#
.SYNOPSIS
    Writes docs/screen-capture.md: the main tables as an admin sees them at 80 and 120 columns,
    against the emulator (seeded with V1-era channels, migrated, exported and compared).
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh ./build/ScreenCapture.ps1
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ChatApi/ChatApi.psd1'),
    [string] $EmulatorPath = (Get-ChildItem (Join-Path $PSScriptRoot '../src/ChatApi.Emulator/bin/Release') -Recurse -Filter ChatApi.Emulator.dll | Select-Object -First 1).FullName,
    [string] $OutFile = (Join-Path $PSScriptRoot '../docs/screen-capture.md')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'ChatEmulator.psm1') -Force
Import-Module $ModulePath -Force
$emu = Start-ChatEmulator -EmulatorPath $EmulatorPath -Arguments @('--rate-limit', '0', '--seed-legacy', '6', '--seed-uris', '2', '--tenant', 'us:acme', '--tenant', 'eu:globex')
try {
    $cred = [pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
    $a = Connect-ChatApi -Region us -TenantId acme -Credential $cred -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru
    $b = Connect-ChatApi -Region eu -TenantId globex -Credential $cred -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru
    $gw = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $emu.BaseUri -RequestsPerSecond 0 -PassThru
    $hook = New-ChatWebhook -Session $a -Name 'Contoso production bots' -Uri "$($emu.BaseUri)/_receiver/contoso-enterprise-production-chat-events-tenant-acme01"
    1..3 | ForEach-Object { New-ChatChannel -Session $a -Name "Contoso support line $_" -WebhookId $hook.Id -QueueId (100 + $_) } | Out-Null
    $plan = Get-ChatMigrationPlan -Session $a
    $journal = [IO.Path]::GetTempFileName(); Remove-Item $journal
    $migration = Invoke-ChatMigration -Session $a -JournalPath $journal -RemoveLegacyWebhook -Confirm:$false
    $config = [IO.Path]::GetTempFileName()
    Export-ChatConfiguration -Session $a -Path $config -Force
    $changes = Compare-ChatConfiguration -Reference $config -Session $b
    $import = Import-ChatConfiguration -Path $config -Session $b -Confirm:$false
    $shots = [ordered]@{
        'Get-ChatSession' = @($a, $b, $gw)
        'Get-ChatWebhook' = @(Get-ChatWebhook -Session $a)
        'Get-ChatChannel' = @(Get-ChatChannel -Session $a)
        'Get-ChatMigrationPlan' = @($plan)
        'Invoke-ChatMigration (results)' = @($migration | Where-Object { $_ -is [ChatApi.MigrationResult] })
        'Invoke-ChatMigration (summary)' = @($migration | Where-Object { $_ -is [ChatApi.MigrationSummary] })
        'Compare-ChatConfiguration' = @($changes)
        'Import-ChatConfiguration (results)' = @($import | Where-Object { $_ -is [ChatApi.ConfigurationResult] })
        'Import-ChatConfiguration (summary)' = @($import | Where-Object { $_ -is [ChatApi.ConfigurationSummary] })
    }
    $text = [Text.StringBuilder]::new()
    $null = $text.AppendLine('# Screen capture: the main tables at 80 and 120 columns').AppendLine()
    $null = $text.AppendLine('Written by `build/ScreenCapture.ps1` against the local emulator (loopback URIs; ids are the emulator''s, 8x8''s are short numbers too). Every table fits 80 columns (tests/Pester/Formatting.Tests.ps1 checks each view); at 120 the last column has more room. Format-List shows every property.').AppendLine()
    foreach ($width in 80, 120) {
        $null = $text.AppendLine("## $width columns").AppendLine()
        foreach ($name in $shots.Keys) {
            $table = ($shots[$name] | Format-Table | Out-String -Width $width).Trim("`r", "`n")
            $null = $text.AppendLine("### $name").AppendLine().AppendLine('```').AppendLine($table).AppendLine('```').AppendLine()
        }
    }
    [IO.File]::WriteAllText($OutFile, $text.ToString())
    Write-Host "Wrote $OutFile"
}
finally {
    Get-Module ChatApi | Remove-Module -Force
    Stop-ChatEmulator $emu
}
