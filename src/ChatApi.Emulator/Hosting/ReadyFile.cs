using System.Text.Json;

namespace ChatApi.Emulator.Hosting;

/// <summary>
/// Tells whoever started the emulator where it listens, in a form that is whole when read: the JSON
/// <c>{baseUri, pid}</c> is written to a file beside the target and renamed into place, so a reader
/// that sees the file sees all of it (a rename within one folder is atomic). <c>--ready-file PATH</c>.
/// </summary>
public static class ReadyFile
{
    public static void Write(string path, Uri baseAddress)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Environment.ProcessId + ".tmp";
        var json = JsonSerializer.Serialize(new { baseUri = baseAddress.ToString().TrimEnd('/'), pid = Environment.ProcessId });
        File.WriteAllText(temporary, json);
        File.Move(temporary, full, overwrite: true);
    }
}
