using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ChatApi.Engine.Migration;

/// <summary>
/// The files of a journal that one run holds: the journal itself, opened in append mode, created
/// owner-only (0600) and never through a symbolic link; and "&lt;journal&gt;.lock" beside it, locked
/// exclusively for the whole run and naming the process that holds it, so a second run on the same
/// journal fails at once with that name. Readers of the journal (Get-Content -Wait) are not blocked.
/// </summary>
internal sealed class JournalFile : IDisposable
{
    private const string LockSuffix = ".lock";
    private readonly FileStream lockStream;

    private JournalFile(FileStream journal, FileStream lockStream)
    {
        Stream = journal;
        this.lockStream = lockStream;
    }

    /// <summary>The journal, positioned at its end.</summary>
    public FileStream Stream { get; }

    public static JournalFile Open(string path)
    {
        RefuseLink(path);
        var held = Lock(path);
        try
        {
            var journal = Platform.Windows
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.WriteThrough)
                : Posix.OpenFile(path, Posix.ReadWrite | Posix.Create | Posix.Append);
            if (journal.CanSeek) journal.Seek(0, SeekOrigin.End);
            return new JournalFile(journal, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        lockStream.Dispose();
    }

    /// <summary>Refuses a journal path that is a symbolic link (also checked by O_NOFOLLOW at open).</summary>
    public static void RefuseLink(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0) throw LinkRefused(path);
    }

    private static ChatApiException LinkRefused(string path) =>
        ChatApiException.InvalidArgument("JournalPath", $"'{path}' is a symbolic link; a journal is never followed through a link (give the real path)");

    private static FileStream Lock(string path)
    {
        var lockPath = path + LockSuffix;
        RefuseLink(lockPath);
        FileStream held;
        try
        {
            held = Platform.Windows
                ? new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1)
                : Posix.OpenLocked(lockPath);
        }
        catch (IOException e) when (e is Posix.LockedException || Platform.Windows && (e.HResult & 0xFFFF) == 32)
        {
            throw new ChatApiException(ChatErrorKind.Conflict,
                $"The journal '{path}' is in use by another run: {HolderOf(lockPath)}. Wait for it to end (or stop it), then run again; -Resume finishes an interrupted migration.",
                inner: e);
        }
        using (var p = Process.GetCurrentProcess())
        {
            var bytes = Encoding.UTF8.GetBytes($"process {p.Id} ({p.ProcessName}) on {Environment.MachineName}, since {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}\n");
            held.SetLength(0);
            held.Write(bytes, 0, bytes.Length);
            held.Flush();
        }
        return held;
    }

    private static string HolderOf(string lockPath)
    {
        try
        {
            // Posix: opened without .NET's own flock, which the holder's LOCK_EX would refuse.
            using (var s = Platform.Windows ? new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) : Posix.OpenFile(lockPath, Posix.ReadOnly))
            using (var r = new StreamReader(s, Encoding.UTF8))
            {
                var text = r.ReadLine()?.Trim();
                return string.IsNullOrEmpty(text) ? "another process" : text;
            }
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    private static class Platform
    {
        public static bool Windows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        public static bool Mac => RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
    }

    /// <summary>open(2) with O_NOFOLLOW, O_CLOEXEC and mode 0600, and flock(2), on Linux and macOS.</summary>
    private static class Posix
    {
        private const int LockExclusive = 2, LockNonBlocking = 4;
        private const int OwnerOnly = 0x180; // 0600

        internal sealed class LockedException : IOException
        {
            public LockedException(string message) : base(message) { }
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int SysOpen(string path, int flags, int mode);

        [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
        private static extern int SysFlock(int fd, int operation);

        public static int ReadOnly => 0;
        public static int ReadWrite => 2;
        public static int Create => Platform.Mac ? 0x200 : 0x40;
        public static int Append => Platform.Mac ? 0x8 : 0x400;
        private static int NoFollow => Platform.Mac ? 0x100 : 0x20000;
        private static int CloseOnExec => Platform.Mac ? 0x1000000 : 0x80000;
        private static int LinkLoop => Platform.Mac ? 62 : 40; // ELOOP: the last part of the path is a link

        public static FileStream OpenFile(string path, int flags)
        {
            int fd = SysOpen(path, flags | NoFollow | CloseOnExec, OwnerOnly);
            if (fd < 0)
            {
                int error = Marshal.GetLastWin32Error();
                if (error == LinkLoop) throw LinkRefused(path);
                throw new IOException($"Cannot open '{path}': {new Win32Exception(error).Message}");
            }
            return new FileStream(new SafeFileHandle((IntPtr)fd, true), (flags & ReadWrite) != 0 ? FileAccess.ReadWrite : FileAccess.Read, 1);
        }

        /// <summary>The lock file, with LOCK_EX taken (released when the stream closes).</summary>
        public static FileStream OpenLocked(string path)
        {
            var stream = OpenFile(path, ReadWrite | Create);
            if (SysFlock((int)stream.SafeFileHandle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0) return stream;
            int error = Marshal.GetLastWin32Error();
            stream.Dispose();
            throw new LockedException($"flock: {new Win32Exception(error).Message}");
        }
    }
}
