using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Crash and termination report text (translated <c>.ips</c>): header <c>Key:   value</c> fields fill the
/// <see cref="CaptureContext"/>; the termination and exception lines (<c>Termination Reason: FRONTBOARD 0xbaadca11</c>
/// and its <c>&lt;RBSTerminateContext| …&gt;</c> continuation) become error entries; thread backtraces and binary
/// images are recognised and skipped.
/// </summary>
internal sealed class CrashReportLayout : LineLayout
{
    private readonly CaptureContext _context;
    private TextTimestamp? _crashTime;
    private bool _inBinaryImages;

    public CrashReportLayout(CaptureContext context) => _context = context;

    public override LogInputFormat Format => LogInputFormat.CrashReport;

    /// <summary>True when <paramref name="key"/> is a field name crash reports use.</summary>
    public static bool IsKnownKey(ReadOnlySpan<char> key) => key switch
    {
        "Incident Identifier" or "CrashReporter Key" or "Hardware Model" or "Process" or "Path" or "Identifier" or
        "Version" or "AppStoreTools" or "AppVariant" or "Beta" or "Code Type" or "Role" or "Parent Process" or
        "Coalition" or "Date/Time" or "Launch Time" or "OS Version" or "Release Type" or "Baseband Version" or
        "Report Version" or "Exception Type" or "Exception Codes" or "Exception Subtype" or "Exception Reason" or
        "Exception Message" or "Exception Note" or "Termination Reason" or "Termination Description" or
        "Triggered by Thread" or "Termination Signal" or "Responsible Process" or "User ID" or "Sleep/Wake UUID" or
        "Kernel Triage" or "Highlighted by Thread" or "Application Specific Information" or "Binary Images" or
        "Device Model" or "Model" => true,
        _ => false,
    };

    /// <summary>Splits <c>Key:   value</c>; false when the line is not shaped so.</summary>
    public static bool TrySplitField(ReadOnlySpan<char> line, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        key = default;
        value = default;
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon > 40 || !char.IsAsciiLetter(line[0]))
        {
            return false;
        }

        key = line[..colon];
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '/' or '-' or '_' or '(' or ')'))
            {
                return false;
            }
        }

        value = line[(colon + 1)..].Trim();
        return true;
    }

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        if (TrySplitField(line, out var key, out var value) && IsKnownKey(key))
        {
            _inBinaryImages = key.SequenceEqual("Binary Images");
            return Field(line, key, value, ref fields);
        }

        if (_inBinaryImages || IsFrameOrThreadLine(line))
        {
            return LineKind.Ignored;
        }

        return LineKind.Unmatched;
    }

    public override bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previousLine) =>
        line[0] is '<' or ' ' or '\t' or '"';

    private LineKind Field(ReadOnlySpan<char> line, ReadOnlySpan<char> key, ReadOnlySpan<char> value, ref LineFields fields)
    {
        switch (key)
        {
            case "Termination Reason" or "Termination Description" or "Exception Type" or "Exception Subtype" or
                "Exception Reason" or "Exception Message" or "Application Specific Information" or "Termination Signal":
                fields.Message = line;
                fields.Level = LogLevel.Error;
                fields.EventType = LogEventType.LogEvent;
                fields.Process = _context.AppName;
                if (_crashTime is { } t)
                {
                    fields.HasTime = true;
                    fields.Time = t;
                }

                return LineKind.Entry;
            case "OS Version":
                var open = value.LastIndexOf('(');
                if (open > 0 && value[^1] == ')')
                {
                    _context.OsVersion ??= value[..open].Trim().ToString();
                    _context.OsBuild ??= value[(open + 1)..^1].ToString();
                }
                else if (!value.IsEmpty)
                {
                    _context.OsVersion ??= value.ToString();
                }

                break;
            case "Hardware Model" or "Device Model" or "Model":
                if (!value.IsEmpty)
                {
                    _context.DeviceModel ??= value.ToString();
                }

                break;
            case "AppVariant":
                // 1:iPhone12,1:17.4 — the middle part names the hardware.
                var parts = value.ToString().Split(':');
                if (parts.Length >= 2 && parts[1].Length > 0)
                {
                    _context.DeviceModel ??= parts[1];
                }

                break;
            case "Process":
                var bracket = value.IndexOf(" [");
                var name = bracket > 0 ? value[..bracket] : value;
                if (!name.IsEmpty)
                {
                    _context.AppName = name.ToString();
                }

                break;
            case "Identifier":
                if (!value.IsEmpty)
                {
                    _context.AppName ??= value.ToString();
                }

                break;
            case "Version":
                if (!value.IsEmpty)
                {
                    _context.AppVersion ??= value.ToString();
                }

                break;
            case "Date/Time":
                if (TimestampParser.Parse(value, out var time) > 0 && time.HasDate)
                {
                    _crashTime = time;
                    var local = new DateTime(time.Ticks);
                    _context.CaptureTime ??= new DateTimeOffset(local, time.Offset ?? TimeSpan.Zero);
                }

                break;
        }

        return LineKind.Ignored;
    }

    private static bool IsFrameOrThreadLine(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("Thread ", StringComparison.Ordinal) || line.StartsWith("Last Exception Backtrace", StringComparison.Ordinal))
        {
            return line.TrimEnd().EndsWith(':');
        }

        // 0   libsystem_kernel.dylib        0x1e5b3c8a4 mach_msg2_trap + 8
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] is ' ' or '\t' && line.Contains(" 0x", StringComparison.Ordinal);
    }
}
