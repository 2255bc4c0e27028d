# Offline help: every exported cmdlet has a synopsis, a description, at least two examples, a
# description for each of its parameters (common parameters aside), and about_ChatApi is there.
BeforeDiscovery {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:Commands = @(Get-Command -Module ChatApi -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    $script:Common = [Management.Automation.PSCmdlet]::CommonParameters
    function Get-Text { param($Node) (@($Node) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join ' ' }
}

Describe 'Help: the module' {
    It 'exports cmdlets' {
        @(Get-Command -Module ChatApi -CommandType Cmdlet).Count | Should -BeGreaterThan 15
    }

    It 'ships the MAML help file and the about topic in en-US' {
        $base = (Get-Module ChatApi).ModuleBase
        Join-Path $base 'en-US/ChatApi.dll-Help.xml' | Should -Exist
        Join-Path $base 'en-US/about_ChatApi.help.txt' | Should -Exist
        { [xml](Get-Content (Join-Path $base 'en-US/ChatApi.dll-Help.xml') -Raw) } | Should -Not -Throw
    }

    It 'has a markdown source for every exported cmdlet' {
        $docs = Join-Path $PSScriptRoot '../../docs/help'
        $missing = @(Get-Command -Module ChatApi -CommandType Cmdlet | Where-Object { -not (Test-Path (Join-Path $docs "$($_.Name).md")) } | ForEach-Object Name)
        $missing | Should -BeNullOrEmpty
    }
}

Describe 'Help: about_ChatApi' {
    BeforeAll { $about = Get-Help about_ChatApi -ErrorAction SilentlyContinue | Out-String }

    It 'is found by Get-Help' {
        $about | Should -Not -BeNullOrEmpty
        $about | Should -Match 'about_ChatApi'
    }

    It 'covers <_>' -ForEach 'Connect-ChatApi', 'CHATAPI_SECRET', 'REGIONS', 'PAGING', 'ERRORS', 'MIGRATION', 'SIGNATURES', 'RUNBOOK', 'CONFIGURATION AS CODE', 'Import-ChatConfiguration' {
        $about | Should -Match ([regex]::Escape($_))
    }
}

Describe 'Help: <Name>' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'comes from the MAML file, not the generated stub' {
        $help.PSObject.TypeNames | Should -Not -Contain 'HelpInfoShort'
        $help.ModuleName | Should -Be 'ChatApi'
    }

    It 'has a synopsis' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell makes the synopsis from the syntax.
        $synopsis | Should -Not -Match "^$([regex]::Escape($Name))\s*(\[|$)"
    }

    It 'has a description' {
        (Get-Text $help.Description).Trim().Length | Should -BeGreaterThan 40
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            "$($example.Code)".Trim() | Should -Not -BeNullOrEmpty
            (Get-Text $example.Remarks).Trim() | Should -Not -BeNullOrEmpty
            "$($example.Code)" | Should -Match ([regex]::Escape($Name)) -Because 'an example shows the cmdlet it documents'
        }
    }

    It 'describes every parameter' {
        $documented = @{}
        foreach ($p in @($help.Parameters.Parameter)) { if ($p) { $documented[$p.Name] = (Get-Text $p.Description).Trim() } }
        $undescribed = foreach ($paramName in $command.Parameters.Keys) {
            if ($paramName -in $Common) { continue }
            if (-not $documented.ContainsKey($paramName) -or -not $documented[$paramName]) { $paramName }
        }
        @($undescribed) | Should -BeNullOrEmpty -Because "every parameter of $Name needs a description"
    }

    It 'gives each parameter its real type' {
        foreach ($p in @($help.Parameters.Parameter)) {
            $actual = $command.Parameters[$p.Name]
            if (-not $actual) { continue }
            $p.Type.Name | Should -Be $actual.ParameterType.FullName -Because "-$($p.Name) of $Name"
        }
    }

    It 'opens, with -Online, 8x8''s reference page of the operation it calls or a section of about_ChatApi' {
        # Get-Help -Online opens the first related link that has a URI.
        $online = @($help.RelatedLinks.NavigationLink | Where-Object { "$($_.uri)" -ne '' })[0].uri
        $online | Should -Match '^(https://developer\.8x8\.com/contactcenter/reference/[a-z]+|https://github\.com/chatapi/ChatApi/blob/main/docs/help/about_ChatApi\.md#[a-z-]+)$'
        if ($online -match '#([a-z-]+)$') {
            $anchor = $Matches[1]
            $sections = Get-Content (Join-Path $PSScriptRoot '../../docs/help/about_ChatApi.md') | Where-Object { $_ -match '^### ' } |
                ForEach-Object { ($_ -replace '^### ', '').ToLowerInvariant() -replace ' ', '-' }
            $sections | Should -Contain $anchor
        }
    }

    It 'has inputs, outputs and related links' {
        @($help.InputTypes.InputType).Count | Should -BeGreaterOrEqual 1
        @($help.ReturnValues.ReturnValue).Count | Should -BeGreaterOrEqual 1
        @($help.RelatedLinks.NavigationLink).Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'Help: -Online goes where the cmdlet''s call is documented' {
    It '<Name> opens <Page>' -TestCases @(
        @{ Name = 'New-ChatWebhook'; Page = 'reference/createwebhook' }
        @{ Name = 'Get-ChatChannel'; Page = 'reference/getchatapichannels' }
        @{ Name = 'Send-ChatMessage'; Page = 'reference/sendmessagetocctransaction' }
        @{ Name = 'Test-ChatWebhook'; Page = 'reference/verifywebhook' }
        @{ Name = 'Invoke-ChatMigration'; Page = 'about_ChatApi.md#migration' }
        @{ Name = 'Import-ChatConfiguration'; Page = 'about_ChatApi.md#configuration-as-code' }
    ) {
        $online = @((Get-Help $Name -Full).RelatedLinks.NavigationLink | Where-Object { "$($_.uri)" -ne '' })[0].uri
        $online | Should -BeLike "*/$Page"
    }
}
