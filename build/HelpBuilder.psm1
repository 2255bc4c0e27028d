<#
HelpBuilder: turns the markdown help sources in docs/help into the files Get-Help reads offline.

    docs/help/<Verb-Noun>.md   ->  <staged>/en-US/ChatApi.dll-Help.xml   (MAML, every cmdlet in one file)
    docs/help/about_*.md       ->  <staged>/en-US/about_*.help.txt      (plain text about topic)

The markdown carries only prose and examples. Everything the code already knows (parameter
types, mandatory, position, pipeline input, aliases, accepted values, defaults, parameter sets,
SupportsPaging, SupportsShouldProcess, OutputType) is read from the compiled cmdlet assembly by
reflection. The assembly is loaded from memory into a collectible AssemblyLoadContext, so the
build neither locks the staged files nor loads the module into the build process.

Cmdlet markdown format (headings are exact; sections may come in any order; text outside them
is ignored):

    # Verb-Noun
    ## SYNOPSIS
    One sentence.
    ## DESCRIPTION
    Paragraphs, separated by blank lines. Lines starting with "- " are kept as list items.
    ## PARAMETERS
    ### -Name
    Paragraphs describing the parameter.
    ## EXAMPLES
    ### Example 1: A title
    ```powershell
    code, shown as is
    ```
    Paragraphs explaining the example.
    ## INPUTS
    ### Type.Name
    Paragraphs.
    ## OUTPUTS
    ### Type.Name
    Paragraphs.
    ## NOTES
    Paragraphs.
    ## RELATED LINKS
    - Other-Command
    - [Text](https://uri)
    - [Online version: ...](8x8:operationId)   8x8's reference page of the operation the cmdlet calls
    - [Online version: ...](about:anchor)      the about_ChatApi section, where it calls several
    The first link with a URI is what Get-Help -Online opens.

INPUTS and OUTPUTS may be left out: inputs then come from the pipeline-bound parameters and
outputs from [OutputType]. -WhatIf/-Confirm and SupportsPaging's -First/-Skip/-IncludeTotalCount
get a standard description unless the markdown gives one.

About topic markdown: "# about_Name", then "## SHORT DESCRIPTION", "## LONG DESCRIPTION" and any
further "## HEADING" / "### Subheading" sections; paragraphs are wrapped at 80 columns, fenced
code is indented and kept as is.
#>
Set-StrictMode -Version Latest

$script:NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$script:NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$script:StandardParameters = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is sent to 8x8.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the first N objects. Fetching stops as soon as they have arrived: no further page is requested.'
    Skip              = 'Skips the first N objects before output starts. Where no local filter applies, the cmdlet starts at the page that holds object N+1, so skipped pages are not downloaded.'
    IncludeTotalCount = 'Part of PowerShell''s standard paging parameters: writes the total number of items the server reports (its page block) before the items, as a PSObject whose ToString() is ''Total count: N''. Where the list filters on this side (-Version, -WebhookId), the server''s total does not apply and none is written.'
}

# ---------------------------------------------------------------- markdown

function ConvertFrom-HelpMarkdown {
    # Splits one markdown file into { Title; Sections = ordered H2 -> @{ Text = lines; Subs = ordered H3 -> lines } }.
    param([string] $Path)
    $doc = [ordered]@{ Title = $null; Sections = [ordered]@{} }
    $section = $null; $sub = $null; $inFence = $false
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        elseif (-not $inFence) {
            if ($line -match '^#\s+(.+?)\s*$') { $doc.Title = $Matches[1]; continue }
            if ($line -match '^##\s+(.+?)\s*$') {
                $section = @{ Text = [Collections.Generic.List[string]]::new(); Subs = [ordered]@{} }
                $doc.Sections[$Matches[1].ToUpperInvariant()] = $section; $sub = $null; continue
            }
            if ($line -match '^###\s+(.+?)\s*$' -and $section) {
                $sub = [Collections.Generic.List[string]]::new()
                $section.Subs[$Matches[1]] = $sub; continue
            }
        }
        if ($null -ne $sub) { $sub.Add($line) } elseif ($section) { $section.Text.Add($line) }
    }
    $doc
}

