# Shared by the Pester suites: start the emulator on a free port of 127.0.0.1, wait until it
# answers, and stop it afterwards; connect the cmdlets to it and read what they report.
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
    param([string[]] $Arguments = @(), [int] $TimeoutSeconds = 60, [string] $Address = '127.0.0.1')
    $dll = $env:CHATAPI_TEST_EMULATOR
    if (-not $dll -or -not (Test-Path $dll)) { throw "The emulator is not built: CHATAPI_TEST_EMULATOR='$dll'" }
    Start-ChatEmulator -EmulatorPath $dll -Arguments $Arguments -TimeoutSeconds $TimeoutSeconds -Address $Address
}

function Stop-TestEmulator {
    <#
    .SYNOPSIS
        Stops the emulator; throws when a test gave it a webhook URI off this machine (the emulator's
        /_emulator/off-machine), since every event to one costs a DNS lookup that leaves the machine.
        Use 127.0.0.1:9 (nothing listens there) or the emulator's own /_receiver/<name>.
        Throws too when a request or an answer broke 8x8's contract (/_emulator/contract-violations),
        except what contracts/errata.json tolerates under --shared-configuration (listed with its entry's id).
    #>
    param($Emulator)
    $away = @()
    $broken = @()
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $answer = Invoke-RestMethod "$($Emulator.BaseUri)/_emulator/off-machine" -TimeoutSec 10 -ErrorAction SilentlyContinue
        $away = @($answer)   # a JSON array comes as one object: unwrap it
        $seen = Invoke-RestMethod "$($Emulator.BaseUri)/_emulator/contract-violations" -TimeoutSec 10 -ErrorAction SilentlyContinue
        $broken = @(@($seen) | Where-Object { $_ -and -not $_.tolerated })   # tolerated ones carry their errata entry's id
    }
    Stop-ChatEmulator $Emulator
    if ($away.Count -gt 0) { throw "The emulator was given webhook URIs off this machine ($($away -join ', ')); use one on 127.0.0.1." }
    if ($broken.Count -gt 0) {
        $lines = $broken | ForEach-Object { "  $($_.operation) $($_.side) $($_.pointer): $($_.rule)" }
        throw "The emulator saw breaks of 8x8's contract (GET /_emulator/contract-violations):`n$($lines -join "`n")"
    }
}

function Set-TestEmulatorFault {
    <#
    .SYNOPSIS
        Pauses (-Paused) or resumes the emulator's --fail-rate: a test's setup and the reads that judge
        its outcome meet no faults, so only the calls under test do.
    #>
    param([Parameter(Mandatory)] $Emulator, [switch] $Paused)
    $null = Invoke-RestMethod -Method Post "$($Emulator.BaseUri)/_emulator/faults?paused=$(([bool]$Paused).ToString().ToLowerInvariant())"
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

# Helpers for the suites that drive the cmdlets: a demo credential, a session, and readers of -Verbose output.

function New-TestCredential {
    param([string] $Key = 'demo-key', [string] $Secret = 'demo-secret')
    [pscredential]::new($Key, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Connect-TestSession {
    <# Connects to the emulator with the demo key and returns the session; no client-side rate limit unless given. #>
    param([Parameter(Mandatory)] $Emulator, [string] $Region = 'us', [string] $Tenant = 'acme', [double] $RequestsPerSecond = 0)
    Connect-ChatApi -Region $Region -TenantId $Tenant -Credential (New-TestCredential) -BaseUri $Emulator.BaseUri `
        -RequestsPerSecond $RequestsPerSecond -PassThru -ErrorAction Stop
}

function Get-ApiCall {
    <#
    The calls the engine reported on the Verbose stream ('GET /path?query -> 200 (attempt 1, 3 ms)'),
    as objects with Method, Path, Status and Attempt. Pass the merged output of a command run with -Verbose 4>&1
    or the lines of a file it was redirected to.
    #>
    param([Parameter(ValueFromPipeline)] $Record)
    process {
        $text = if ($Record -is [System.Management.Automation.VerboseRecord]) { $Record.Message } elseif ($Record -is [string]) { $Record } else { return }
        if ($text -match '^(GET|POST|PUT|PATCH|DELETE) (/\S+) -> (\d+) \(attempt (\d+)') {
            [pscustomobject]@{ Method = $Matches[1]; Path = $Matches[2]; Status = [int]$Matches[3]; Attempt = [int]$Matches[4] }
        }
    }
}

function Get-EmulatorCall {
    <#
    The API calls the emulator received (its request log), as objects with Method, Path (with the
    query), Status and Aborted (the connection was cut before the answer: a fault, or the client went
    away). -After takes a mark from Get-EmulatorCallMark: only the calls since then.
    #>
    param([Parameter(Mandatory)] $Emulator, [long] $After = 0)
    $answer = Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/requests?after=$After"
    foreach ($r in $answer.requests) { [pscustomobject]@{ Method = $r.method; Path = $r.path; Status = [int]$r.status; Aborted = [bool]$r.aborted } }
}

function Get-EmulatorCallMark {
    <# The request log's position now, for Get-EmulatorCall -After. #>
    param([Parameter(Mandatory)] $Emulator)
    [long](Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/requests?after=$([long]::MaxValue)").last
}

function Get-TestDelivery {
    <#
    What the emulator's built-in receiver /_receiver/<Name> got, oldest first (objects with body and
    headers), once it holds at least -AtLeast deliveries; throws when it does not within the deadline.
    #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] [string] $Name, [int] $AtLeast = 1, [int] $TimeoutSeconds = 20)
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    do {
        $answer = Invoke-RestMethod "$BaseUri/_receiver/$Name"   # a JSON array comes as one object
        $got = @($answer)
        if ($got.Count -ge $AtLeast) { return $got }
        Start-Sleep -Milliseconds 100
    } while ((Get-Date) -lt $deadline)
    throw "The receiver $Name got $($got.Count) of $AtLeast deliveries."
}

function Select-Output {
    <# Drops Verbose, Debug, Warning and Information records from merged output. #>
    param([Parameter(ValueFromPipeline)] $Record)
    process {
        if ($Record -is [System.Management.Automation.VerboseRecord] -or $Record -is [System.Management.Automation.DebugRecord] -or
            $Record -is [System.Management.Automation.WarningRecord] -or $Record -is [System.Management.Automation.InformationRecord]) { return }
        $Record
    }
}

function Get-CmdletAttribute {
    <# The [Cmdlet] attribute of a module cmdlet (ConfirmImpact, SupportsShouldProcess). #>
    param([Parameter(Mandatory)] [string] $Name)
    (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
}

function Get-PwshCommand {
    <# The pwsh running these tests, to start a fresh one: its apphost, else `dotnet pwsh.dll`. Returns the executable then its leading arguments. #>
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    if (Test-Path $pwsh) { , @($pwsh) } else { , @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
}

Export-ModuleMember -Function Start-TestEmulator, Stop-TestEmulator, Set-TestEmulatorFault, Get-TestToken, ConvertFrom-TestResponse,
    New-TestCredential, Connect-TestSession, Get-ApiCall, Get-EmulatorCall, Get-EmulatorCallMark, Get-TestDelivery, Select-Output, Get-CmdletAttribute, Get-PwshCommand
