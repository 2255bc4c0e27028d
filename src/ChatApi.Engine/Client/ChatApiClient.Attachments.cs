using System.Globalization;
using System.IO;

namespace ChatApi.Engine;

/// <summary>
/// A conversation's attachments (Chat Gateway sessions): list, read, upload from a file and save to a
/// file, both streamed (never whole in memory), and a message that sends uploaded files.
/// </summary>
public sealed partial class ChatApiClient
{
    /// <summary>The slowest link a transfer's attempt timeout allows for: 256 KiB/s on top of the usual timeout.</summary>
    public const long TransferFloorBytesPerSecond = 256 * 1024;

    /// <summary>The wire's attachments; a clear error, before any call, on an API that has none.</summary>
    private IAttachmentContract AttachmentWire => wire.Attachments ?? throw new ChatApiException(ChatErrorKind.InvalidArgument,
        $"Attachments are served by the Chat Gateway only, and this session speaks {ChatValues.ApiTitle(wire.Api)}: connect with Connect-ChatApi -Api Gateway for them.");

    private string AttachmentsPath(string conversationId) =>
        AttachmentWire.Path(ItemPath(Families.Conversations, conversationId, "ConversationId"));

    private string AttachmentPath(string conversationId, string attachmentId) =>
        $"{AttachmentsPath(conversationId)}/{Segment(attachmentId, "AttachmentId")}";

    private TimeSpan TransferTimeout(long bytes) => resilience.AttemptTimeout + TimeSpan.FromSeconds(bytes / (double)TransferFloorBytesPerSecond);

    public Task ListAttachmentsAsync(string conversationId, Action<Attachment> emit, CallContext ctx) =>
        ListPagesAsync(AttachmentsPath(conversationId), null, null, 0, e => AttachmentWire.Read(e, conversationId, tenant), a => a.Id, emit, ctx,
            $"Listing the attachments of conversation {conversationId}");

    public Task<Attachment> GetAttachmentAsync(string conversationId, string attachmentId, CallContext ctx) =>
        CallAsync(new ApiRequest("GET", AttachmentPath(conversationId, attachmentId)), (e, r) => AttachmentWire.Read(e, conversationId, tenant), ctx,
            $"Reading attachment {attachmentId} of conversation {conversationId}");