function Split-Paragraph {
    # Lines -> paragraphs: blank lines separate; "- " list items stay one paragraph each; fenced code is one paragraph kept as is.
    param([string[]] $Lines)
    $paras = [Collections.Generic.List[string]]::new()
    $current = [Collections.Generic.List[string]]::new()
    $fence = $null
    $flush = { if ($current.Count) { $paras.Add(($current -join ' ').Trim()); $current.Clear() } }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($null -eq $fence) { & $flush; $fence = [Collections.Generic.List[string]]::new() }
            else { $paras.Add([char]1 + ($fence -join "`n")); $fence = $null }
            continue
        }
        if ($null -ne $fence) { $fence.Add($line); continue }
        if ([string]::IsNullOrWhiteSpace($line)) { & $flush; continue }
        if ($line -match '^\s*[-*]\s+') { & $flush }
        $current.Add($line.Trim())
    }
    & $flush
    , $paras.ToArray()
}

function Get-FencedCode {
    # The example: its code (first fence) and the remark paragraphs (everything else).
    param([string[]] $Lines)
    $code = [Collections.Generic.List[string]]::new(); $rest = [Collections.Generic.List[string]]::new()
    $state = 0 # 0 before, 1 inside, 2 after the first fence
    foreach ($line in $Lines) {
        if ($state -lt 2 -and $line -match '^\s*```') { $state++; continue }
        if ($state -eq 1) { $code.Add($line) } else { $rest.Add($line) }
    }
    @{ Code = ($code -join "`n"); Remarks = (Split-Paragraph $rest) }
}

# ---------------------------------------------------------------- reflection

function Get-CmdletInfoFromAssembly {
    # Loads the cmdlet assembly (and, on demand, its neighbours) from memory into a collectible
    # AssemblyLoadContext and describes every public cmdlet in it.
    param([string] $ModuleFolder, [string] $AssemblyName = 'ChatApi.dll')
    $alc = [Runtime.Loader.AssemblyLoadContext]::new('ChatApi.HelpBuilder', $true)
    $dlls = @{}
    foreach ($f in [IO.Directory]::GetFiles($ModuleFolder, '*.dll', [IO.SearchOption]::AllDirectories)) {
        $base = [IO.Path]::GetFileNameWithoutExtension($f)
        if (-not $dlls.ContainsKey($base)) { $dlls[$base] = $f }
    }
    $load = { param([string] $path) $alc.LoadFromStream([IO.MemoryStream]::new([IO.File]::ReadAllBytes($path))) }
    # Neighbours first, so the cmdlet assembly's references resolve inside this context.
    foreach ($name in 'ChatApi.Models', 'ChatApi.Engine') { if ($dlls.ContainsKey($name)) { $null = & $load $dlls[$name] } }
    $assembly = & $load ([IO.Path]::Combine($ModuleFolder, $AssemblyName))
    $resolver = [Func[Runtime.Loader.AssemblyLoadContext, Reflection.AssemblyName, Reflection.Assembly]] {
        param($context, $name)
        if ($dlls.ContainsKey($name.Name)) { & $load $dlls[$name.Name] } else { $null }
    }.GetNewClosure()
    $alc.add_Resolving($resolver)
    try {
        $types = try { $assembly.GetExportedTypes() } catch [Reflection.ReflectionTypeLoadException] { $_.Exception.Types | Where-Object { $_ } }
        foreach ($type in $types) {
            $attrs = $type.GetCustomAttributes([Management.Automation.CmdletAttribute], $false)
            if ($attrs.Length -eq 0 -or $type.IsAbstract) { continue }
            $attr = $attrs[0]
            $meta = [Management.Automation.CommandMetadata]::new($type)
            $instance = try { [Activator]::CreateInstance($type) } catch { $null }
            $outputs = [Collections.Generic.List[string]]::new()
            foreach ($o in $type.GetCustomAttributes([Management.Automation.OutputTypeAttribute], $true)) { foreach ($t in $o.Type) { if (-not $outputs.Contains($t.Name)) { $outputs.Add($t.Name) } } }
            $params = [ordered]@{}
            foreach ($p in $meta.Parameters.Values) {
                $default = $null
                if ($instance) {
                    $prop = $type.GetProperty($p.Name)
                    $value = if ($prop) { try { $prop.GetValue($instance) } catch { $null } }
                    if ($value -is [Management.Automation.SwitchParameter]) { $default = 'False' }
                    elseif ($null -ne $value -and -not ($value -is [ValueType] -and $value -eq [Activator]::CreateInstance($value.GetType()))) { $default = [string]$value }
                }
                $params[$p.Name] = [pscustomobject]@{
                    Name     = $p.Name
                    Type     = $p.ParameterType
                    Aliases  = @($p.Aliases)
                    Sets     = $p.ParameterSets
                    Values   = @(foreach ($a in $p.Attributes) { if ($a -is [Management.Automation.ValidateSetAttribute]) { $a.ValidValues } })
                    Default  = $default
                    Dynamic  = $false
                }
            }
            $extra = [ordered]@{}
            if ($meta.SupportsPaging) { $extra.First = [uint64]; $extra.Skip = [uint64]; $extra.IncludeTotalCount = [Management.Automation.SwitchParameter] }
            if ($meta.SupportsShouldProcess) { $extra.WhatIf = [Management.Automation.SwitchParameter]; $extra.Confirm = [Management.Automation.SwitchParameter] }
            foreach ($name in $extra.Keys) {
                $params[$name] = [pscustomobject]@{
                    Name = $name; Type = $extra[$name]; Aliases = @(@{ WhatIf = 'wi'; Confirm = 'cf' }[$name]).Where({ $_ }); Sets = $null; Values = @()
                    Default = if ($extra[$name] -eq [Management.Automation.SwitchParameter]) { 'False' } else { $null }; Dynamic = $true
                }
            }
            [pscustomobject]@{
                Name       = "$($attr.VerbName)-$($attr.NounName)"
                Verb       = $attr.VerbName
                Noun       = $attr.NounName
                DefaultSet = $attr.DefaultParameterSetName
                Parameters = $params
                Outputs    = $outputs
            }
        }
    }
    finally {
        $alc.remove_Resolving($resolver)
        $alc.Unload()
    }
}

