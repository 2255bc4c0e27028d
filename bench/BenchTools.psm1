# Shared by the bench scripts.
Set-StrictMode -Version Latest

function Get-Median {
    <# The median of a list of numbers (the mean of the two middle ones for an even count). #>
    param([double[]] $Values)
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Import-BenchTarget {
    <#
    Imports the emulator helpers (Start-/Stop-ChatEmulator) and the staged module for the calling
    bench script (globally: a module's imports are otherwise its own). Returns the emulator's path, resolved.
    #>
    param([string] $ModulePath, [string] $EmulatorPath)
    Import-Module (Join-Path $PSScriptRoot '../build/ChatEmulator.psm1') -Force -Global
    Import-Module (Resolve-Path $ModulePath).Path -Force -Global
    (Resolve-Path $EmulatorPath).Path
}

function Invoke-BenchSession {
    <#
    One run: starts the emulator with -Arguments, connects the demo tenant at -RequestsPerSecond
    -Rate, runs -Body with the emulator (its BaseUri), then disconnects and stops the emulator.
    #>
    param([string] $EmulatorPath, [string[]] $Arguments, [double] $Rate, [scriptblock] $Body)
    $emu = Start-ChatEmulator -EmulatorPath $EmulatorPath -Arguments $Arguments
    try {
        Connect-ChatApi -Region us -TenantId acme -BaseUri $emu.BaseUri -RequestsPerSecond $Rate `
            -Credential ([pscredential]::new('demo-key', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force)))
        & $Body $emu
    }
    finally {
        Disconnect-ChatApi -ErrorAction SilentlyContinue
        Stop-ChatEmulator $emu
    }
}

Export-ModuleMember -Function Get-Median, Import-BenchTarget, Invoke-BenchSession