    /// <summary>
    /// Uploads the file at <paramref name="path"/> (a full file-system path) as multipart/form-data, read
    /// from disk as it is sent. A lost answer is not repeated blindly: the conversation's attachments are
    /// read for a new one of this name and size first. <paramref name="progress"/> hears (bytes sent, file size).
    /// </summary>
    public Task<Attachment> UploadAttachmentAsync(string conversationId, string path, string authorType, Action<long, long> progress, CallContext ctx)
    {
        var contract = AttachmentWire;
        authorType = authorType ?? ChatValues.User;
        ChatRules.Require("AuthorType", ChatRules.CheckAuthorType(authorType));
        var file = RequireFile(path, "Path");
        var transfer = new StreamTransfer
        {
            PartName = contract.FilePart,
            FileName = file.Name,
            OpenSource = () => new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, StreamTransfer.ChunkBytes, FileOptions.SequentialScan),
            SourceLength = file.Length,
            Progress = progress == null ? (Action<long>)null : sent => progress(sent, file.Length),
        };
        transfer.Fields.AddRange(contract.UploadFields(authorType));
        var request = new ApiRequest("POST", AttachmentsPath(conversationId)) { Transfer = transfer, AttemptTimeout = TransferTimeout(file.Length) };
        string size = file.Length.ToString(CultureInfo.InvariantCulture);
        var check = new CreateCheck<Attachment>($"the attachment '{file.Name}' ({size} bytes) in conversation {conversationId}",
            $"look for it with Get-ChatAttachment -ConversationId {conversationId}",
            c => MatchesAsync<Attachment>(emit => ListAttachmentsAsync(conversationId, emit, c),
                a => a.FileName == file.Name && a.Size == file.Length, a => a.Id), before: true,
            identity: $"attachment\n{conversationId}\n{file.Name}\n{size}");
        string what = $"Uploading '{file.Name}' to conversation {conversationId}";
        return CreateAsync(request, response => Map(response, (e, r) =>
        {
            var attachment = contract.Read(e, conversationId, tenant);
            if (string.IsNullOrEmpty(attachment.Id))
                throw new ChatApiException(ChatErrorKind.InvalidResponse, $"{what}: the server accepted the file but sent no attachment id.", response.StatusCode, "POST", request.Path);
            return attachment;
        }, what), check, ctx, what);
    }

    /// <summary>
    /// Saves an attachment's content to <paramref name="destination"/> (a full path: a file, or a folder that
    /// takes the attachment's name), streamed to a partial file that becomes the target once whole. An
    /// existing file is replaced only with <paramref name="force"/>. <paramref name="progress"/> hears (bytes, size or -1).
    /// </summary>
    public async Task<FileInfo> SaveAttachmentAsync(string conversationId, string attachmentId, string destination, bool force,
        Action<long, long> progress, CallContext ctx)
    {
        var contract = AttachmentWire;
        ChatRules.Require("Destination", string.IsNullOrEmpty(destination) ? "must not be empty" : null);
        if (!Directory.Exists(destination)) ChatRules.Require("Destination", AttachmentFiles.CheckTarget(destination, force));
        var attachment = await GetAttachmentAsync(conversationId, attachmentId, ctx).ConfigureAwait(false);
        string target = AttachmentFiles.TargetOf(destination, attachment.FileName, attachmentId);
        ChatRules.Require("Destination", AttachmentFiles.CheckTarget(target, force));
        long size = attachment.Size ?? -1;
        string partial = AttachmentFiles.PartialOf(target);
        var request = new ApiRequest("GET", contract.ContentPath(AttachmentPath(conversationId, attachmentId)))
        {
            Transfer = new StreamTransfer
            {
                OpenDestination = () => new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, StreamTransfer.ChunkBytes),
                Progress = progress == null ? (Action<long>)null : got => progress(got, size),
            },
            AttemptTimeout = TransferTimeout(Math.Max(0, size)),
        };
        string what = $"Downloading attachment {attachmentId} of conversation {conversationId}";
        try
        {
            var response = await SendCheckedAsync(request, ctx, what).ConfigureAwait(false);
            long got = new FileInfo(partial).Length;
            if (size >= 0 && got != size)
            {
                // A cut transfer never gets here (the transfer fails). What the HTTP layer saw end as framed is
                // the file the server holds, whatever its listing says; a body that only ended with its
                // connection may have been cut, so it is not taken.
                if (!StreamTransfer.EndedAsFramed(response))
                    throw new ChatApiException(ChatErrorKind.InvalidResponse, $"{what}: {got} bytes came, the attachment has {size}, and the answer gave neither its length nor chunks, so a cut transfer cannot be told from a whole one; nothing was saved.", 200, "GET", request.Path);
                ctx.Log.Warning($"{what}: {got} bytes came and the transfer was complete, but the attachment is listed with {size} bytes; saved the {got} bytes that came.");
            }
            AttachmentFiles.Commit(partial, target, force);
        }
        finally { AttachmentFiles.Discard(partial); }
        return new FileInfo(target);
    }

    /// <summary>
    /// Uploads the files at <paramref name="paths"/>, then sends one message of <paramref name="text"/> (may be
    /// empty) referring to them. Every path is checked before any call. A lost answer to the message is
    /// not repeated blindly: the conversation's messages are read for one naming these (new) attachments.
    /// <paramref name="progress"/> hears (file name, bytes sent, file size).
    /// </summary>
    public async Task<SentMessage> SendMessageWithAttachmentsAsync(string conversationId, MessageRequest message, IReadOnlyList<string> paths,
        Action<string, long, long> progress, CallContext ctx)
    {
        var contract = AttachmentWire;
        ChatRules.Require("Attachment", paths == null || paths.Count == 0 ? "name at least one file" : null);
        var files = paths.Select(p => RequireFile(p, "Attachment")).ToList();
        ChatRules.Require(message.Check(Conversations.RichMessages, ChatValues.ApiTitle(wire.Api), withAttachments: true));
        var uploaded = new List<Attachment>();
        foreach (var f in files)
            uploaded.Add(await UploadAttachmentAsync(conversationId, f.FullName, message.AuthorType, progress == null ? (Action<long, long>)null : (sent, total) => progress(f.Name, sent, total), ctx)
                .ConfigureAwait(false));
        var ids = uploaded.Select(a => a.Id).ToList();
        message.AttachmentIds.AddRange(ids);
        string messages = Conversations.MessagesPath(ConversationPath(conversationId));
        var request = new ApiRequest("POST", messages) { JsonBody = Conversations.Message(message) };
        var result = new SentMessage
        {
            ConversationId = conversationId, AuthorType = message.AuthorType, Text = message.Text, CardCount = message.Cards.Count, Accepted = true, Attachments = uploaded,
        };
        // The attachments are new, so a message naming all of them can only be this one: nothing to read before.
        var check = new CreateCheck<SentMessage>($"the message with {string.Join(", ", files.Select(f => f.Name))} in conversation {conversationId}",
            $"read the conversation's messages (Get-ChatMessage -ConversationId {conversationId}) for one with attachment {string.Join(", ", ids)}",
            async c => (await MatchesAsync<(string Id, IReadOnlyList<string> AttachmentIds)>(
                    emit => ListPagesAsync(messages, null, null, 0, contract.ReadMessageRefs, m => m.Id, emit, c, $"Reading the messages of conversation {conversationId}"),
                    m => ids.All(id => m.AttachmentIds.Contains(id)), m => m.Id ?? string.Join(",", m.AttachmentIds)).ConfigureAwait(false))
                .Select(m => new KeyValuePair<string, SentMessage>(m.Key, result)).ToList(),
            before: false, identity: $"message\n{conversationId}\n{string.Join("\n", ids)}");
        return await CreateAsync(request, r => result, check, ctx, $"Sending a message with attachments to conversation {conversationId}").ConfigureAwait(false);
    }

    /// <summary>The file at <paramref name="path"/>, or the error naming <paramref name="parameter"/>.</summary>
    private static FileInfo RequireFile(string path, string parameter)
    {
        ChatRules.Require(parameter, string.IsNullOrEmpty(path) ? "must not be empty" : null);
        var file = new FileInfo(path);
        ChatRules.Require(parameter, Directory.Exists(path) ? $"'{path}' is a folder, not a file" : !file.Exists ? $"the file '{path}' does not exist" : null);
        return file;
    }
}
