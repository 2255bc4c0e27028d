# Runs every *.Tests.ps1 under tests/Pester (or the -Path files) and writes the counts for build.ps1 to sum.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string[]] $Filter = @(),
    # The suite files to run (comma-separated when passed through -File); all of tests/Pester when empty.
    [string[]] $Path = @()
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# The suites read these to find what they test.
$env:CHATAPI_TEST_MODULE = $ModulePath
$env:CHATAPI_TEST_EMULATOR = $EmulatorPath

$config = New-PesterConfiguration
$config.Run.Path = if ($Path) { @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ }) } else { $PSScriptRoot }
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
if ($Filter) { $config.Filter.FullName = $Filter -split ',' | ForEach-Object { "*$_*" } }
$result = Invoke-Pester -Configuration $config

$failedNames = @($result.Failed | ForEach-Object ExpandedPath) + @($result.FailedBlocks | ForEach-Object ExpandedPath) +
    @($result.FailedContainers | ForEach-Object { "$($_.Item)" })
@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; FailedNames = $failedNames } |
    ConvertTo-Json | Set-Content -Path $SummaryPath
