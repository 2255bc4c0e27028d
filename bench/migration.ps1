<#
.SYNOPSIS
    How close a bulk V1 to V2 migration runs to the rate limit's floor. Bar: elapsed / floor <= 1.15,
    and 0 failed channels (no fault injection here).
.DESCRIPTION
    Starts the emulator seeded with N V1-era channels (N/10 receiver URIs, each channel on its own
    v1.0 webhook) at rate limit R, connects with -RequestsPerSecond R and runs Invoke-ChatMigration
    (NewWebhook). The floor is the requests the migration needed (its summary's count: the two lists,
    one verify and one create per URI, a read and a write per channel) divided by R: no client can
    do the job faster at that rate. Elapsed is the wall time of Invoke-ChatMigration. With -Runs > 1
    the median ratio is the figure.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Channels = 200,
    [double] $Rate = 5,
    [int] $Runs = 3,
    [double] $Bar = 1.15
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$EmulatorPath = Import-BenchTarget $ModulePath $EmulatorPath

$uris = [math]::Max(1, [math]::Ceiling($Channels / 10))
$rows = foreach ($run in 1..$Runs) {
    $arguments = @('--seed-legacy', "$Channels", '--seed-uris', "$uris", '--rate-limit', "$Rate")
    Invoke-BenchSession $EmulatorPath $arguments $Rate {
        $journal = Join-Path ([IO.Path]::GetTempPath()) "bench-migration-$([guid]::NewGuid().ToString('N')).jsonl"
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $summary = Invoke-ChatMigration -JournalPath $journal -ErrorAction SilentlyContinue -ProgressAction SilentlyContinue | Select-Object -Last 1
            $watch.Stop()
            $floor = $summary.Requests / $Rate
            $row = [pscustomobject]@{
                Run      = $run
                Channels = $Channels
                Rate     = $Rate
                Requests = $summary.Requests
                Elapsed  = [math]::Round($watch.Elapsed.TotalSeconds, 1)
                Floor    = [math]::Round($floor, 1)
                Ratio    = [math]::Round($watch.Elapsed.TotalSeconds / $floor, 3)
                Migrated = $summary.Migrated
                Failed   = $summary.Failed
            }
            Write-Host ("run {0}: {1} channels, {2} requests at {3}/s: {4:n1} s elapsed, floor {5:n1} s, ratio {6:n3}, {7} migrated, {8} failed" -f `
                $run, $Channels, $row.Requests, $Rate, $row.Elapsed, $row.Floor, $row.Ratio, $row.Migrated, $row.Failed)
            $row
        }
        finally {
            Remove-Item $journal -ErrorAction SilentlyContinue
        }
    }
}

$median = Get-Median @($rows.Ratio)
$failed = ($rows | Measure-Object Failed -Sum).Sum
$ok = $median -le $Bar -and $failed -eq 0
$color = if ($ok) { 'Green' } else { 'Red' }
Write-Host ("migration: median ratio {0:n3} (bar {1}), {2} failed channel(s) over {3} run(s): {4}" -f $median, $Bar, $failed, $Runs, $(if ($ok) { 'PASS' } else { 'FAIL' })) -ForegroundColor $color
