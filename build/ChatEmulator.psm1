# Starts and stops the local emulator of the Chat API V2 for the demo, the benchmarks and the Pester
# suites (tests/Pester/TestHelpers.psm1 wraps these): a free loopback port, wait until it listens.
Set-StrictMode -Version Latest

function Start-ChatEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port; returns an object with BaseUri, Process, LogPath and ErrorPath.
    .DESCRIPTION
        The emulator writes where it listens to a ready file, whole (written beside it and renamed into
        place), and exits by itself when this PowerShell process ends (--exit-with), so it never outlives
        its owner. A start that fails or does not finish in time kills the emulator and throws with its
        own output.
    .PARAMETER EmulatorPath
        The built ChatApi.Emulator.dll.
    .PARAMETER Arguments
        Extra emulator options, such as '--seed-legacy', '10' or '--rate-limit', '0'.
    #>
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $Arguments = @(),
        [int] $TimeoutSeconds = 60,
        # The address to listen on: 127.0.0.1, or another address of this machine (the proxy tests reach it by host name).
        [string] $Address = '127.0.0.1'
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built: '$EmulatorPath' does not exist." }
    $log = [IO.Path]::GetTempFileName()
    $err = [IO.Path]::GetTempFileName()
    $ready = Join-Path ([IO.Path]::GetTempPath()) "chatapi-emulator-$([guid]::NewGuid().ToString('n')).json"
    $allArgs = @($EmulatorPath, '--urls', "http://${Address}:0", '--ready-file', $ready, '--exit-with', $PID) + $Arguments
    $process = $null
    try {
        $process = Start-Process -FilePath 'dotnet' -ArgumentList $allArgs -RedirectStandardOutput $log -RedirectStandardError $err -PassThru -NoNewWindow
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (Test-Path -LiteralPath $ready)) {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode) before it listened. Its output: $(Get-EmulatorOutput $log $err)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not listen within $TimeoutSeconds s. Its output: $(Get-EmulatorOutput $log $err)" }
            Start-Sleep -Milliseconds 50   # polling for the ready file, with the deadline above
        }
        $listening = Get-Content -LiteralPath $ready -Raw | ConvertFrom-Json
        [pscustomobject]@{ BaseUri = [string]$listening.baseUri; Process = $process; LogPath = $log; ErrorPath = $err }
    }
    catch {
        if ($process -and -not $process.HasExited) { $process.Kill($true); $process.WaitForExit(10000) | Out-Null }
        Remove-Item -LiteralPath $log, $err -ErrorAction SilentlyContinue
        throw
    }
    finally {
        Remove-Item -LiteralPath $ready -ErrorAction SilentlyContinue
    }
}

function Get-EmulatorOutput {
    param([string] $LogPath, [string] $ErrorPath)
    $text = (@($LogPath, $ErrorPath) | ForEach-Object { Get-Content -LiteralPath $_ -Raw -ErrorAction SilentlyContinue }) -join [Environment]::NewLine
    if ($text.Trim()) { $text.Trim() } else { '(none)' }
}

function Stop-ChatEmulator {
    <# Stops an emulator started by Start-ChatEmulator and removes its logs. #>
    param($Emulator)
    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill($true)
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item $Emulator.LogPath, $Emulator.ErrorPath -ErrorAction SilentlyContinue
}

Export-ModuleMember -Function Start-ChatEmulator, Stop-ChatEmulator
