using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// What a reader knows of an entry before it builds the <see cref="LogEntry"/>: the names it has already pooled and
/// the complete message as a slice of its own buffer (valid only during <see cref="IEntryScreen.Wants"/>).
/// </summary>
public readonly ref struct EntryPreview
{
    /// <summary>The process name, as <see cref="LogEntry.Process"/> will be.</summary>
    public string? Process { get; init; }

    /// <summary>The subsystem, as <see cref="LogEntry.Subsystem"/> will be.</summary>
    public string? Subsystem { get; init; }

    /// <summary>The category, as <see cref="LogEntry.Category"/> will be.</summary>
    public string? Category { get; init; }

    /// <summary>The level, as <see cref="LogEntry.Level"/> will be.</summary>
    public LogLevel Level { get; init; }

    /// <summary>The os_log format string, as <see cref="LogEntry.FormatString"/> will be.</summary>
    public string? FormatString { get; init; }

    /// <summary>The whole message (continuation lines joined with '\n'), exactly as <see cref="LogEntry.EventMessage"/> will be.</summary>
    public ReadOnlySpan<char> Message { get; init; }
}
