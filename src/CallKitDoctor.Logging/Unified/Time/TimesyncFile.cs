using CallKitDoctor.Logging.Unified.Binary;

namespace CallKitDoctor.Logging.Unified.Time;

/// <summary>
/// Parses a timesync file: boot records (signature 0xBBB0, 48 bytes) each followed by sync records ("Ts", 32 bytes).
/// A record with a bad signature or size ends the file with an error; everything before it is kept.
/// </summary>
public static class TimesyncFile
{
    /// <summary>Boot record signature.</summary>
    public const ushort BootSignature = 0xBBB0;

    /// <summary>Sync record signature ("Ts").</summary>
    public const ushort SyncSignature = 0x7354;

    /// <summary>Size of a boot record.</summary>
    public const int BootRecordSize = 48;

    /// <summary>Size of a sync record.</summary>
    public const int SyncRecordSize = 32;

    /// <summary>Reads the boots in <paramref name="data"/>; problems go to <paramref name="errors"/>.</summary>
    public static List<TimesyncBoot> Parse(ReadOnlySpan<byte> data, string file, UnifiedErrorLog errors)
    {
        var boots = new List<TimesyncBoot>();
        var reader = new SpanReader(data);
        Pending? current = null;

        while (reader.Remaining > 0)
        {
            var start = reader.Position;
            if (reader.Remaining < 4)
            {
                errors.Add(UnifiedErrorKind.Truncated, file, start, $"{reader.Remaining} trailing bytes are not a record");
                break;
            }

            reader.TryReadUInt16(out var signature);
            reader.TryReadUInt16(out var size);
            if (signature == BootSignature)
            {
                if (size != BootRecordSize)
                {
                    errors.Add(UnifiedErrorKind.OutOfBounds, file, start, $"boot record size {size}, expected {BootRecordSize}");
                    break;
                }

                if (reader.Remaining < BootRecordSize - 4)
                {
                    errors.Add(UnifiedErrorKind.Truncated, file, start, "boot record is cut short");
                    break;
                }

                reader.TrySkip(4);
                reader.TryReadUuid(out var boot);
                reader.TryReadUInt32(out var numerator);
                reader.TryReadUInt32(out var denominator);
                reader.TryReadInt64(out var bootTime);
                reader.TryReadInt32(out var zone);
                reader.TryReadUInt32(out var dst);
                current?.AddTo(boots);
                current = new Pending(boot, new MachTimebase(numerator, denominator), bootTime, zone, dst, start);
            }
            else if (signature == SyncSignature && size == SyncRecordSize)
            {
                if (reader.Remaining < SyncRecordSize - 4)
                {
                    errors.Add(UnifiedErrorKind.Truncated, file, start, "sync record is cut short");
                    break;
                }

                reader.TryReadUInt32(out var flags);
                reader.TryReadUInt64(out var kernel);
                reader.TryReadInt64(out var wall);
                reader.TryReadInt32(out var zone);
                reader.TryReadUInt32(out var dst);
                if (current is null)
                {
                    errors.Add(UnifiedErrorKind.Unsupported, file, start, "sync record before any boot record");
                    continue;
                }

                current.Records.Add(new TimesyncRecord(flags, kernel, wall, zone, dst));
            }
            else
            {
                errors.Add(UnifiedErrorKind.BadSignature, file, start, $"unknown record signature 0x{signature:x4} size {size}");
                break;
            }
        }

        current?.AddTo(boots);
        return boots;
    }

    private sealed class Pending(Guid boot, MachTimebase timebase, long bootTime, int zone, uint dst, long offset)
    {
        public List<TimesyncRecord> Records { get; } = [];

        public void AddTo(List<TimesyncBoot> boots)
        {
            for (var i = 1; i < Records.Count; i++)
            {
                if (Records[i].KernelTime < Records[i - 1].KernelTime)
                {
                    // Lookups need ascending kernel time; a stable sort keeps equal times in file order.
                    var sorted = Records.OrderBy(static r => r.KernelTime).ToList();
                    Records.Clear();
                    Records.AddRange(sorted);
                    break;
                }
            }

            boots.Add(new TimesyncBoot(boot, timebase, bootTime, zone, dst, Records.ToArray(), offset));
        }
    }
}
