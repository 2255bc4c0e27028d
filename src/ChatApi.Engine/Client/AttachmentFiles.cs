using System.IO;

namespace ChatApi.Engine;

/// <summary>
/// Where a downloaded attachment goes on disk: the rules of Save-ChatAttachment's -Destination (a file,
/// or a folder that takes the attachment's own name, made safe), and the partial file that becomes the
/// target only once it is whole, so a failure leaves no half file under the target's name.
/// </summary>
public static class AttachmentFiles
{
    /// <summary>The file a download writes: <paramref name="destination"/> itself, or the attachment's name inside that folder.</summary>
    public static string TargetOf(string destination, string fileName, string attachmentId) =>
        Directory.Exists(destination) ? Path.Combine(destination, SafeName(fileName, attachmentId)) : destination;

    /// <summary>
    /// The server's file name as one name in a folder: never a path (no separators, no ".."), no
    /// characters the file system refuses; the attachment id when nothing is left.
    /// </summary>
    public static string SafeName(string fileName, string attachmentId)
    {
        var name = (fileName ?? "").Replace('/', '_').Replace('\\', '_');
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => c < 0x20 || invalid.Contains(c) ? '_' : c).ToArray();
        name = new string(chars).Trim().TrimEnd('.');
        if (name.Length == 0 || name.All(c => c == '.' || c == '_')) name = SafeName(attachmentId ?? "attachment", "attachment");
        return name;
    }

    /// <summary>Why the download cannot write <paramref name="target"/> (-Destination's rule), or null.</summary>
    public static string CheckTarget(string target, bool force)
    {
        if (Directory.Exists(target)) return $"'{target}' is a folder";
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)) return $"the folder '{folder}' does not exist";
        if (File.Exists(target) && !force) return $"the file '{target}' exists; pass -Force to overwrite it";
        return null;
    }

    /// <summary>A hidden file beside the target, unique to this download.</summary>
    public static string PartialOf(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? "", "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");

    /// <summary>The whole partial file becomes the target (replacing it only when <paramref name="force"/>).</summary>
    public static void Commit(string partial, string target, bool force)
    {
        if (force && File.Exists(target)) File.Replace(partial, target, null);
        else File.Move(partial, target);
    }

    /// <summary>Removes a partial file a failed download left; a failure to remove it is not the error to report.</summary>
    public static void Discard(string partial)
    {
        try { if (File.Exists(partial)) File.Delete(partial); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
