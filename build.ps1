#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and packages the ChatApi module.
.DESCRIPTION
    Plain PowerShell, no build tool. Run it through the pinned PowerShell:
        dotnet tool restore
        dotnet pwsh ./build.ps1 -Task Test
.PARAMETER Task
    Build    compiles the solution and stages the module in out/ChatApi.
    Test     Build, then every xunit and Pester suite; prints one line 'N passed, N failed'.
    Emulator runs the local emulator of the Chat API V2 (Ctrl+C stops it).
    Demo     the whole road against a seeded emulator: V1-era channels to V2, then to the Chat Gateway.
    Bench    runs the benchmarks in bench/.
    Package  produces the module package (.nupkg) in out/.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Emulator', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Extra arguments for the emulator (Emulator task) or a Pester filter (Test task).
    [string[]] $Arguments = @()
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$staged = Join-Path $out 'ChatApi'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

Import-Module (Join-Path $root 'build/BuildTasks.psm1') -Force

switch ($Task) {
    'Build'    { Invoke-ChatBuild -Root $root -Configuration $Configuration -Staged $staged | Out-Null }
    'Test'     { Invoke-ChatTest -Root $root -Configuration $Configuration -Staged $staged -Filter $Arguments }
    'Emulator' { Invoke-ChatEmulator -Root $root -Configuration $Configuration -Arguments $Arguments }
    'Demo'     { Invoke-ChatDemo -Root $root -Configuration $Configuration -Staged $staged }
    'Bench'    { Invoke-ChatBench -Root $root -Configuration $Configuration -Staged $staged -Names $Arguments }
    'Package'  { Invoke-ChatPackage -Root $root -Configuration $Configuration -Staged $staged }
}
