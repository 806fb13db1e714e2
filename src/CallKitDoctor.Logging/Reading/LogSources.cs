using System.Text;
using CallKitDoctor.Logging.Text;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// Opens inputs as entry sources, detecting the format from the first lines unless one is forced. Text captures
/// (Console copies, <c>log show</c> styles, Xcode consoles, crash reports, json/ndjson, gzip-compressed or UTF-16)
/// are read here; binary unified logs give a source that yields nothing and records an issue.
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
            return new BinaryLogPlaceholderSource(path, "a directory (logarchive or sysdiagnose)");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        if (format == LogInputFormat.Unified || path.EndsWith(".tracev3", StringComparison.OrdinalIgnoreCase))
        {
            return new BinaryLogPlaceholderSource(path, "a tracev3 file");
        }

        return Create(path, format, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan), reopenable: true);
    }

    /// <summary>Reads text already in memory (tests, pasted input).</summary>
    public static ILogEntrySource FromText(string text, string name, LogInputFormat format = LogInputFormat.Auto)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return FromBytes(bytes, name, format);
    }

    /// <summary>Reads bytes already in memory (any encoding the readers accept).</summary>
    public static ILogEntrySource FromBytes(byte[] bytes, string name, LogInputFormat format = LogInputFormat.Auto) =>
        Create(name, format, () => new MemoryStream(bytes, writable: false), reopenable: true);

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

        Stream? pending = first.Stream;
        if (reopenable)
        {
            pending.Dispose();
            pending = null;
        }

        Stream Streams()
        {
            var stream = pending ?? PreparedInput.Prepare(open()).Stream;
            pending = null;
            return stream;
        }

        return format is LogInputFormat.LogShowJson or LogInputFormat.LogShowNdjson
            ? new JsonLogSource(name, format, Streams)
            : new TextLogSource(name, format, Streams);
    }
}
