namespace CallKitDoctor.Logging.Output;

/// <summary>The output styles of <c>log show --style</c> that <see cref="LogEntryWriter"/> writes, plus CSV.</summary>
public enum LogOutputStyle
{
    /// <summary>The column layout under <c>Timestamp  Thread  Type  Activity  PID  TTL</c>, with a footer summary.</summary>
    Default,

    /// <summary>One short line per entry: millisecond time, two-letter type, <c>process[pid:tid]</c>.</summary>
    Compact,

    /// <summary>Syslog-like lines: <c>timestamp  localhost process[pid]: message</c>.</summary>
    Syslog,

    /// <summary>A JSON array of entry objects.</summary>
    Json,

    /// <summary>One JSON object per line, then <c>{"count":N,"finished":1}</c>.</summary>
    Ndjson,

    /// <summary>Comma-separated values (RFC 4180) with a header row.</summary>
    Csv,
}