function Format-TypeName {
    param([Type] $Type)
    if ($Type -eq [Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $Type.Name
}

function Get-PipelineText {
    param($Parameter, [string] $Set)
    if (-not $Parameter.Sets) { return 'False' }
    $entries = if ($Set -and $Parameter.Sets.ContainsKey($Set)) { @($Parameter.Sets[$Set]) } else { @($Parameter.Sets.Values) }
    $byValue = $false; $byName = $false
    foreach ($e in $entries) { $byValue = $byValue -or $e.ValueFromPipeline; $byName = $byName -or $e.ValueFromPipelineByPropertyName }
    if ($byValue -and $byName) { 'True (ByPropertyName, ByValue)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
}

function Get-ParameterSetEntry {
    # The ParameterSetMetadata for one set (or the all-sets entry).
    param($Parameter, [string] $Set)
    if (-not $Parameter.Sets) { return $null }
    if ($Set -and $Parameter.Sets.ContainsKey($Set)) { return $Parameter.Sets[$Set] }
    if ($Parameter.Sets.ContainsKey('__AllParameterSets')) { return $Parameter.Sets['__AllParameterSets'] }
    @($Parameter.Sets.Values)[0]
}

# ---------------------------------------------------------------- MAML

function Write-Para {
    param([Xml.XmlWriter] $W, [string[]] $Paragraphs)
    $W.WriteStartElement('maml', 'description', $script:NsMaml)
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $script:NsMaml, $p.TrimStart([char]1)) }
    $W.WriteEndElement()
}

function Write-MamlParameter {
    param([Xml.XmlWriter] $W, $Parameter, [string] $Set, [string[]] $Description)
    $entry = Get-ParameterSetEntry $Parameter $Set
    $position = if ($entry -and $entry.Position -ge 0) { [string]$entry.Position } else { 'named' }
    $required = if ($entry -and $entry.IsMandatory) { 'true' } else { 'false' }
    $isSwitch = $Parameter.Type -eq [Management.Automation.SwitchParameter]
    $W.WriteStartElement('command', 'parameter', $script:NsCommand)
    $W.WriteAttributeString('required', $required)
    $W.WriteAttributeString('variableLength', $(if ($Parameter.Type.IsArray) { 'true' } else { 'false' }))
    $W.WriteAttributeString('globbing', 'false')
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $Parameter $Set))
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $script:NsMaml, $Parameter.Name)
    Write-Para $W $Description
    if ($Parameter.Values.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $script:NsCommand)
        foreach ($v in $Parameter.Values) {
            $W.WriteStartElement('command', 'parameterValue', $script:NsCommand)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('command', 'variableLength', $script:NsCommand, 'false')
            $W.WriteString($v); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    if (-not $isSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $script:NsCommand)
        $W.WriteAttributeString('required', 'true'); $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString((Format-TypeName $Parameter.Type)); $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $script:NsDev)
    $W.WriteElementString('maml', 'name', $script:NsMaml, $Parameter.Type.FullName)
    $W.WriteElementString('maml', 'uri', $script:NsMaml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $script:NsDev, $(if ($Parameter.Default) { $Parameter.Default } else { 'None' }))
    $W.WriteEndElement()
}

