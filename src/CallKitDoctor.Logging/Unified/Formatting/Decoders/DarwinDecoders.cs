using System.Buffers.Binary;
using System.Globalization;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The value decoders of <c>man os_log</c> for Darwin types: <c>bool</c>/<c>BOOL</c>, <c>errno</c>/<c>darwin.errno</c>
/// (<c>[32: Broken pipe]</c>), <c>darwin.mode</c> (<c>drwxr-xr-x</c>), <c>darwin.signal</c>
/// (<c>[sigsegv: Segmentation fault]</c>), <c>time_t</c> (<c>2016-01-12 19:41:37</c>, UTC here since the viewer's zone
/// is unknown), <c>timeval</c>/<c>timespec</c> and <c>uuid_t</c>.
/// </summary>
public static class DarwinDecoders
{
    private static readonly string[] SignalNames =
    [
        "", "sighup", "sigint", "sigquit", "sigill", "sigtrap", "sigabrt", "sigemt", "sigfpe", "sigkill", "sigbus",
        "sigsegv", "sigsys", "sigpipe", "sigalrm", "sigterm", "sigurg", "sigstop", "sigtstp", "sigcont", "sigchld",
        "sigttin", "sigttou", "sigio", "sigxcpu", "sigxfsz", "sigvtalrm", "sigprof", "sigwinch", "siginfo", "sigusr1",
        "sigusr2",
    ];

    private static readonly string[] SignalDescriptions =
    [
        "", "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/BPT trap", "Abort trap", "EMT trap",
        "Floating point exception", "Killed", "Bus error", "Segmentation fault", "Bad system call", "Broken pipe",
        "Alarm clock", "Terminated", "Urgent I/O condition", "Suspended (signal)", "Suspended", "Continued",
        "Child exited", "Stopped (tty input)", "Stopped (tty output)", "I/O possible", "Cputime limit exceeded",
        "Filesize limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window size changes",
        "Information request", "User defined signal 1", "User defined signal 2",
    ];

    /// <summary><c>%{bool}d</c>: <c>true</c>/<c>false</c>.</summary>
    public static string Bool(ReadOnlySpan<byte> value) => Truth(value, "true", "false");

    /// <summary><c>%{BOOL}d</c>: <c>YES</c>/<c>NO</c>.</summary>
    public static string ObjCBool(ReadOnlySpan<byte> value) => Truth(value, "YES", "NO");

    /// <summary>A value that is either zero (<paramref name="no"/>) or not.</summary>
    public static string Truth(ReadOnlySpan<byte> value, string yes, string no) =>
        value.IsEmpty ? MessagePlaceholders.UnsupportedValue(value) : value.ContainsAnyExcept((byte)0) ? yes : no;

    /// <summary><c>%{errno}d</c>, <c>%{darwin.errno}d</c>: <c>[2: No such file or directory]</c>.</summary>
    public static string Errno(ReadOnlySpan<byte> value) =>
        ValueBytes.TrySigned(value, out var errno) ? $"[{errno}: {ErrnoNames.Describe(errno)}]" : MessagePlaceholders.UnsupportedValue(value);

    /// <summary><c>%{darwin.signal}d</c>: <c>[sigsegv: Segmentation fault]</c>.</summary>
    public static string Signal(ReadOnlySpan<byte> value)
    {
        if (!ValueBytes.TrySigned(value, out var signal))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        return signal > 0 && signal < SignalNames.Length
            ? $"[{SignalNames[signal]}: {SignalDescriptions[signal]}]"
            : $"[{signal}: Unknown signal: {signal}]";
    }

    /// <summary><c>%{darwin.mode}d</c>: the file type and permission bits like <c>ls -l</c> (<c>drwxr-xr-x</c>).</summary>
    public static string Mode(ReadOnlySpan<byte> value)
    {
        if (!ValueBytes.TryUnsigned(value, out var mode))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        Span<char> text = stackalloc char[10];
        text[0] = (mode & 0xF000) switch
        {
            0x1000 => 'p',
            0x2000 => 'c',
            0x4000 => 'd',
            0x6000 => 'b',
            0xA000 => 'l',
            0xC000 => 's',
            0xE000 => 'w',
            _ => '-',
        };
        Triplet(text[1..4], mode >> 6, (mode & 0x800) != 0, 's');
        Triplet(text[4..7], mode >> 3, (mode & 0x400) != 0, 's');
        Triplet(text[7..10], mode, (mode & 0x200) != 0, 't');
        return new string(text);
    }

    private static void Triplet(Span<char> text, ulong bits, bool special, char specialChar)
    {
        text[0] = (bits & 4) != 0 ? 'r' : '-';
        text[1] = (bits & 2) != 0 ? 'w' : '-';
        var execute = (bits & 1) != 0;
        text[2] = special ? (execute ? specialChar : char.ToUpperInvariant(specialChar)) : execute ? 'x' : '-';
    }

    /// <summary><c>%{time_t}d</c>: <c>2016-01-12 19:41:37</c> (UTC).</summary>
    public static string TimeT(ReadOnlySpan<byte> value)
    {
        if (!ValueBytes.TrySigned(value, out var seconds))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        return TryDate(seconds, out var date)
            ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>%{timeval}.*P</c> (<c>struct timeval</c>, 16 bytes): <c>2016-01-12 19:41:37.774236</c>.</summary>
    public static string Timeval(ReadOnlySpan<byte> value)
    {
        if (value.Length != 16)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var seconds = BinaryPrimitives.ReadInt64LittleEndian(value);
        var microseconds = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
        return TryDate(seconds, out var date) && microseconds is >= 0 and < 1_000_000
            ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "." + microseconds.ToString("D6", CultureInfo.InvariantCulture)
            : MessagePlaceholders.UnsupportedValue(value);
    }

    /// <summary><c>%{timespec}.*P</c> (<c>struct timespec</c>, 16 bytes): seconds and nanoseconds.</summary>
    public static string Timespec(ReadOnlySpan<byte> value)
    {
        if (value.Length != 16)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var seconds = BinaryPrimitives.ReadInt64LittleEndian(value);
        var nanoseconds = BinaryPrimitives.ReadInt64LittleEndian(value[8..]);
        return TryDate(seconds, out var date) && nanoseconds is >= 0 and < 1_000_000_000
            ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "." + nanoseconds.ToString("D9", CultureInfo.InvariantCulture)
            : MessagePlaceholders.UnsupportedValue(value);
    }

    /// <summary><c>%{uuid_t}.16P</c>: <c>10742E39-0657-41F8-AB99-878C5EC2DCAA</c>.</summary>
    public static string Uuid(ReadOnlySpan<byte> value) => value.Length >= 16
        ? new Guid(value[..16], bigEndian: true).ToString("D").ToUpperInvariant()
        : MessagePlaceholders.UnsupportedValue(value);

    private static bool TryDate(long seconds, out DateTime date)
    {
        date = default;
        if (seconds is <= -62135596800 or >= 253402300799)
        {
            return false;
        }

        date = DateTime.UnixEpoch.AddSeconds(seconds);
        return true;
    }
}
