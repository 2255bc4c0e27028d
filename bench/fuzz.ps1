#requires -Version 7.2
<#
.SYNOPSIS
    Fuzzes what takes hostile input: the x-8x8-signature parser, the JWS checks, the webhook event
    parser and the migration journal reader, for a fixed number of inputs in all (default 1,000,000).
.DESCRIPTION
    Runs bench/fuzz (CsCheck generators over mutated genuine inputs) and prints, per target and in
    total, the inputs tried, crashes (any exception other than the module's own refusal) and false
    accepts (an event accepted as validly signed that the key did not sign). The bar is 0 and 0;
    the script exits 1 otherwise.
        dotnet pwsh ./build.ps1 -Task Bench -Arguments fuzz
#>
param(
    [string] $ModulePath,
    [string] $EmulatorPath,
    [long] $Inputs = 1000000,
    [string] $Seed
)
$ErrorActionPreference = 'Stop'
$configuration = if ($EmulatorPath -match '[\\/]bin[\\/](Debug|Release)[\\/]') { $Matches[1] } else { 'Release' }
$fuzz = Join-Path $PSScriptRoot "fuzz/bin/$configuration/net10.0/ChatApi.Fuzz.dll"
if (-not (Test-Path $fuzz)) {
    & dotnet build (Join-Path $PSScriptRoot 'fuzz/ChatApi.Fuzz.csproj') -c $configuration --nologo -v q -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { throw "building bench/fuzz failed" }
}
$fuzzArgs = @('--inputs', $Inputs)
if ($Seed) { $fuzzArgs += @('--seed', $Seed) }
& dotnet $fuzz @fuzzArgs
exit $LASTEXITCODE
