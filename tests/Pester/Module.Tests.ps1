BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
}

Describe 'The staged module' {
    It 'imports and reports its version' {
        $module = Get-Module ChatApi
        $module | Should -Not -BeNullOrEmpty
        $module.Version | Should -Be ([version](Import-PowerShellDataFile $env:CHATAPI_TEST_MODULE).ModuleVersion)
    }
}
