# Prism (@stoplight/prism-cli, pinned in package.json and package-lock.json beside this file) mocking
# 8x8's OpenAPI descriptions with request validation on: the independent witness the contract suite
# (tests/Pester/Prism.Tests.ps1) runs the cmdlets against. Install-PrismMock installs it with npm ci
# (build.ps1 -Task Test calls it); Start-PrismMock starts one mock on a free port of 127.0.0.1;
# Stop-PrismMock stops it with its whole process tree.
Set-StrictMode -Version Latest

# The one place that says where 8x8's two descriptions are read from: the repository's contracts/
# (chat-api-v2.openapi.json and chat-gateway-v1.openapi.json, 8x8's files unchanged, which the emulator's
# own check reads too). CHATAPI_CONTRACT_DESCRIPTIONS overrides it.
$script:DescriptionFolder = Join-Path $PSScriptRoot '../../contracts'

$script:PrismFolder = $PSScriptRoot
$script:LockStamp = 'node_modules/.chatapi-lock-sha256'

function Get-ContractDescription {
    <# The path of 8x8's description of one API: V2 or Gateway. #>
    param([Parameter(Mandatory)] [ValidateSet('V2', 'Gateway')] [string] $Api)
    $folder = if ($env:CHATAPI_CONTRACT_DESCRIPTIONS) { $env:CHATAPI_CONTRACT_DESCRIPTIONS } else { $script:DescriptionFolder }
    $name = if ($Api -eq 'V2') { 'chat-api-v2.openapi.json' } else { 'chat-gateway-v1.openapi.json' }
    $path = Join-Path $folder $name
    if (-not (Test-Path $path)) { throw "8x8's description $name is not in '$folder' (set CHATAPI_CONTRACT_DESCRIPTIONS to the folder that holds it)." }
    $path
}

function Get-PrismEntryPoint {
    Join-Path $script:PrismFolder 'node_modules/@stoplight/prism-cli/dist/index.js'
}

function Install-PrismMock {
    <#
    .SYNOPSIS
        Runs npm ci in tests/Contract when node_modules is missing or was installed from another
        package-lock.json (a stamp of the lock's hash is kept in node_modules). Install scripts are not
        run (none is needed; one dependency's would report to a third party).
    #>
    $lock = Join-Path $script:PrismFolder 'package-lock.json'
    $stamp = Join-Path $script:PrismFolder $script:LockStamp
    $hash = (Get-FileHash $lock -Algorithm SHA256).Hash
    if ((Test-Path (Get-PrismEntryPoint)) -and (Test-Path $stamp) -and (Get-Content $stamp -Raw).Trim() -eq $hash) { return }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { throw 'npm is not on PATH: the contract suite needs Node.js 18 or later with npm to install Prism (tests/Contract).' }
    Write-Host 'Installing Prism for the contract suite (npm ci in tests/Contract)' -ForegroundColor Cyan
    Push-Location $script:PrismFolder
    try {
        & npm ci --ignore-scripts --no-audit --no-fund --loglevel=error | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "npm ci in $script:PrismFolder failed with exit code $LASTEXITCODE" }
    }
    finally { Pop-Location }
    Set-Content -Path $stamp -Value $hash -NoNewline
}

function Start-PrismMock {
    <#
    .SYNOPSIS
        Starts Prism mocking 8x8's description of one API (static examples, request validation on) on a
        free port of 127.0.0.1; returns an object with Api, BaseUri, Process and LogPath. Call
        Wait-PrismMock before using it (so that two mocks start side by side).
    #>
    param([Parameter(Mandatory)] [ValidateSet('V2', 'Gateway')] [string] $Api)
    $entry = Get-PrismEntryPoint
    if (-not (Test-Path $entry)) { throw "Prism is not installed in $script:PrismFolder: run Install-PrismMock (build.ps1 -Task Test does)." }
    $log = [IO.Path]::GetTempFileName()
    $err = [IO.Path]::GetTempFileName()
    # Port 0: Prism listens on a free port and says which. prism-owned.js runs it in one process that
    # ends when this PowerShell does.
    $arguments = @((Join-Path $script:PrismFolder 'prism-owned.js'), $PID, 'mock', '--no-multiprocess', '--host', '127.0.0.1', '--port', '0', (Get-ContractDescription $Api))
    $process = Start-Process -FilePath 'node' -ArgumentList $arguments -RedirectStandardOutput $log -RedirectStandardError $err -PassThru -NoNewWindow
    [pscustomobject]@{ Api = $Api; BaseUri = $null; Process = $process; LogPath = $log; ErrorPath = $err }
}

function Wait-PrismMock {
    <# Waits until a mock from Start-PrismMock listens and sets its BaseUri; stops it and throws when it does not in time. #>
    param([Parameter(Mandatory)] $Mock, [int] $TimeoutSeconds = 60)
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    while (-not $Mock.BaseUri) {
        $text = Get-Content $Mock.LogPath -Raw -ErrorAction SilentlyContinue
        # Only a whole line counts: a line still being written could give half the port.
        if ($text -match 'Prism is listening on (http://127\.0\.0\.1:\d+)\r?\n') { $Mock.BaseUri = $Matches[1]; break }
        if ($Mock.Process.HasExited) { throw "Prism ($($Mock.Api)) exited with code $($Mock.Process.ExitCode): $(Get-Content $Mock.LogPath, $Mock.ErrorPath -Raw)" }
        if ((Get-Date) -gt $deadline) { Stop-PrismMock $Mock; throw "Prism ($($Mock.Api)) did not listen within $TimeoutSeconds s: $text" }
        Start-Sleep -Milliseconds 100
    }
    $Mock
}

function Stop-PrismMock {
    <# Stops a mock with its whole process tree (node may fork) and removes its logs. #>
    param($Mock)
    if (-not $Mock) { return }
    if (-not $Mock.Process.HasExited) {
        $Mock.Process.Kill($true)
        $null = $Mock.Process.WaitForExit(10000)
    }
    Remove-Item $Mock.LogPath, $Mock.ErrorPath -ErrorAction SilentlyContinue
}

function Get-PrismLog {
    <# What Prism logged (its request log, validation results and violations), for failure messages. #>
    param([Parameter(Mandatory)] $Mock, [int] $Tail = 40)
    Get-Content $Mock.LogPath -Tail $Tail -ErrorAction SilentlyContinue | Out-String
}

Export-ModuleMember -Function Get-ContractDescription, Install-PrismMock, Start-PrismMock, Wait-PrismMock, Stop-PrismMock, Get-PrismLog