function Write-MamlCommand {
    param([Xml.XmlWriter] $W, $Info, $Doc)
    $sections = $Doc.Sections
    $text = { param($name) if ($sections.Contains($name)) { Split-Paragraph $sections[$name].Text } else { @() } }
    $paramDocs = @{}
    if ($sections.Contains('PARAMETERS')) {
        foreach ($key in $sections['PARAMETERS'].Subs.Keys) { $paramDocs[$key.TrimStart('-').Trim()] = @(Split-Paragraph $sections['PARAMETERS'].Subs[$key]) }
    }
    $describe = {
        param($p)
        if ($paramDocs.ContainsKey($p.Name) -and $paramDocs[$p.Name].Count) { $paramDocs[$p.Name] }
        elseif ($script:StandardParameters.ContainsKey($p.Name) -and $p.Dynamic) { , $script:StandardParameters[$p.Name] }
        else { @() }
    }

    $W.WriteStartElement('command', 'command', $script:NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $script:NsMaml)
    $W.WriteAttributeString('xmlns', 'command', $null, $script:NsCommand)
    $W.WriteAttributeString('xmlns', 'dev', $null, $script:NsDev)
    $W.WriteStartElement('command', 'details', $script:NsCommand)
    $W.WriteElementString('command', 'name', $script:NsCommand, $Info.Name)
    $W.WriteElementString('command', 'verb', $script:NsCommand, $Info.Verb)
    $W.WriteElementString('command', 'noun', $script:NsCommand, $Info.Noun)
    Write-Para $W (& $text 'SYNOPSIS')
    $W.WriteEndElement()
    Write-Para $W (& $text 'DESCRIPTION')

    # Syntax: one item per parameter set, default set first.
    $sets = [Collections.Generic.List[string]]::new()
    foreach ($p in $Info.Parameters.Values) { if ($p.Sets) { foreach ($s in $p.Sets.Keys) { if ($s -ne '__AllParameterSets' -and -not $sets.Contains($s)) { $sets.Add($s) } } } }
    if ($Info.DefaultSet -and $sets.Remove($Info.DefaultSet)) { $sets.Insert(0, $Info.DefaultSet) }
    if ($sets.Count -eq 0) { $sets.Add('__AllParameterSets') }
    $W.WriteStartElement('command', 'syntax', $script:NsCommand)
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $script:NsCommand)
        $W.WriteElementString('maml', 'name', $script:NsMaml, $Info.Name)
        # Positional parameters by position, then the named ones in declaration order, then -First/-WhatIf and co.
        $ranks = [Collections.Generic.List[int]]::new(); $items = [Collections.Generic.List[object]]::new()
        $i = 0
        foreach ($p in $Info.Parameters.Values) {
            $i++
            if ($p.Sets -and -not ($p.Sets.ContainsKey($set) -or $p.Sets.ContainsKey('__AllParameterSets'))) { continue }
            $e = Get-ParameterSetEntry $p $set
            $rank = if ($p.Dynamic) { 200000 + $i } elseif ($e -and $e.Position -ge 0) { $e.Position } else { 100000 + $i }
            $ranks.Add($rank); $items.Add($p)
        }
        $rankArray = $ranks.ToArray(); $itemArray = $items.ToArray()
        [Array]::Sort($rankArray, $itemArray)
        foreach ($p in $itemArray) { Write-MamlParameter $W $p $set (& $describe $p) }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $script:NsCommand)
    foreach ($p in $Info.Parameters.Values) { Write-MamlParameter $W $p $null (& $describe $p) }
    $W.WriteEndElement()

    # Inputs: the markdown's, or what the pipeline-bound parameters take.
    $W.WriteStartElement('command', 'inputTypes', $script:NsCommand)
    $inputs = [ordered]@{}
    if ($sections.Contains('INPUTS') -and $sections['INPUTS'].Subs.Count) { foreach ($k in $sections['INPUTS'].Subs.Keys) { $inputs[$k] = Split-Paragraph $sections['INPUTS'].Subs[$k] } }
    else {
        foreach ($p in $Info.Parameters.Values) {
            $pipe = Get-PipelineText $p $null
            if ($pipe -ne 'False') { $inputs["$($p.Type.FullName) ($($p.Name))"] = , "-$($p.Name) accepts pipeline input: $($pipe -replace '^True ', '')." }
        }
        if ($inputs.Count -eq 0) { $inputs['None'] = , 'This cmdlet does not take pipeline input.' }
    }
    foreach ($k in $inputs.Keys) {
        $W.WriteStartElement('command', 'inputType', $script:NsCommand)
        $W.WriteStartElement('dev', 'type', $script:NsDev); $W.WriteElementString('maml', 'name', $script:NsMaml, $k); $W.WriteEndElement()
        Write-Para $W $inputs[$k]
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'returnValues', $script:NsCommand)
    $outputs = [ordered]@{}
    if ($sections.Contains('OUTPUTS') -and $sections['OUTPUTS'].Subs.Count) { foreach ($k in $sections['OUTPUTS'].Subs.Keys) { $outputs[$k] = Split-Paragraph $sections['OUTPUTS'].Subs[$k] } }
    elseif ($Info.Outputs.Count) { foreach ($o in $Info.Outputs) { $outputs[$o] = @() } }
    else { $outputs['None'] = , 'This cmdlet writes no output.' }
    foreach ($k in $outputs.Keys) {
        $W.WriteStartElement('command', 'returnValue', $script:NsCommand)
        $W.WriteStartElement('dev', 'type', $script:NsDev); $W.WriteElementString('maml', 'name', $script:NsMaml, $k); $W.WriteEndElement()
        Write-Para $W $outputs[$k]
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $notes = @(& $text 'NOTES')
    if ($notes.Count) {
        $W.WriteStartElement('maml', 'alertSet', $script:NsMaml)
        $W.WriteStartElement('maml', 'alert', $script:NsMaml)
        foreach ($n in $notes) { $W.WriteElementString('maml', 'para', $script:NsMaml, $n.TrimStart([char]1)) }
        $W.WriteEndElement(); $W.WriteEndElement()
    }

    $W.WriteStartElement('command', 'examples', $script:NsCommand)
    if ($sections.Contains('EXAMPLES')) {
        foreach ($title in $sections['EXAMPLES'].Subs.Keys) {
            $example = Get-FencedCode $sections['EXAMPLES'].Subs[$title]
            $W.WriteStartElement('command', 'example', $script:NsCommand)
            $W.WriteElementString('maml', 'title', $script:NsMaml, "--------- $title ---------")
            $W.WriteElementString('dev', 'code', $script:NsDev, $example.Code)
            $W.WriteStartElement('dev', 'remarks', $script:NsDev)
            foreach ($r in $example.Remarks) { $W.WriteElementString('maml', 'para', $script:NsMaml, $r.TrimStart([char]1)) }
            $W.WriteElementString('maml', 'para', $script:NsMaml, '') # a blank line before the next example
            $W.WriteEndElement()
            $W.WriteEndElement()
        }
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $script:NsCommand)
    if ($sections.Contains('RELATED LINKS')) {
        foreach ($line in $sections['RELATED LINKS'].Text) {
            if ($line -notmatch '^\s*[-*]\s+(.+?)\s*$') { continue }
            $item = $Matches[1]; $uri = ''
            if ($item -match '^\[(.+?)\]\((.+?)\)$') { $item = $Matches[1]; $uri = $Matches[2] }
            $uri = Resolve-HelpLinkUri $uri
            $W.WriteStartElement('maml', 'navigationLink', $script:NsMaml)
            $W.WriteElementString('maml', 'linkText', $script:NsMaml, $item)
            $W.WriteElementString('maml', 'uri', $script:NsMaml, $uri)
            $W.WriteEndElement()
        }
    }
    $W.WriteEndElement()
    $W.WriteEndElement()
}

