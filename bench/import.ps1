<#
.SYNOPSIS
    What importing ChatApi adds to a fresh PowerShell: the bar is a median of at most 150 ms.
.DESCRIPTION
    Times `pwsh -NoProfile -c 'Import-Module <staged>/ChatApi.psd1'` against
    `pwsh -NoProfile -c 'exit'`, interleaved in the same run (the order alternates each round) so
    both see the same machine load, after one warm-up round. Prints both medians and the
    difference. Runs the pinned pwsh directly (its apphost in $PSHOME, or `dotnet pwsh.dll`),
    not through `dotnet pwsh`, whose tool-manifest lookup would add noise to both.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $EmulatorPath,   # unused: importing talks to no server
    [int] $Runs = 15,
    [int] $BarMilliseconds = 150
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$ModulePath = (Resolve-Path $ModulePath).Path

$apphost = Join-Path $PSHOME 'pwsh'
$exe, $prefix = if (-not $IsWindows -and (Test-Path $apphost)) { $apphost, @() }
    elseif ($IsWindows -and (Test-Path "$apphost.exe")) { "$apphost.exe", @() }
    else { 'dotnet', @((Join-Path $PSHOME 'pwsh.dll')) }

$commands = [ordered]@{
    exit   = 'exit'
    import = "Import-Module '$($ModulePath -replace "'", "''")'"
}

function Measure-Once([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $exe @prefix -NoProfile -NonInteractive -c $Command
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c `"$Command`" failed with exit code $LASTEXITCODE" }
    $watch.Elapsed.TotalMilliseconds
}


$times = @{ exit = [Collections.Generic.List[double]]::new(); import = [Collections.Generic.List[double]]::new() }
foreach ($name in $commands.Keys) { $null = Measure-Once $commands[$name] }   # warm-up: disk cache, first JIT of the runtime
for ($i = 0; $i -lt $Runs; $i++) {
    $order = if ($i % 2) { 'import', 'exit' } else { 'exit', 'import' }
    foreach ($name in $order) { $times[$name].Add((Measure-Once $commands[$name])) }
}

function Get-Spread([double[]] $Values) {
    $sorted = $Values | Sort-Object
    '{0:n0}..{1:n0}' -f $sorted[[int][math]::Floor(($sorted.Count - 1) / 4)], $sorted[[int][math]::Ceiling(3 * ($sorted.Count - 1) / 4)]
}

$exitMedian = Get-Median $times.exit
$importMedian = Get-Median $times.import
$added = $importMedian - $exitMedian
# Each round's own difference, which cancels load that drifts between rounds on a busy machine.
$paired = Get-Median @(for ($i = 0; $i -lt $Runs; $i++) { $times.import[$i] - $times.exit[$i] })
Write-Host ("pwsh: {0} {1}" -f $exe, ($prefix -join ' '))
Write-Host ("runs: {0} each, interleaved" -f $Runs)
Write-Host ("median pwsh -NoProfile -c 'exit'            : {0,7:n0} ms (quartiles {1} ms)" -f $exitMedian, (Get-Spread $times.exit))
Write-Host ("median pwsh -NoProfile -c 'Import-Module ...': {0,7:n0} ms (quartiles {1} ms)" -f $importMedian, (Get-Spread $times.import))
Write-Host ("import adds (difference of the medians)     : {0,7:n0} ms (bar: at most {1} ms) {2}" -f $added, $BarMilliseconds, $(if ($added -le $BarMilliseconds) { 'PASS' } else { 'OVER' }))
Write-Host ("median of the per-round differences         : {0,7:n0} ms" -f $paired)
Write-Host ("load average at the end: {0}" -f $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg -Raw).Trim() } else { 'n/a' }))
[pscustomobject]@{
    ExitMedianMs = [math]::Round($exitMedian, 1); ImportMedianMs = [math]::Round($importMedian, 1)
    AddedMs = [math]::Round($added, 1); PairedMedianMs = [math]::Round($paired, 1); Runs = $Runs; Pass = $added -le $BarMilliseconds
}
