using CallKitDoctor.Logging.Unified.Binary;
using CallKitDoctor.Logging.Unified.Time;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// The header chunk (tag 0x1000) of a tracev3 file: timebase, start continuous time and wall clock, time zone, and
/// the sub chunks with build version, hardware model, boot UUID and time-zone path.
/// </summary>
public sealed class TraceHeader
{
    public MachTimebase Timebase { get; init; }

    /// <summary>Mach continuous time when the file was started.</summary>
    public ulong ContinuousTime { get; init; }

    /// <summary>Wall-clock seconds since 1970 (UTC) when the file was started.</summary>
    public uint WallClockSeconds { get; init; }

    /// <summary>The 32-bit value after the wall clock (observed: sub-second microseconds).</summary>
    public uint WallClockMicroseconds { get; init; }

    /// <summary>Minutes west of UTC (300 = UTC-5).</summary>
    public int TimeZoneOffsetMinutes { get; init; }

    public uint DaylightSavings { get; init; }

    public uint Flags { get; init; }

    /// <summary>Continuous time from sub chunk 0x6100.</summary>
    public ulong SubChunkContinuousTime { get; init; }

    public string BuildVersion { get; init; } = string.Empty;

    public string HardwareModel { get; init; } = string.Empty;

    public Guid BootUuid { get; init; }

    public uint LogdProcessId { get; init; }

    public uint LogdExitStatus { get; init; }

    /// <summary>Path of the zoneinfo file (<c>/var/db/timezone/zoneinfo/America/Toronto</c>).</summary>
    public string TimeZonePath { get; init; } = string.Empty;

    /// <summary>The time-zone name from the path (<c>America/Toronto</c>), or empty.</summary>
    public string TimeZoneName => _timeZoneName ??= ZoneName(TimeZonePath);

    private string? _timeZoneName;

    private static string ZoneName(string path)
    {
        const string marker = "zoneinfo/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? path[(at + marker.Length)..] : string.Empty;
    }

    /// <summary>
    /// Wall time when no timesync boot matches: the header's wall-clock seconds plus the entry's continuous time
    /// converted to nanoseconds (the reading libyal dtformats uses).
    /// </summary>
    public long FallbackUnixNanoseconds(ulong machTime) =>
        ((long)WallClockSeconds * 1_000_000_000L) + Timebase.ToNanoseconds(machTime);

    /// <summary>Parses a header chunk's data; returns null and records an error when it is too short.</summary>
    public static TraceHeader? Parse(ReadOnlySpan<byte> data, string file, long dataOffset, UnifiedErrorLog errors)
    {
        var r = new SpanReader(data);
        if (!r.TryReadUInt32(out var numerator) || !r.TryReadUInt32(out var denominator) ||
            !r.TryReadUInt64(out var continuous) || !r.TryReadUInt32(out var seconds) ||
            !r.TryReadUInt32(out var micros) || !r.TryReadUInt32(out _) || !r.TryReadInt32(out var zone) ||
            !r.TryReadUInt32(out var dst) || !r.TryReadUInt32(out var flags))
        {
            errors.Add(UnifiedErrorKind.Truncated, file, dataOffset, "header chunk is shorter than 40 bytes");
            return null;
        }

        ulong subContinuous = 0;
        string build = string.Empty, model = string.Empty, zonePath = string.Empty;
        var boot = Guid.Empty;
        uint logdPid = 0, logdExit = 0;
        while (r.Remaining >= 8)
        {
            var at = r.Position;
            r.TryReadUInt32(out var tag);
            r.TryReadUInt32(out var size);
            if (!r.TryReadBytes((int)Math.Min(size, int.MaxValue), out var sub))
            {
                errors.Add(UnifiedErrorKind.OutOfBounds, file, dataOffset + at, $"header sub chunk 0x{tag:x} size {size} runs past the chunk");
                break;
            }

            var s = new SpanReader(sub);
            switch (tag)
            {
                case 0x6100:
                    s.TryReadUInt64(out subContinuous);
                    break;
                case 0x6101:
                    s.TrySkip(8);
                    if (s.TryReadBytes(16, out var buildField))
                    {
                        build = SpanReader.FixedString(buildField);
                    }

                    if (s.TryReadBytes(Math.Min(32, s.Remaining), out var modelField))
                    {
                        model = SpanReader.FixedString(modelField);
                    }

                    break;
                case 0x6102:
                    s.TryReadUuid(out boot);
                    s.TryReadUInt32(out logdPid);
                    s.TryReadUInt32(out logdExit);
                    break;
                case 0x6103:
                    zonePath = SpanReader.FixedString(sub);
                    break;
            }
        }

        return new TraceHeader
        {
            Timebase = new MachTimebase(numerator, denominator),
            ContinuousTime = continuous,
            WallClockSeconds = seconds,
            WallClockMicroseconds = micros,
            TimeZoneOffsetMinutes = zone,
            DaylightSavings = dst,
            Flags = flags,
            SubChunkContinuousTime = subContinuous,
            BuildVersion = build,
            HardwareModel = model,
            BootUuid = boot,
            LogdProcessId = logdPid,
            LogdExitStatus = logdExit,
            TimeZonePath = zonePath,
        };
    }
}
