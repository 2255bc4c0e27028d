# Starts and stops the local emulator of the Chat API V2 for the demo, the benchmarks and the Pester
# suites (tests/Pester/TestHelpers.psm1 wraps these): a free loopback port, wait until it listens.
Set-StrictMode -Version Latest

function Start-ChatEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port; returns an object with BaseUri, Process, LogPath and ErrorPath.
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
    $allArgs = @($EmulatorPath, '--urls', "http://${Address}:0") + $Arguments
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $allArgs -RedirectStandardOutput $log -RedirectStandardError $err -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    $baseUri = $null
    while (-not $baseUri) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode): $(Get-Content $log, $err -Raw)" }
        if ((Get-Date) -gt $deadline) { $process.Kill($true); throw "The emulator did not start within $TimeoutSeconds s: $(Get-Content $log -Raw)" }
        $text = Get-Content $log -Raw -ErrorAction SilentlyContinue
        if ($text -match "Now listening on: (http://$([regex]::Escape($Address)):\d+)") { $baseUri = $Matches[1] } else { Start-Sleep -Milliseconds 100 }
    }
    [pscustomobject]@{ BaseUri = $baseUri; Process = $process; LogPath = $log; ErrorPath = $err }
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
