# No process outlives the suite that started it: an emulator ends with the PowerShell that started it,
# even when the suite fails in its setup and never stops it, or that PowerShell is killed; a start
# that fails or times out leaves no emulator behind and says what the emulator printed.
BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1 -Force

    function script:Wait-ProcessGone([int] $Id, [int] $TimeoutSeconds = 20) {
        # Polls for the process to be gone, with a deadline; true when it is.
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while ([DateTime]::UtcNow -lt $deadline) {
            if (-not (Get-Process -Id $Id -ErrorAction SilentlyContinue)) { return $true }
            Start-Sleep -Milliseconds 100
        }
        $false
    }

    function script:Start-ChildPwsh([string] $Script, [string[]] $Arguments) {
        $pwsh = Get-PwshCommand
        $all = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $Script) + $Arguments
        Start-Process -FilePath $pwsh[0] -ArgumentList $all -PassThru -NoNewWindow `
            -RedirectStandardOutput ([IO.Path]::GetTempFileName()) -RedirectStandardError ([IO.Path]::GetTempFileName())
    }

    function script:Get-MarkedEmulator([string] $Mark) {
        # The emulators whose command line holds the mark (a tenant name no other test uses).
        @(Get-Process -Name dotnet -ErrorAction SilentlyContinue | Where-Object { $_.CommandLine -match [regex]::Escape($Mark) })
    }

    $script:work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-hygiene-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory -Path $work | Out-Null
    $script:pidFile = Join-Path $work 'emulator.pid'
    $script:helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'
    $script:prism = Join-Path $PSScriptRoot '../Contract/PrismMock.psm1'
    $script:children = [Collections.Generic.List[Diagnostics.Process]]::new()
}

AfterAll {
    foreach ($child in $children) { if (-not $child.HasExited) { $child.Kill($true); $child.WaitForExit(10000) | Out-Null } }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Process hygiene: nothing outlives the suite that started it' {
    It 'a suite that fails in its setup, with no AfterAll to stop its emulator, leaves no emulator running' {
        $suite = Join-Path $work 'FailsInSetup.Tests.ps1'
        @"
BeforeAll {
    Import-Module '$helpers' -Force
    `$emu = Start-TestEmulator
    Set-Content -LiteralPath '$pidFile' -Value `$emu.Process.Id
    throw 'setup failed on purpose'
}
Describe 'a suite whose setup fails' { It 'never runs' { `$true | Should -BeTrue } }
"@ | Set-Content $suite
        $runner = Join-Path $work 'run.ps1'
        @'
param($PesterPath, $Suite, $ResultPath)
Import-Module $PesterPath
$config = New-PesterConfiguration
$config.Run.Path = $Suite
$config.Run.PassThru = $true
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config
"$($result.FailedBlocksCount + $result.FailedContainersCount + $result.FailedCount) $($result.PassedCount)" | Set-Content $ResultPath
'@ | Set-Content $runner
        $resultPath = Join-Path $work 'result.txt'
        $child = Start-ChildPwsh $runner @('-PesterPath', (Get-Module Pester).Path, '-Suite', $suite, '-ResultPath', $resultPath)
        $children.Add($child)
        $child.WaitForExit(120000) | Should -BeTrue -Because 'the failing suite ends'

        (Get-Content $resultPath) | Should -Match '^[1-9]\d* 0$' -Because 'its setup failed and no test passed'
        $emulatorPid = [int](Get-Content $pidFile)
        Wait-ProcessGone $emulatorPid | Should -BeTrue -Because "the emulator (pid $emulatorPid) ends with the PowerShell that started it"
    }

    It '<Name> ends when the PowerShell that started it is killed' -ForEach @(
        @{ Name = 'an emulator'; Kind = 'emulator' }
        @{ Name = 'a Prism mock'; Kind = 'prism' }
    ) {
        Remove-Item $pidFile -ErrorAction SilentlyContinue
        $Start = if ($Kind -eq 'emulator') { "Import-Module '$helpers' -Force; `$started = Start-TestEmulator" }
                 else { "Import-Module '$prism' -Force; `$started = Wait-PrismMock (Start-PrismMock -Api V2)" }
        $script = Join-Path $work 'starts.ps1'
        @"
$Start
Set-Content -LiteralPath '$pidFile' -Value `$started.Process.Id
[Threading.Thread]::Sleep([Threading.Timeout]::Infinite)
"@ | Set-Content $script
        $child = Start-ChildPwsh $script @()
        $children.Add($child)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path $pidFile) -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Test-Path $pidFile | Should -BeTrue -Because "the child started $Name"
        $startedPid = [int](Get-Content $pidFile)
        $startedPid | Should -BeGreaterThan 0
        Get-Process -Id $startedPid -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty

        $child.Kill()   # the owner only, as a crash or a CI timeout would
        $child.WaitForExit(10000) | Out-Null
        Wait-ProcessGone $startedPid | Should -BeTrue -Because "$Name (pid $startedPid) notices its owner is gone"
    }

    It 'a start that fails says what the emulator printed and leaves no emulator' {
        $mark = "h$([guid]::NewGuid().ToString('n'))"
        { Start-TestEmulator -Arguments @('--tenant', "us:$mark", '--rate-limit', 'lots') } | Should -Throw '*exited with code 2*--rate-limit*'
        Get-MarkedEmulator $mark | Should -BeNullOrEmpty
    }

    It 'a start that does not finish in time kills the emulator' {
        $mark = "h$([guid]::NewGuid().ToString('n'))"
        { Start-TestEmulator -Arguments @('--tenant', "us:$mark") -TimeoutSeconds 0 } | Should -Throw '*did not listen within 0 s*'
        Get-MarkedEmulator $mark | Should -BeNullOrEmpty
    }
}
