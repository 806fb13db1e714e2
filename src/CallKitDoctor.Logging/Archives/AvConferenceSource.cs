using System.Buffers;
using System.IO.Compression;
using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// Reads one file of a sysdiagnose's <c>logs/AVConference/</c> folder: avconferenced's call dumps
/// (<c>…-CallSettings.calldump.gz</c>: gzip-compressed text whose lines start with the time of day,
/// <c>HHMMSS.ffffff message</c>) and plain text logs there. Each timed line becomes an entry of process
/// <c>avconferenced</c>, subsystem <c>com.apple.AVConference</c>, category the dump's kind, timed on the date the file
/// name gives (a line earlier than the one before it by over 12 hours has crossed midnight); lines without a time join
/// the entry before them (lines before the first timed one form an entry at the file's start time). Lines that
/// mention an error or a failure are <see cref="LogLevel.Error"/>. Lines longer than <see cref="MaxLineBytes"/> are
/// cut, and reading stops after <see cref="MaxBytes"/> decompressed bytes, each with an issue.
/// </summary>
public sealed class AvConferenceSource : ILogEntrySource
{
    /// <summary>The longest line kept whole.</summary>
    public const int MaxLineBytes = 16 * 1024;

    /// <summary>The most decompressed bytes read from one file.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private const int MaxLinesPerEntry = 512;
    private const string ProcessPath = "/usr/libexec/avconferenced";
    private const string Subsystem = "com.apple.AVConference";
    private readonly string _path;
    private readonly TimeSpan? _offset;
    private readonly AvConferenceFileName _fileName;

    /// <param name="path">The file to read.</param>
    /// <param name="name">The name entries and issues cite (an archive member path).</param>
    /// <param name="offset">The device's UTC offset, when known (the dumps' times carry none).</param>
    public AvConferenceSource(string path, string name, TimeSpan? offset)
    {
        _path = path;
        _offset = offset;
        _fileName = AvConferenceFileName.Parse(path);
        Name = name;
        Summary = new LogReadSummary { Source = name, Format = LogInputFormat.Plain };
    }

    public string Name { get; }

    public LogReadSummary Summary { get; }

    public CaptureContext Context { get; } = new();

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default) => Read(cancellationToken);

    private IEnumerable<LogEntry> Read(CancellationToken cancellationToken)
    {
        Stream? stream = null;
        try
        {
            stream = Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"unreadable: {ex.Message}"));
        }

        if (stream is null)
        {
            yield break;
        }

        using (stream)
        {
            var pending = new PendingEntry();
            var day = _fileName.Started?.Date;
            TimeSpan? previous = null;
            foreach (var (number, text) in Lines(stream, cancellationToken))
            {
                if (text.Length == 0)
                {
                    continue;
                }

                if (TryTimeOfDay(text, out var timeOfDay))
                {
                    if (pending.Lines > 0)
                    {
                        yield return Complete(pending);
                    }

                    if (previous is { } before && timeOfDay < before - TimeSpan.FromHours(12) && day is { } d)
                    {
                        day = d.AddDays(1);
                    }

                    previous = timeOfDay;
                    pending.Start(number, Stamp(day, timeOfDay), text[14..], text);
                }
                else if (pending.Lines == 0)
                {
                    pending.Start(number, _fileName.Started is { } started ? new LogTimestamp(started, _offset) : null, text, text);
                }
                else if (pending.Lines >= MaxLinesPerEntry)
                {
                    yield return Complete(pending);
                    pending.Start(number, pending.Timestamp, text, text);
                }
                else
                {
                    pending.Append(number, text);
                }
            }

            if (pending.Lines > 0)
            {
                yield return Complete(pending);
            }
        }
    }

    private Stream Open()
    {
        var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        Summary.Bytes = file.Length;
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        return gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The file's lines (1-based numbers), each cut at <see cref="MaxLineBytes"/>; stops at <see cref="MaxBytes"/>.</summary>
    private IEnumerable<(long Number, string Text)> Lines(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = new byte[MaxLineBytes];
        var length = 0;
        var cut = false;
        long number = 0, total = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read;
                try
                {
                    read = stream.Read(buffer, 0, buffer.Length);
                }
                catch (InvalidDataException ex)
                {
                    Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"compressed data unreadable, reading stopped: {ex.Message}", number + 1));
                    break;
                }

                if (read <= 0)
                {
                    break;
                }

                total += read;
                var position = 0;
                while (position < read)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', position, read - position);
                    var end = newline < 0 ? read : newline;
                    var room = Math.Min(end - position, MaxLineBytes - length);
                    Array.Copy(buffer, position, line, length, room);
                    length += room;
                    cut |= room < end - position;
                    if (newline < 0)
                    {
                        break;
                    }

                    number++;
                    if (cut)
                    {
                        Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Name, $"line longer than {MaxLineBytes} bytes; cut", number));
                    }

                    yield return (number, Decode(line, length));
                    length = 0;
                    cut = false;
                    position = newline + 1;
                }

                if (total >= MaxBytes)
                {
                    Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"more than {MaxBytes} bytes; the rest was not read", number + 1));
                    length = 0;
                    break;
                }
            }

            if (length > 0)
            {
                number++;
                yield return (number, Decode(line, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Summary.Lines = number;
        }
    }

    private static string Decode(byte[] line, int length)
    {
        var bytes = line.AsSpan(0, length);
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads <c>HHMMSS.ffffff </c> at the start of a line.</summary>
    private static bool TryTimeOfDay(string text, out TimeSpan timeOfDay)
    {
        timeOfDay = default;
        if (text.Length < 14 || text[6] != '.' || text[13] != ' ')
        {
            return false;
        }

        long value = 0;
        for (var i = 0; i < 13; i++)
        {
            if (i == 6)
            {
                continue;
            }

            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        var hours = value / 10_000_000_000;
        var minutes = value / 100_000_000 % 100;
        var seconds = value / 1_000_000 % 100;
        if (hours > 23 || minutes > 59 || seconds > 60)
        {
            return false;
        }

        timeOfDay = new TimeSpan(((((hours * 60) + minutes) * 60) + seconds) * TimeSpan.TicksPerSecond + (value % 1_000_000 * 10));
        return true;
    }

    private LogTimestamp Stamp(DateTime? day, TimeSpan timeOfDay) =>
        day is { } d ? new LogTimestamp(d + timeOfDay, _offset) : new LogTimestamp(DateTime.MinValue + timeOfDay, _offset, hasDate: false);

    private LogEntry Complete(PendingEntry pending)
    {
        var message = pending.Message.ToString();
        var entry = new LogEntry(message)
        {
            Timestamp = pending.Timestamp,
            ProcessImagePath = ProcessPath,
            Subsystem = Subsystem,
            Category = _fileName.Kind,
            Level = message.Contains("error", StringComparison.OrdinalIgnoreCase) || message.Contains("fail", StringComparison.OrdinalIgnoreCase)
                ? LogLevel.Error
                : LogLevel.Default,
            EventType = LogEventType.LogEvent,
            Location = InputLocation.Lines(Name, pending.FirstLine, pending.LastLine),
            RawText = pending.Raw.ToString(),
        };
        Summary.Entries++;
        if (entry.Timestamp is null)
        {
            Summary.EntriesWithoutTimestamp++;
        }

        pending.Clear();
        return entry;
    }
}
