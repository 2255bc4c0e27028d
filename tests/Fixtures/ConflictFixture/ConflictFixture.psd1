@{
    RootModule        = 'ConflictFixture.dll'
    ModuleVersion     = '1.0.0'
    GUID              = 'c0f1c7f1-0000-4000-8000-000000000001'
    Author            = 'ChatApi contributors'
    Description       = 'Test fixture: a module that ships RestSharp 112.1.0 and Polly.Core 8.4.2 in the default load context.'
    PowerShellVersion = '7.2'
    CmdletsToExport   = @('Get-FixtureDependency')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
