using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Decodes the flag-dependent data of a firehose tracepoint (after its 24-byte header) into a
/// <see cref="TraceEvent"/>, per record type. Every read is bounds-checked against the tracepoint's data.
/// </summary>
public static class TracepointParser
{
    /// <summary>
    /// Parses the data at <paramref name="dataOffset"/> (length <paramref name="dataLength"/>) of
    /// <paramref name="buffer"/>. Returns false when the data is shorter than its flags say.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, int dataOffset, int dataLength, ref TraceEvent e)
    {
        var r = new SpanReader(buffer.Slice(dataOffset, dataLength));
        var flags = e.Flags;
        var ok = e.Kind switch
        {
            TraceEventKind.Log => ParseLogOrSignpost(ref r, flags, ref e, signpost: false),
            TraceEventKind.Signpost => ParseLogOrSignpost(ref r, flags, ref e, signpost: true),
            TraceEventKind.Activity => ParseActivity(ref r, flags, ref e),
            TraceEventKind.Trace => ParseTrace(ref r, ref e),
            TraceEventKind.Loss => r.TryReadUInt64(out e.LossStart) && r.TryReadUInt64(out e.LossEnd) && r.TryReadUInt64(out e.LossCount),
            _ => true,
        };

        if (ok && e.Kind is TraceEventKind.Log or TraceEventKind.Signpost or TraceEventKind.Trace)
        {
            e.ItemsOffset = dataOffset + r.Position;
            e.ItemsLength = r.Remaining;
        }

        return ok;
    }

    private static bool ReadActivityId(ref SpanReader r, out ulong id)
    {
        // 32-bit identifier followed by a 32-bit sentinel/flags word.
        var ok = r.TryReadUInt32(out var low) & r.TryReadUInt32(out _);
        id = low;
        return ok;
    }

    private static bool ReadLocation(ref SpanReader r, TracepointFlags flags, ref TraceEvent e)
    {
        if (!r.TryReadUInt32(out e.PcOffset))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasLargeOffset) != 0 && !r.TryReadUInt16(out e.LargeOffset))
        {
            return false;
        }

        return e.StringsFileType switch
        {
            StringsFileType.Absolute => r.TryReadUInt16(out e.AbsoluteUpper),
            StringsFileType.UuidRelative => r.TryReadUuid(out e.RelativeUuid),
            StringsFileType.LargeSharedCache => r.TryReadUInt16(out e.LargeSharedCache),
            _ => true,
        };
    }

    private static bool ParseLogOrSignpost(ref SpanReader r, TracepointFlags flags, ref TraceEvent e, bool signpost)
    {
        if ((flags & TracepointFlags.HasCurrentActivityId) != 0 && !ReadActivityId(ref r, out e.ActivityId))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasPrivateData) != 0 &&
            !(r.TryReadUInt16(out e.PrivateRangeOffset) && r.TryReadUInt16(out e.PrivateRangeSize)))
        {
            return false;
        }

        if (!ReadLocation(ref r, flags, ref e))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasSubsystemOrOtherActivityId) != 0)
        {
            if (!r.TryReadUInt16(out e.SubsystemId))
            {
                return false;
            }

            e.Subsystem = e.Process?.FindSubsystem(e.SubsystemId);
        }

        if (signpost && !r.TryReadUInt64(out e.SignpostId))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasRules) != 0 && !r.TryReadByte(out e.Ttl))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasDataReference) != 0 && !r.TryReadUInt16(out e.DataReference))
        {
            return false;
        }

        return !signpost || (flags & TracepointFlags.HasName) == 0 || r.TryReadUInt32(out e.SignpostNameReference);
    }

    private static bool ParseActivity(ref SpanReader r, TracepointFlags flags, ref TraceEvent e)
    {
        if ((flags & TracepointFlags.HasCurrentActivityId) != 0 && !ReadActivityId(ref r, out e.ActivityId))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasUniquePid) != 0 && !r.TryReadUInt64(out e.UniquePid))
        {
            return false;
        }

        if ((flags & TracepointFlags.HasSubsystemOrOtherActivityId) != 0 && !ReadActivityId(ref r, out e.OtherActivityId))
        {
            return false;
        }

        if (e.LogType != 0x03 && !ReadActivityId(ref r, out e.NewActivityId))
        {
            return false;
        }

        return ReadLocation(ref r, flags, ref e);
    }

    private static bool ParseTrace(ref SpanReader r, ref TraceEvent e) => r.TryReadUInt32(out e.PcOffset);
}
