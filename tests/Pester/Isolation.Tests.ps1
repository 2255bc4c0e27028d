# ChatApi beside a module that ships other versions of RestSharp and Polly.Core: each keeps its
# own. The neighbour (tests/Fixtures/ConflictFixture: RestSharp 112.1.0, Polly.Core 8.4.2, loaded
# the ordinary way into the default load context) is built here from NuGet, and every order runs
# in a fresh pwsh, since assemblies never unload from a process.
BeforeDiscovery {
    $script:orders = @('FixtureFirst', 'ChatApiFirst')
}

BeforeAll {
    Import-Module $PSScriptRoot/TestHelpers.psm1 -Force
    $fixtures = Join-Path $PSScriptRoot '../Fixtures'
    $fixtureOut = Join-Path $TestDrive 'ConflictFixture'
    $build = & dotnet build (Join-Path $fixtures 'ConflictFixture/ConflictFixture.csproj') -c Release -o $fixtureOut --nologo -v q 2>&1
    if ($LASTEXITCODE -ne 0) { throw "The fixture module did not build (exit code $LASTEXITCODE): $($build -join [Environment]::NewLine)" }
    $script:fixturePath = Join-Path $fixtureOut 'ConflictFixture.psd1'
    $script:engineDependencies = 'ChatApi.Engine', 'RestSharp', 'Polly.Core', 'System.IO.Hashing', 'Microsoft.Bcl.TimeProvider'

    $script:emu = Start-TestEmulator -Arguments @('--rate-limit', '0')
    $scenario = Join-Path $fixtures 'Isolation/Invoke-IsolationScenario.ps1'
    # The pwsh running these tests, started directly (its apphost, else `dotnet pwsh.dll`).
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $pwshArgs = if (Test-Path $pwsh) { @() } else { $pwsh = 'dotnet'; @(Join-Path $PSHOME 'pwsh.dll') }
    $script:runs = @{}
    foreach ($order in 'FixtureFirst', 'ChatApiFirst', 'ChatApiOnly') {
        $output = & $pwsh @pwshArgs -NoProfile -NonInteractive -File $scenario -Order $order -ModulePath $env:CHATAPI_TEST_MODULE `
            -BaseUri $emu.BaseUri -FixturePath $fixturePath 2>&1
        $json = $output | Where-Object { $_ -is [string] -and $_.StartsWith('{"Order"') } | Select-Object -Last 1
        if (-not $json) { throw "Scenario $order failed (exit code $LASTEXITCODE): $($output -join [Environment]::NewLine)" }
        $script:runs[$order] = $json | ConvertFrom-Json
    }
}

AfterAll {
    Stop-TestEmulator $script:emu
}

Describe 'Isolation: <_>' -ForEach $orders {
    BeforeAll { $script:run = $runs[$_] }

    It 'ChatApi connects and lists webhooks as [ChatApi.Webhook] from the default context' {
        $run.ChatApi.WebhookCount | Should -BeGreaterThan 0
        $run.ChatApi.WebhookType | Should -Be 'ChatApi.Webhook'
        $run.ChatApi.WebhookIsTypeLiteral | Should -BeTrue
        $run.ChatApi.WebhookTypeContext | Should -Be 'Default'
    }

    It 'the fixture module still works and sees its own RestSharp 112.1.0 and Polly.Core 8.4.2' {
        $after = $run.FixtureAfter
        $after.PollyVersion | Should -Be '8.4.2'
        $after.PollyContext | Should -Be 'Default'
        $after.PollyResult | Should -Be 42
        $after.PollyAttempts | Should -Be 2
        $after.RestSharpVersion | Should -Be '112.1.0'
        $after.RestSharpContext | Should -Be 'Default'
        $after.RestSharpUri | Should -Be 'http://fixture.invalid/api/items/7'
    }

    It 'ChatApi uses its own RestSharp 114.1.0 and Polly.Core 8.9.1 in the private context' {
        $mine = $run.Contexts | Where-Object { $_.FromChatApi -and $_.Name -in 'RestSharp', 'Polly.Core' }
        $mine | Should -HaveCount 2
        $mine | ForEach-Object { $_.Context | Should -Be 'ChatApi' }
        ($mine | Where-Object Name -EQ 'RestSharp').Version | Should -Be '114.1.0'
        ($mine | Where-Object Name -EQ 'Polly.Core').Version | Should -Be '8.9.1'
    }

    It 'the default context holds only the fixture''s RestSharp and Polly.Core' {
        $default = $run.Contexts | Where-Object { $_.IsDefault -and $_.Name -in 'RestSharp', 'Polly.Core' }
        $default | Should -HaveCount 2
        $default | ForEach-Object { $_.FromChatApi | Should -BeFalse }
    }
}

Describe 'Isolation: FixtureFirst' {
    It 'the fixture worked before ChatApi was imported' {
        $runs.FixtureFirst.FixtureBefore.PollyVersion | Should -Be '8.4.2'
        $runs.FixtureFirst.FixtureBefore.RestSharpVersion | Should -Be '112.1.0'
    }
}

Describe 'Isolation: ChatApi alone' {
    BeforeAll { $script:run = $runs.ChatApiOnly }

    It 'importing the module and reading every cmdlet''s parameters does not load the engine' {
        $run.ChatApi.EngineLoadedAfterImport | Should -BeFalse -Because "the engine was loaded by: $($run.ChatApi.EngineLoadTrace)"
        $run.ChatApi.EngineLoadedAfterGetCommand | Should -BeFalse -Because "the engine was loaded by: $($run.ChatApi.EngineLoadTrace)"
    }

    It 'no exported type names an engine type in its base types, interfaces or public properties' {
        $run.ChatApi.EngineTypesInPublicSurface | Should -BeNullOrEmpty
        $run.ChatApi.EngineLoadedAfterReflection | Should -BeFalse -Because "the engine was loaded by: $($run.ChatApi.EngineLoadTrace)"
    }

    It 'none of the engine''s assemblies is in the default context' {
        $run.Contexts | Where-Object { $_.IsDefault -and $_.Name -in $engineDependencies } | Should -BeNullOrEmpty
    }

    It 'the engine and its packages load from Dependencies/ into the context named ChatApi' {
        $private = $run.Contexts | Where-Object { -not $_.IsDefault }
        $private.Name | Should -Contain 'ChatApi.Engine'
        $private | ForEach-Object { $_.Context | Should -Be 'ChatApi'; $_.FromChatApi | Should -BeTrue }
    }

    It 'ChatApi, ChatApi.Models and ChatApi.Loader stay in the default context' {
        $default = $run.Contexts | Where-Object IsDefault
        @($default.Name | Sort-Object) | Should -Be @('ChatApi', 'ChatApi.Loader', 'ChatApi.Models')
    }
}

Describe 'Isolation: staged layout' {
    It 'keeps the engine and its packages in Dependencies/, out of the default probing folder' {
        $root = Split-Path $env:CHATAPI_TEST_MODULE -Parent
        foreach ($name in $engineDependencies) {
            Join-Path $root "$name.dll" | Should -Not -Exist
            Join-Path $root "Dependencies/$name.dll" | Should -Exist
        }
        Join-Path $root 'ChatApi.Loader.dll' | Should -Exist
        Join-Path $root 'ChatApi.Models.dll' | Should -Exist
    }
}
