using System.Globalization;
using System.Text;
using System.Text.Json;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// A JSON crash report (<c>.ips</c>): a one-line JSON header (<c>bug_type</c>, <c>os_version</c>, <c>app_name</c>…)
/// followed by a JSON body. Header and body facts fill the <see cref="CaptureContext"/>; the body's
/// <c>termination</c> and <c>exception</c> become error entries worded like the translated text report
/// (<c>Termination Reason: FRONTBOARD 0xbaadca11</c>, <c>Exception Type: EXC_CRASH (SIGKILL)</c>).
/// </summary>
internal sealed class IpsCrashReportSource : ILogEntrySource
{
    /// <summary>Largest report read (crash reports are far smaller).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    private readonly Func<PreparedInput> _open;

    public IpsCrashReportSource(string name, Func<PreparedInput> open)
    {
        Name = name;
        _open = open;
        Summary = new LogReadSummary { Source = name, Format = LogInputFormat.CrashReport };
    }

    public string Name { get; }

    public LogReadSummary Summary { get; private set; }

    public CaptureContext Context { get; } = new();

    public IEnumerable<LogEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        if (Summary.Lines > 0 || Summary.Bytes > 0)
        {
            Summary = new LogReadSummary { Source = Name, Format = LogInputFormat.CrashReport };
        }

        var bytes = ReadAll();
        Summary.Bytes = bytes.Length;
        Summary.Lines = bytes.Length == 0 ? 0 : bytes.AsSpan().Count((byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);
        var entries = Parse(bytes);
        Summary.Entries = entries.Count;
        Summary.EntriesWithoutTimestamp = entries.Count(e => e.Timestamp is null);
        return entries;
    }

    private byte[] ReadAll()
    {
        var input = _open();
        using var stream = input.Stream;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"crash report larger than {MaxBytes} bytes; the rest was not read", 0, buffer.Length));
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"reading stopped: {ex.Message}", 0, buffer.Length));
        }

        return buffer.ToArray();
    }

    private List<LogEntry> Parse(byte[] bytes)
    {
        var entries = new List<LogEntry>();
        var newline = bytes.AsSpan().IndexOf((byte)'\n');
        var headerEnd = newline < 0 ? bytes.Length : newline;
        TextTimestamp? time = null;
        var bodyLine = 2L;
        try
        {
            using (var header = JsonDocument.Parse(bytes.AsMemory(0, headerEnd)))
            {
                var root = header.RootElement;
                Context.AppName ??= Text(root, "app_name") ?? Text(root, "name");
                Context.AppVersion ??= Text(root, "app_version") is { } v ? (Text(root, "build_version") is { } b ? $"{v} ({b})" : v) : null;
                SplitOsVersion(Text(root, "os_version"));
                time = ParseTime(Text(root, "timestamp"));
            }
        }
        catch (JsonException ex)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"invalid crash report header: {ex.Message}", 1, 0));
            Summary.AddUnparsedLine(1);
        }

        if (newline < 0)
        {
            return entries;
        }

        try
        {
            using var body = JsonDocument.Parse(bytes.AsMemory(newline + 1));
            var root = body.RootElement;
            Context.DeviceModel ??= Text(root, "modelCode");
            Context.AppName ??= Text(root, "procName");
            if (root.TryGetProperty("osVersion", out var os) && os.ValueKind == JsonValueKind.Object)
            {
                Context.OsVersion ??= Text(os, "train");
                Context.OsBuild ??= Text(os, "build");
            }

            time = ParseTime(Text(root, "captureTime")) ?? time;
            if (time is { } t && Context.CaptureTime is null)
            {
                Context.CaptureTime = new DateTimeOffset(new DateTime(t.Ticks), t.Offset ?? TimeSpan.Zero);
            }

            var clock = new TimeOfDayRollover();
            LogTimestamp? stamp = time is { } tt ? clock.Resolve(tt) : null;
            var pid = root.TryGetProperty("pid", out var p) && p.TryGetInt32(out var pidValue) ? pidValue : (int?)null;
            if (root.TryGetProperty("exception", out var exception) && exception.ValueKind == JsonValueKind.Object)
            {
                var type = Text(exception, "type");
                var signal = Text(exception, "signal");
                if (type is not null)
                {
                    entries.Add(Entry(signal is null ? $"Exception Type: {type}" : $"Exception Type: {type} ({signal})", stamp, pid, bodyLine));
                }
            }

            if (root.TryGetProperty("termination", out var termination) && termination.ValueKind == JsonValueKind.Object)
            {
                var space = Text(termination, "namespace");
                var code = termination.TryGetProperty("code", out var c) && c.TryGetUInt64(out var codeValue)
                    ? "0x" + codeValue.ToString("x", CultureInfo.InvariantCulture)
                    : null;
                var message = new StringBuilder("Termination Reason: ").Append(space).Append(' ').Append(code);
                if (termination.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array)
                {
                    foreach (var reason in reasons.EnumerateArray())
                    {
                        if (reason.ValueKind == JsonValueKind.String)
                        {
                            message.Append('\n').Append(reason.GetString());
                        }
                    }
                }

                if (Text(termination, "indicator") is { } indicator)
                {
                    message.Append('\n').Append(indicator);
                }

                entries.Add(Entry(message.ToString(), stamp, pid, bodyLine));
            }
        }
        catch (JsonException ex)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"invalid crash report body: {ex.Message}", bodyLine, newline + 1));
        }

        return entries;
    }

    private LogEntry Entry(string message, LogTimestamp? stamp, int? pid, long line) => new(message)
    {
        Timestamp = stamp,
        Process = Context.AppName,
        ProcessId = pid,
        Level = LogLevel.Error,
        EventType = LogEventType.LogEvent,
        Location = InputLocation.Lines(Name, line, line),
        RawText = message,
    };

    private void SplitOsVersion(string? value)
    {
        if (value is null)
        {
            return;
        }

        var open = value.LastIndexOf('(');
        if (open > 0 && value.EndsWith(')'))
        {
            Context.OsVersion ??= value[..open].Trim();
            Context.OsBuild ??= value[(open + 1)..^1];
        }
        else
        {
            Context.OsVersion ??= value;
        }
    }

    private static TextTimestamp? ParseTime(string? text) =>
        text is not null && TimestampParser.Parse(text, out var t) > 0 && t.HasDate ? t : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