# ---------------------------------------------------------------- about topics

function ConvertTo-AboutText {
    param($Doc, [int] $Width = 80)
    $sb = [Text.StringBuilder]::new()
    $wrap = {
        param([string] $text, [int] $indent)
        $pad = ' ' * $indent; $line = $pad
        foreach ($word in ($text -split '\s+' | Where-Object { $_ })) {
            if ($line.Length -gt $indent -and $line.Length + 1 + $word.Length -gt $Width) { $null = $sb.AppendLine($line.TrimEnd()); $line = $pad }
            $line += $(if ($line.Length -gt $indent) { ' ' } else { '' }) + $word
        }
        if ($line.Trim()) { $null = $sb.AppendLine($line.TrimEnd()) }
    }
    $body = {
        param([string[]] $lines, [int] $indent)
        foreach ($p in (Split-Paragraph $lines)) {
            if ($p.StartsWith([char]1)) {
                foreach ($c in $p.Substring(1) -split "`n") { $null = $sb.AppendLine(((' ' * ($indent + 4)) + $c).TrimEnd()) }
            }
            elseif ($p -match '^[-*]\s+(.*)$') { & $wrap ('- ' + $Matches[1]) $indent }
            else { & $wrap $p $indent }
            $null = $sb.AppendLine()
        }
    }
    $null = $sb.AppendLine('TOPIC').AppendLine("    $($Doc.Title)").AppendLine()
    foreach ($name in $Doc.Sections.Keys) {
        $section = $Doc.Sections[$name]
        $null = $sb.AppendLine($name)
        & $body $section.Text 4
        foreach ($subName in $section.Subs.Keys) {
            $null = $sb.AppendLine("  $($subName.ToUpperInvariant())")
            & $body $section.Subs[$subName] 4
        }
    }
    $sb.ToString()
}

