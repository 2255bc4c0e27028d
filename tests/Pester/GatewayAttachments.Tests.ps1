# Chat Gateway attachments (issue 14): Add-, Get- and Save-ChatAttachment and Send-ChatMessage -Attachment
# against the emulator's /chat-gateway/v1 paths over real HTTP. The conversation is made with
# Invoke-RestMethod on the Gateway's path (bench/attachments/New-GatewayConversation.ps1): no cmdlet
# creates Gateway conversations yet.
BeforeAll {
    Import-Module $env:CHATAPI_TEST_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Start-TestEmulator -Arguments '--rate-limit', '0'
    $script:session = Connect-ChatApi -Api Gateway -ApiKey demo-gateway-key -TenantId acme -BaseUri $emu.BaseUri -PassThru
    $script:conv = & (Join-Path $PSScriptRoot '../../bench/attachments/New-GatewayConversation.ps1') -BaseUri $emu.BaseUri -Receiver 'gw-files'
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "chatapi-attachments-$PID"
    New-Item -ItemType Directory -Path $work -Force | Out-Null
    $script:file = Join-Path $work 'report 1.bin'
    $bytes = [byte[]]::new(300KB); [Random]::new(3).NextBytes($bytes); [IO.File]::WriteAllBytes($file, $bytes)

    function Get-ApiCallSince([long] $Mark) { @(Get-EmulatorCall -Emulator $emu -After $Mark | Where-Object Path -like '/chat-gateway/*') }
}
AfterAll {
    Get-ChatSession -All | ForEach-Object { Disconnect-ChatApi -Session $_ }
    Stop-TestEmulator $emu
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Gateway attachments' {
    It 'uploads a file, lists it, reads it, and saves the same bytes to disk' {
        Push-Location $work
        try { $a = Add-ChatAttachment -ConversationId $conv.ConversationId -Path './report 1.bin' }
        finally { Pop-Location }
        $a | Should -BeOfType ChatApi.Attachment
        $a.FileName | Should -Be 'report 1.bin'
        $a.Size | Should -Be 300KB
        $a.ConversationId | Should -Be $conv.ConversationId
        @(Get-ChatAttachment -ConversationId $conv.ConversationId).Id | Should -Contain $a.Id
        (Get-ChatAttachment -ConversationId $conv.ConversationId -AttachmentId $a.Id).FileName | Should -Be 'report 1.bin'

        $saved = $a | Save-ChatAttachment -Destination (Join-Path $work 'copy.bin')
        $saved | Should -BeOfType System.IO.FileInfo
        (Get-FileHash $saved.FullName).Hash | Should -Be (Get-FileHash $file).Hash
    }

    It 'saves into a folder under the attachment''s name, and a Conversation piped in lists its files' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $work 'folder') -Force
        $a = Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $file
        $conversation = [ChatApi.Conversation]@{ Id = $conv.ConversationId }
        $listed = $conversation | Get-ChatAttachment | Where-Object Id -eq $a.Id
        $saved = $listed | Save-ChatAttachment -Destination $folder.FullName
        $saved.FullName | Should -Be (Join-Path $folder.FullName 'report 1.bin')
        (Get-FileHash $saved.FullName).Hash | Should -Be (Get-FileHash $file).Hash
    }

    It 'refuses to overwrite a file without -Force, replaces it with -Force, and leaves no partial file' {
        $a = Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $file
        $target = Join-Path $work 'existing.bin'
        Set-Content -Path $target -Value 'keep me'
        $mark = Get-EmulatorCallMark -Emulator $emu
        $err = $null
        $a | Save-ChatAttachment -Destination $target -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument*'
        $err[0].Exception.Message | Should -BeLike "*'Destination'*exists*-Force*"
        Get-Content $target | Should -Be 'keep me'
        Get-ApiCallSince $mark | Should -BeNullOrEmpty -Because 'an explicit target that exists is refused before any call'

        ($a | Save-ChatAttachment -Destination $target -Force).Length | Should -Be 300KB
        (Get-FileHash $target).Hash | Should -Be (Get-FileHash $file).Hash
        @(Get-ChildItem $work -Force -Filter '*.partial') | Should -BeNullOrEmpty
    }

    It 'saves a whole download whose listed size is off, with a warning naming both sizes' {
        $six = Join-Path $work 'six.bin'
        [IO.File]::WriteAllBytes($six, [Text.Encoding]::ASCII.GetBytes('hello!'))
        $a = Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $six
        # a server whose listing says 4166 bytes while the content is 6 (test-only endpoint)
        $null = Invoke-RestMethod -Method Post "$($emu.BaseUri)/_emulator/conversations/$($conv.ConversationId)/attachments/$($a.Id)/listed-size?size=4166"
        $listed = Get-ChatAttachment -ConversationId $conv.ConversationId -AttachmentId $a.Id
        $listed.Size | Should -Be 4166
        $target = Join-Path $work 'six-copy.bin'
        $saved = $listed | Save-ChatAttachment -Destination $target -WarningVariable warned -WarningAction SilentlyContinue
        $saved.Length | Should -Be 6
        [IO.File]::ReadAllText($target) | Should -Be 'hello!'
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*6 bytes came*4166 bytes*'
        @(Get-ChildItem $work -Force -Filter '*.partial') | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $a = Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $file
        $before = @(Get-ChatAttachment -ConversationId $conv.ConversationId).Count
        $mark = Get-EmulatorCallMark -Emulator $emu
        Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $file -WhatIf
        $a | Save-ChatAttachment -Destination (Join-Path $work 'whatif.bin') -WhatIf
        Send-ChatMessage -ConversationId $conv.ConversationId -Text 'whatif' -Attachment $file -WhatIf
        Get-ApiCallSince $mark | Should -BeNullOrEmpty
        Test-Path (Join-Path $work 'whatif.bin') | Should -BeFalse
        @(Get-ChatAttachment -ConversationId $conv.ConversationId).Count | Should -Be $before
    }

    It 'names the parameter of a bad path before any call: <Case>' -TestCases @(
        @{ Case = 'no such file'; Run = { Add-ChatAttachment -ConversationId $conv.ConversationId -Path (Join-Path $work 'nope.bin') }; Expected = "*'Path'*does not exist*" }
        @{ Case = 'a wildcard that matches nothing'; Run = { Add-ChatAttachment -ConversationId $conv.ConversationId -Path (Join-Path $work 'nope*.bin') }; Expected = "*'Path'*no file matches*" }
        @{ Case = 'a folder'; Run = { Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath $work }; Expected = "*'LiteralPath'*is a folder*" }
        @{ Case = 'another provider'; Run = { Add-ChatAttachment -ConversationId $conv.ConversationId -LiteralPath 'Env:PATH' }; Expected = "*'LiteralPath'*Environment provider*" }
        @{ Case = 'a message''s missing file'; Run = { Send-ChatMessage -ConversationId $conv.ConversationId -Text 'x' -Attachment (Join-Path $work 'nope.pdf') }; Expected = "*'Attachment'*does not exist*" }
        @{ Case = 'a destination in a missing folder'; Run = { Save-ChatAttachment -ConversationId $conv.ConversationId -AttachmentId 'att-1' -Destination (Join-Path $work 'no/such/x.bin') }; Expected = "*'Destination'*does not exist*" }
    ) {
        $mark = Get-EmulatorCallMark -Emulator $emu
        $ErrorActionPreference = 'Stop'
        $err = { & $Run } | Should -Throw -ExpectedMessage $Expected -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ChatApi.InvalidArgument*'
        Get-ApiCallSince $mark | Should -BeNullOrEmpty
    }

    It 'fails on a V2 session before any call, saying to connect to the Chat Gateway' {
        $v2 = Connect-TestSession -Emulator $emu
        try {
            $mark = Get-EmulatorCallMark -Emulator $emu
            { Get-ChatAttachment -Session $v2 -ConversationId $conv.ConversationId -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Chat Gateway only*Chat API V2*-Api Gateway*'
            { Add-ChatAttachment -Session $v2 -ConversationId $conv.ConversationId -LiteralPath $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Chat Gateway only*'
            Get-ApiCallSince $mark | Should -BeNullOrEmpty
        }
        finally { Set-ChatSession -Session $session; Disconnect-ChatApi -Session $v2 }
    }

    It 'sends a message that carries an uploaded file' {
        $sent = Send-ChatMessage -ConversationId $conv.ConversationId -Text 'the report' -Attachment $file
        $sent.Accepted | Should -BeTrue
        $id = @($sent.Attachments)[0].Id
        $id | Should -Not -BeNullOrEmpty
        $messages = (Invoke-RestMethod -Uri "$($emu.BaseUri)/chat-gateway/v1/conversations/$($conv.ConversationId)/messages?size=100" -Headers @{ 'x-api-key' = 'demo-gateway-key' })._embedded.messages
        $carrying = @($messages | Where-Object { $_.attachments.id -contains $id })
        $carrying.Count | Should -Be 1
        $carrying[0].text | Should -Be 'the report'
    }

    It 'delivers an agent''s file to the webhook as MESSAGE with a pre-signed URL that serves its bytes' {
        $bytes = [IO.File]::ReadAllBytes($file)
        $null = Invoke-RestMethod -Method Post -Uri "$($emu.BaseUri)/_emulator/conversations/$($conv.ConversationId)/attachment?fileName=answer.bin&text=Here" -Body $bytes -ContentType 'application/octet-stream'
        $deadline = (Get-Date).AddSeconds(10)
        do {
            $message = @((Invoke-RestMethod -Uri "$($emu.BaseUri)$($conv.Receiver)") | ForEach-Object { $_.body | ConvertFrom-Json } |
                    Where-Object { $_.eventType -eq 'MESSAGE' -and $_.data.attachments.fileName -contains 'answer.bin' })
        } until ($message.Count -or (Get-Date) -gt $deadline)
        $message.Count | Should -Be 1
        $url = $message[0].data.attachments[0].preSignedUrl
        $downloaded = Join-Path $work 'presigned.bin'
        Invoke-WebRequest -Uri $url -OutFile $downloaded
        (Get-FileHash $downloaded).Hash | Should -Be (Get-FileHash $file).Hash
        # The same file through the cmdlets, as the agent's attachment.
        $agentFile = Get-ChatAttachment -ConversationId $conv.ConversationId -AttachmentId $message[0].data.attachments[0].id
        $agentFile.FileName | Should -Be 'answer.bin'
    }
}

Describe 'Gateway attachments: memory' {
    It 'moves 16 MB up and down with pwsh growing by less than 20 MB (peak working set, in a fresh pwsh)' {
        $big = Join-Path $work 'big.bin'
        $chunk = [byte[]]::new(1MB); $random = [Random]::new(9)
        $stream = [IO.File]::Create($big)
        try { foreach ($i in 1..16) { $random.NextBytes($chunk); $stream.Write($chunk, 0, $chunk.Length) } } finally { $stream.Dispose() }
        $pwsh = Get-PwshCommand
        $exe, $rest = $pwsh
        $line = & $exe @rest -NoProfile -File (Join-Path $PSScriptRoot '../../bench/attachments/Measure-Transfer.ps1') -ModulePath $env:CHATAPI_TEST_MODULE `
            -BaseUri $emu.BaseUri -ConversationId $conv.ConversationId -File $big -Destination (Join-Path $work 'big-saved.bin')
        $LASTEXITCODE | Should -Be 0 -Because "$line"
        $row = @($line)[-1] | ConvertFrom-Json
        $row.Same | Should -BeTrue
        $row.Bytes | Should -Be 16MB
        # A file held whole would allocate its 16 MB at least once; streamed, a few buffers do.
        $row.AllocatedBytes | Should -BeLessThan 8MB
        $row.PeakGrowthBytes | Should -BeLessThan 20MB
    }
}
