@{
    RootModule           = 'ChatApi.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7c1e-3a52-4d8e-9a1c-6f2e8b4d7a90'
    Author               = 'ChatApi contributors'
    CompanyName          = 'ChatApi'
    Copyright            = '(c) 2026 ChatApi contributors. MIT License.'
    Description          = 'Administer 8x8 Contact Center Chat API V2 from PowerShell: webhooks, channels, conversations, messages, signed webhook events and the V1 to V2 migration.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    # No FormatsToProcess: the views load with the first ChatApi command (ModuleFormats.cs), which keeps import cheap.
    CmdletsToExport      = @(
        'Connect-ChatApi'
        'Disconnect-ChatApi'
        'Get-ChatSession'
        'Set-ChatSession'
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
        'Add-ChatAttachment'
        'Get-ChatAttachment'
        'Save-ChatAttachment'
        'Get-ChatMessage'
        'Get-ChatParticipant'
        'Close-ChatConversation'
        'Set-ChatConversation'
        'Get-ChatInteraction'
        'Send-ChatActivity'
        'Set-ChatPostAgentAssignment'
        'Get-ChatCard'
        'Invoke-ChatCardAction'
        'Get-ChatJwk'
        'Test-ChatWebhookSignature'
        'ConvertFrom-ChatWebhookEvent'
        'Receive-ChatWebhookEvent'
        'Get-ChatMigrationPlan'
        'Invoke-ChatMigration'
        'Undo-ChatMigration'
        'Export-ChatConfiguration'
        'Compare-ChatConfiguration'
        'Import-ChatConfiguration'
        'Invoke-ChatApiRequest'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('8x8', 'ContactCenter', 'Chat', 'Webhook', 'Migration', 'API', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/chatapi/ChatApi'
            LicenseUri   = 'https://github.com/chatapi/ChatApi/blob/main/LICENSE'
            # The section of CHANGELOG.md for ModuleVersion, condensed (Packaging.Tests.ps1 checks they agree).
            ReleaseNotes = @'
## 0.1.0
First release: administer the 8x8 Contact Center Chat API V2 from PowerShell 7.
- Sessions: Connect-ChatApi (us, eu, ca, ap; PSCredential, SecureString or environment variables), tokens refreshed before expiry.
- Webhooks, channels, conversations, messages and participants, with -WhatIf/-Confirm, pipeline binding by id and lists streamed page by page.
- Signed webhook events: JWKs, signature checks, event parsing and a local receiver.
- Migration of V1-era webhooks and channels to V2 through the pipeline (plan, migrate, undo).
- Offline help and about_ChatApi, format views for every output type, tab completion of regions, versions and ids.
- One resilient transport: rate limit, retries honouring Retry-After, per-attempt timeout, Ctrl+C.
- RestSharp and Polly load in a private AssemblyLoadContext, beside modules that ship other versions.
Full notes: CHANGELOG.md
'@
        }
    }
}
