@{
    RootModule           = 'ChatApi.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7c1e-3a52-4d8e-9a1c-6f2e8b4d7a90'
    Author               = 'ChatApi contributors'
    CompanyName          = 'ChatApi'
    Copyright            = '(c) 2026 ChatApi contributors. MIT License.'
    Description          = 'Administer 8x8 Contact Center Chat API V2 from PowerShell: webhooks, channels, conversations, messages, signed webhook events and the V1 to V2 migration.'
    PowerShellVersion    = '7.2'
    CompatiblePSEditions = @('Core')
    CmdletsToExport      = @(
        'Connect-ChatApi'
        'Disconnect-ChatApi'
        'Get-ChatSession'
        'Get-ChatWebhook'
        'New-ChatWebhook'
        'Set-ChatWebhook'
        'Remove-ChatWebhook'
        'Test-ChatWebhook'
        'Get-ChatChannel'
        'New-ChatChannel'
        'Set-ChatChannel'
        'Remove-ChatChannel'
        'Get-ChatConversation'
        'New-ChatConversation'
        'Send-ChatMessage'
        'Get-ChatMessage'
        'Get-ChatParticipant'
        'Close-ChatConversation'
        'Get-ChatJwk'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('8x8', 'ContactCenter', 'Chat', 'Webhook', 'Migration', 'API')
            ProjectUri   = 'https://github.com/chatapi/ChatApi'
            LicenseUri   = 'https://github.com/chatapi/ChatApi/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
