using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// Writes entries (from any reader, text or binary) in one of the <c>log show</c> styles as buffered UTF-8. Call
/// <see cref="Write"/> per entry in output order, then <see cref="Complete"/> once to write the style's trailer
/// (footer summary, closing bracket, count record) and flush.
/// </summary>
public abstract class LogEntryWriter : IDisposable
{
    private bool _started;
    private bool _completed;

    protected LogEntryWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Output = new Utf8Output(output);
    }

    /// <summary>The buffered UTF-8 sink the style writes to.</summary>
    protected Utf8Output Output { get; }

    /// <summary>Entries written, counted by type (for footers and the ndjson count record).</summary>
    public LogEntryTally Tally { get; } = new();

    /// <summary>The style this writer writes.</summary>
    public abstract LogOutputStyle Style { get; }

    /// <summary>Creates the writer of a style.</summary>
    public static LogEntryWriter Create(LogOutputStyle style, Stream output) => style switch
    {
        LogOutputStyle.Default => new DefaultEntryWriter(output),
        LogOutputStyle.Compact => new CompactEntryWriter(output),
        LogOutputStyle.Syslog => new SyslogEntryWriter(output),
        LogOutputStyle.Json => new JsonEntryWriter(output, asArray: true),
        LogOutputStyle.Ndjson => new JsonEntryWriter(output, asArray: false),
        LogOutputStyle.Csv => new CsvEntryWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unknown style"),
    };

    /// <summary>Maps a <c>--style</c> word (any case) to a style.</summary>
    public static bool TryParseStyle(string? name, out LogOutputStyle style)
    {
        style = LogOutputStyle.Default;
        LogOutputStyle? known = name?.Trim().ToLowerInvariant() switch
        {
            "default" => LogOutputStyle.Default,
            "compact" => LogOutputStyle.Compact,
            "syslog" => LogOutputStyle.Syslog,
            "json" => LogOutputStyle.Json,
            "ndjson" => LogOutputStyle.Ndjson,
            "csv" => LogOutputStyle.Csv,
            _ => null,
        };
        style = known ?? style;
        return known.HasValue;
    }

    /// <summary>Writes one entry.</summary>
    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        BeginEntry();
        WriteEntry(entry);
        EndEntry(entry.Level, entry.EventType);
    }

    /// <summary>Before an entry is written: writes the start on the first one.</summary>
    protected void BeginEntry()
    {
        if (!_started)
        {
            _started = true;
            WriteStart();
        }
    }

    /// <summary>After an entry is written: counts it and writes the buffer out when it is full.</summary>
    protected void EndEntry(LogLevel level, LogEventType eventType)
    {
        Tally.Add(level, eventType);
        Output.FlushIfFull();
    }

    /// <summary>Writes the trailer and flushes (once; later calls do nothing).</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (!_started)
        {
            _started = true;
            WriteStart();
        }

        WriteEnd();
        Output.Flush();
    }

    /// <summary>Releases the writer (without writing the trailer; call <see cref="Complete"/> for that).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Writes what precedes the first entry (a header, an opening bracket).</summary>
    protected virtual void WriteStart()
    {
    }

    /// <summary>Writes one entry.</summary>
    protected abstract void WriteEntry(LogEntry entry);

    /// <summary>Writes what follows the last entry.</summary>
    protected virtual void WriteEnd()
    {
    }

    /// <summary>Writes <c>process: (Library) [subsystem:category] message</c>, the message part of the text styles.</summary>
    protected void WriteDecoratedMessage(LogEntry entry, bool withProcess)
    {
        if (withProcess)
        {
            Output.Write(entry.Process);
            Output.Write(": "u8);
        }

        WriteDecorations(entry);
        Output.Write(entry.EventMessage);
        Output.NewLine();
    }

    /// <summary>Writes <c>(Library) [subsystem:category] </c> for the parts the entry has.</summary>
    protected void WriteDecorations(LogEntry entry)
    {
        if (!string.IsNullOrEmpty(entry.Sender))
        {
            Output.Write((byte)'(');
            Output.Write(entry.Sender);
            Output.Write(") "u8);
        }

        if (!string.IsNullOrEmpty(entry.Subsystem))
        {
            Output.Write((byte)'[');
            Output.Write(entry.Subsystem);
            Output.Write((byte)':');
            Output.Write(entry.Category);
            Output.Write("] "u8);
        }
    }
}
