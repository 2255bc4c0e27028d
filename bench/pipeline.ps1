<#
.SYNOPSIS
    How close `Get-ChatChannel | Set-ChatChannel -QueueId 777` runs to the rate limit's floor at
    real-world latency. Bar: elapsed / floor <= 1.15 (goal 1.05), and every channel changed.
.DESCRIPTION
    Starts the emulator with N channels at --latency L --rate-limit R, connects with
    -RequestsPerSecond R and runs the pipeline (Set-ChatChannel at its default -ThrottleLimit unless
    -ThrottleLimit is given). The floor is the requests the pipeline needed, read from the
    emulator's request log (GET /_emulator/requests), divided by R: no client can do the job faster
    at that rate. Elapsed is the wall time of the pipeline. With -Runs > 1 the median ratio is the figure.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Channels = 100,
    [double] $Rate = 20,
    [int] $LatencyMs = 100,
    [int] $ThrottleLimit = 0,
    [int] $Runs = 3,
    [double] $Bar = 1.15,
    [double] $Goal = 1.05
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$EmulatorPath = Import-BenchTarget $ModulePath $EmulatorPath

$set = @{ QueueId = '777' }
if ($ThrottleLimit -gt 0) { $set.ThrottleLimit = $ThrottleLimit }
$rows = foreach ($run in 1..$Runs) {
    Invoke-BenchSession $EmulatorPath @('--seed-legacy', "$Channels", '--latency', "$LatencyMs", '--rate-limit', "$Rate") $Rate {
        param($emu)
        $mark = [long](Invoke-RestMethod -Uri "$($emu.BaseUri)/_emulator/requests?after=$([long]::MaxValue)").last
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-ChatChannel | Set-ChatChannel @set -ErrorVariable failures -ErrorAction SilentlyContinue
        $watch.Stop()
        $requests = @((Invoke-RestMethod -Uri "$($emu.BaseUri)/_emulator/requests?after=$mark").requests).Count
        $changed = @(Get-ChatChannel | Where-Object QueueId -eq '777').Count
        $floor = $requests / $Rate
        $row = [pscustomobject]@{
            Run      = $run
            Channels = $Channels
            Requests = $requests
            Elapsed  = [math]::Round($watch.Elapsed.TotalSeconds, 2)
            Floor    = [math]::Round($floor, 2)
            Ratio    = [math]::Round($watch.Elapsed.TotalSeconds / $floor, 3)
            Changed  = $changed
            Failed   = @($failures).Count
        }
        Write-Host ("run {0}: {1} channels, {2} requests at {3}/s and {4} ms: {5:n2} s elapsed, floor {6:n2} s, ratio {7:n3}, {8} changed, {9} failed" -f `
            $run, $Channels, $requests, $Rate, $LatencyMs, $row.Elapsed, $row.Floor, $row.Ratio, $changed, $row.Failed)
        $row
    }
}

$median = Get-Median @($rows.Ratio)
$short = @($rows | Where-Object { $_.Changed -ne $Channels -or $_.Failed -gt 0 }).Count
$ok = $median -le $Bar -and $short -eq 0
$color = if ($ok) { 'Green' } else { 'Red' }
Write-Host ("pipeline: Get-ChatChannel | Set-ChatChannel -QueueId 777, median ratio {0:n3} (bar {1}, goal {2}), {3} run(s) short of {4} changed channels, over {5} run(s): {6}" -f `
    $median, $Bar, $Goal, $short, $Channels, $Runs, $(if ($ok) { 'PASS' } else { 'FAIL' })) -ForegroundColor $color