# ---------------------------------------------------------------- entry point

function Build-ChatHelp {
    <#
    .SYNOPSIS
        Writes <ModuleFolder>/en-US/ChatApi.dll-Help.xml and the about_*.help.txt topics from docs/help.
        Returns the names of cmdlets that have no markdown (they still get generated help with types).
    #>
    param(
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $ModuleFolder,
        [string] $AssemblyName = 'ChatApi.dll',
        [string] $Culture = 'en-US',
        # Where the last output is kept with a hash of its inputs (the markdown, this generator, the
        # cmdlet assembly): an unchanged build copies it instead of generating again.
        [string] $CachePath
    )
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $ModuleFolder = [IO.Path]::GetFullPath($ModuleFolder, $PWD.ProviderPath)
    $DocsPath = [IO.Path]::GetFullPath($DocsPath, $PWD.ProviderPath)
    if (-not $CachePath) { $CachePath = [IO.Path]::Combine([IO.Path]::GetDirectoryName($ModuleFolder.TrimEnd('/', '\')), 'help-cache') }
    $outDir = [IO.Path]::Combine($ModuleFolder, $Culture)
    $null = [IO.Directory]::CreateDirectory($outDir)

    $inputs = [Collections.Generic.List[string]]::new()
    $inputs.Add($PSCommandPath); $inputs.Add([IO.Path]::Combine($ModuleFolder, $AssemblyName))
    foreach ($f in [IO.Directory]::GetFiles($DocsPath, '*.md')) { $inputs.Add($f) }
    $sha = [Security.Cryptography.IncrementalHash]::CreateHash([Security.Cryptography.HashAlgorithmName]::SHA256)
    foreach ($f in $inputs) { $sha.AppendData([Text.Encoding]::UTF8.GetBytes([IO.Path]::GetFileName($f))); $sha.AppendData([IO.File]::ReadAllBytes($f)) }
    $key = [Convert]::ToHexString($sha.GetHashAndReset())
    $keyFile = [IO.Path]::Combine($CachePath, 'inputs.sha256')
    if ([IO.File]::Exists($keyFile) -and [IO.File]::ReadAllText($keyFile) -eq $key) {
        foreach ($f in [IO.Directory]::GetFiles($CachePath)) { if ($f -ne $keyFile) { [IO.File]::Copy($f, [IO.Path]::Combine($outDir, [IO.Path]::GetFileName($f)), $true) } }
        Write-Host "Help: unchanged, copied from $CachePath ($($clock.ElapsedMilliseconds) ms)" -ForegroundColor DarkGray
        return
    }
    $cmdlets = [Collections.Generic.List[object]]::new()
    foreach ($c in Get-CmdletInfoFromAssembly -ModuleFolder $ModuleFolder -AssemblyName $AssemblyName) { $cmdlets.Add($c) }
    $names = foreach ($c in $cmdlets) { $c.Name }
    $cmdletArray = $cmdlets.ToArray(); [Array]::Sort([string[]]$names, $cmdletArray, [StringComparer]::Ordinal)

    $settings = [Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $writer = [Xml.XmlWriter]::Create([IO.Path]::Combine($outDir, "$AssemblyName-Help.xml"), $settings)
    $missing = [Collections.Generic.List[string]]::new()
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($info in $cmdletArray) {
            $md = [IO.Path]::Combine($DocsPath, "$($info.Name).md")
            $doc = if ([IO.File]::Exists($md)) { ConvertFrom-HelpMarkdown $md } else { $missing.Add($info.Name); @{ Title = $info.Name; Sections = [ordered]@{} } }
            Write-MamlCommand $writer $info $doc
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }

    foreach ($about in [IO.Directory]::GetFiles($DocsPath, 'about_*.md')) {
        $doc = ConvertFrom-HelpMarkdown $about
        [IO.File]::WriteAllText([IO.Path]::Combine($outDir, [IO.Path]::GetFileNameWithoutExtension($about) + '.help.txt'), (ConvertTo-AboutText $doc), [Text.UTF8Encoding]::new($false))
    }
    if ($missing.Count) { Write-Warning "No help markdown for: $($missing -join ', ')" }
    if ([IO.Directory]::Exists($CachePath)) { [IO.Directory]::Delete($CachePath, $true) }
    $null = [IO.Directory]::CreateDirectory($CachePath)
    foreach ($f in [IO.Directory]::GetFiles($outDir)) { [IO.File]::Copy($f, [IO.Path]::Combine($CachePath, [IO.Path]::GetFileName($f)), $true) }
    [IO.File]::WriteAllText($keyFile, $key)
    Write-Host "Help: $($cmdlets.Count) cmdlets and the about topics generated ($($clock.ElapsedMilliseconds) ms)" -ForegroundColor DarkGray
    $missing
}

# Where Get-Help -Online goes: 8x8's reference page of an operation (by the operationId of
# 8x8's OpenAPI description), or a section of about_ChatApi on the project site.
$script:ReferenceBase = 'https://developer.8x8.com/contactcenter/reference/'
$script:AboutBase = 'https://github.com/chatapi/ChatApi/blob/main/docs/help/about_ChatApi.md#'

function Resolve-HelpLinkUri {
    <# Expands the short forms 8x8:operationId and about:anchor of a RELATED LINKS URI. #>
    param([string] $Uri)
    if ($Uri -match '^8x8:([a-z0-9-]+)$') { return $script:ReferenceBase + $Matches[1] }
    if ($Uri -match '^about:([a-z0-9-]+)$') { return $script:AboutBase + $Matches[1] }
    $Uri
}

Export-ModuleMember -Function Build-ChatHelp, ConvertFrom-HelpMarkdown, Get-CmdletInfoFromAssembly
