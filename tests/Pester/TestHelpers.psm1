# Shared by the Pester suites: start the emulator on a free port of 127.0.0.1, wait until it
# answers, and stop it afterwards.
Set-StrictMode -Version Latest

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
    $log = [IO.Path]::GetTempFileName()
    $err = [IO.Path]::GetTempFileName()
    $allArgs = @($dll, '--urls', 'http://127.0.0.1:0') + $Arguments
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $allArgs -RedirectStandardOutput $log -RedirectStandardError $err -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    $baseUri = $null
    while (-not $baseUri) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode): $(Get-Content $log, $err -Raw)" }
        if ((Get-Date) -gt $deadline) { $process.Kill($true); throw "The emulator did not start within $TimeoutSeconds s: $(Get-Content $log -Raw)" }
        $text = Get-Content $log -Raw -ErrorAction SilentlyContinue
        if ($text -match 'Now listening on: (http://127\.0\.0\.1:\d+)') { $baseUri = $Matches[1] } else { Start-Sleep -Milliseconds 100 }
    }
    [pscustomobject]@{ BaseUri = $baseUri; Process = $process; LogPath = $log; ErrorPath = $err }
}

function Stop-TestEmulator {
    param($Emulator)
    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item $Emulator.LogPath, $Emulator.ErrorPath -ErrorAction SilentlyContinue
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

Export-ModuleMember -Function Start-TestEmulator, Stop-TestEmulator, Get-TestToken, ConvertFrom-TestResponse
