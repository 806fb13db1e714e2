using System.Text;
using CallKitDoctor.Logging.Archives;
using CallKitDoctor.Logging.Text;
using CallKitDoctor.Logging.Unified;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// Opens inputs as entry sources, detecting the format from the first lines unless one is forced. Text captures
/// (Console copies, <c>log show</c> styles, Xcode consoles, crash reports, json/ndjson, gzip-compressed or UTF-16)
/// are read here; a tracev3 file goes to the unified-log reader; a folder (sysdiagnose, logarchive or tracev3 files),
/// a tar, tar.gz or zip archive goes to <see cref="SysdiagnoseSource"/>; in-memory binary data gives a source that
/// yields nothing and records an issue.
/// </summary>
public static class LogSources
{
    /// <summary>Opens a file (or <c>-</c> for standard input).</summary>
    /// <exception cref="FileNotFoundException">The path names no file or directory.</exception>
    public static ILogEntrySource Open(string path, LogInputFormat format = LogInputFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
        {
            var stdin = Console.OpenStandardInput();
            return Create("-", format, () => stdin, reopenable: false);
        }

        if (Directory.Exists(path))
        {
            return new SysdiagnoseSource(path, ArchiveLayout.Folder);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        if (format == LogInputFormat.Unified || path.EndsWith(".tracev3", StringComparison.OrdinalIgnoreCase) || StartsLikeTracev3(path))
        {
            return new UnifiedLogSource(path);
        }

        if (format is LogInputFormat.Auto or LogInputFormat.Unified && ArchiveDetector.Detect(path) is { } layout)
        {
            return new SysdiagnoseSource(path, layout);
        }

        return Create(path, format, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan), reopenable: true);
    }

    /// <summary>
    /// Opens a file as <see cref="Open"/> does; when it is read as text, every stream opened on the file is first passed
    /// through <paramref name="observe"/> (a wrapper that counts the bytes read, for a progress display). Other inputs
    /// (standard input, folders, archives, tracev3) are returned as <see cref="Open"/> returns them.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path names no file or directory.</exception>
    public static ILogEntrySource OpenObserved(string path, LogInputFormat format, Func<Stream, Stream> observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        var source = Open(path, format);
        if (path == "-" || source is UnifiedLogSource or SysdiagnoseSource or BinaryLogPlaceholderSource)
        {
            return source;
        }

        return Create(path, format, () => observe(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan)), reopenable: true);
    }

    /// <summary>Opens a text file (a crash report inside an archive) under a display name.</summary>
    internal static ILogEntrySource OpenNamed(string path, string name) =>
        Create(name, LogInputFormat.Auto, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan), reopenable: true);

    /// <summary>Reads text already in memory (tests, pasted input).</summary>
    public static ILogEntrySource FromText(string text, string name, LogInputFormat format = LogInputFormat.Auto)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return FromBytes(bytes, name, format);
    }

    /// <summary>Reads bytes already in memory (any encoding the readers accept).</summary>
    public static ILogEntrySource FromBytes(byte[] bytes, string name, LogInputFormat format = LogInputFormat.Auto) =>
        Create(name, format, () => new MemoryStream(bytes, writable: false), reopenable: true);

    /// <summary>
    /// Maps a <c>--format</c> value to a format: the enum names (any case) and the short names <c>auto</c>,
    /// <c>console</c>, <c>default</c>/<c>log-show</c>, <c>compact</c>, <c>syslog</c>, <c>excerpt</c>, <c>json</c>,
    /// <c>ndjson</c>, <c>xcode</c>/<c>nslog</c>, <c>crash</c>/<c>ips</c>, <c>plain</c>/<c>text</c>, <c>unified</c>/<c>tracev3</c>.
    /// </summary>
    public static bool TryParseFormat(string? name, out LogInputFormat format)
    {
        format = LogInputFormat.Auto;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var key = name.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal);
        LogInputFormat? known = key switch
        {
            "auto" => LogInputFormat.Auto,
            "console" or "console-app" => LogInputFormat.Console,
            "default" or "log-show" or "logshow" => LogInputFormat.LogShowDefault,
            "compact" => LogInputFormat.LogShowCompact,
            "syslog" => LogInputFormat.LogShowSyslog,
            "excerpt" or "trimmed" => LogInputFormat.LogShowExcerpt,
            "json" => LogInputFormat.LogShowJson,
            "ndjson" or "jsonl" => LogInputFormat.LogShowNdjson,
            "xcode" or "nslog" => LogInputFormat.Xcode,
            "crash" or "crash-report" or "crashreport" or "ips" => LogInputFormat.CrashReport,
            "plain" or "text" => LogInputFormat.Plain,
            "unified" or "tracev3" or "logarchive" => LogInputFormat.Unified,
            _ => null,
        };

        if (known is { } value)
        {
            format = value;
            return true;
        }

        return Enum.TryParse(name.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format);
    }

    private static bool StartsLikeTracev3(string path)
    {
        Span<byte> head = stackalloc byte[4];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x10, 0x00, 0x00]);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static ILogEntrySource Create(string name, LogInputFormat format, Func<Stream> open, bool reopenable)
    {
        var first = PreparedInput.Prepare(open());
        if (first.BinaryKind is { } kind || format == LogInputFormat.Unified)
        {
            first.Stream.Dispose();
            return new BinaryLogPlaceholderSource(name, first.BinaryKind ?? "input forced as unified");
        }

        if (format == LogInputFormat.Auto)
        {
            format = LogFormatDetector.Detect(first.Prefix.AsSpan(0, first.PrefixLength));
        }

        PreparedInput? pending = first;
        if (reopenable)
        {
            first.Stream.Dispose();
            pending = null;
        }

        PreparedInput Streams()
        {
            var input = pending ?? PreparedInput.Prepare(open());
            pending = null;
            return input;
        }

        if (format == LogInputFormat.CrashReport && first.PrefixLength > 0 &&
            first.Prefix.AsSpan(0, first.PrefixLength).TrimStart(" \t\r\n\uFEFF"u8).StartsWith("{"u8))
        {
            return new IpsCrashReportSource(name, Streams);
        }

        return format is LogInputFormat.LogShowJson or LogInputFormat.LogShowNdjson
            ? new JsonLogSource(name, format, Streams)
            : new TextLogSource(name, format, Streams);
    }
}
