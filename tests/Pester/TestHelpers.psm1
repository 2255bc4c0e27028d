# Shared by the Pester suites: start the emulator on a free port of 127.0.0.1, wait until it
# answers, and stop it afterwards.
Set-StrictMode -Version Latest

# The emulator is started by the shared build/ChatEmulator.psm1 (also used by the demo and the benchmarks).
Import-Module (Join-Path $PSScriptRoot '../../build/ChatEmulator.psm1') -Force

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port and returns an object with BaseUri, Process and LogPath.
    .PARAMETER Arguments
        Extra emulator options, such as '--seed-legacy', '10' or '--rate-limit', '0'.
    #>
    param([string[]] $Arguments = @(), [int] $TimeoutSeconds = 60)
    $dll = $env:CHATAPI_TEST_EMULATOR
    if (-not $dll -or -not (Test-Path $dll)) { throw "The emulator is not built: CHATAPI_TEST_EMULATOR='$dll'" }
    Start-ChatEmulator -EmulatorPath $dll -Arguments $Arguments -TimeoutSeconds $TimeoutSeconds
}

function Stop-TestEmulator {
    param($Emulator)
    Stop-ChatEmulator $Emulator
}

function Get-TestToken {
    <# A bearer token from the emulator for the default demo key. #>
    param([string] $BaseUri, [string] $Key = 'demo-key', [string] $Secret = 'demo-secret')
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${Key}:${Secret}"))
    $answer = Invoke-RestMethod -Method Post -Uri "$BaseUri/oauth/v2/token" -Headers @{ Authorization = "Basic $basic" } `
        -ContentType 'application/x-www-form-urlencoded' -Body 'grant_type=client_credentials'
    $answer.access_token
}

function ConvertFrom-TestResponse {
    <# The JSON body of an Invoke-WebRequest answer; problem+json bodies come as bytes, so decode them first. #>
    param([Parameter(Mandatory, ValueFromPipeline)] $Response)
    process {
        $text = if ($Response.Content -is [byte[]]) { [Text.Encoding]::UTF8.GetString($Response.Content) } else { $Response.Content }
        $text | ConvertFrom-Json
    }
}

function Get-PwshCommand {
    <# The pwsh running these tests, to start a fresh one: its apphost, else `dotnet pwsh.dll`. Returns the executable then its leading arguments. #>
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    if (Test-Path $pwsh) { , @($pwsh) } else { , @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
}

Export-ModuleMember -Function Start-TestEmulator, Stop-TestEmulator, Get-TestToken, ConvertFrom-TestResponse, Get-PwshCommand
