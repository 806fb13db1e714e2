using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Output;

/// <summary>Formats timestamps and UUIDs into UTF-8 the way Apple's <c>log</c> prints them, without allocating.</summary>
public static class TimestampText
{
    /// <summary>The longest text <see cref="Format"/> writes.</summary>
    public const int MaxLength = 40;

    /// <summary>
    /// Writes <c>2025-10-23 16:00:39.916170+1100</c>: the date (when the timestamp has one), the time with 6
    /// (microseconds) or 3 (milliseconds) fraction digits, and the UTC offset when asked for and known. Returns the
    /// bytes written; <paramref name="destination"/> must hold <see cref="MaxLength"/> bytes.
    /// </summary>
    public static int Format(LogTimestamp time, Span<byte> destination, int fractionDigits, bool withOffset)
    {
        var local = time.Local;
        var i = 0;
        if (time.HasDate)
        {
            local.Deconstruct(out int year, out int month, out int day);
            Digits(destination, ref i, year, 4);
            destination[i++] = (byte)'-';
            Digits(destination, ref i, month, 2);
            destination[i++] = (byte)'-';
            Digits(destination, ref i, day, 2);
            destination[i++] = (byte)' ';
        }

        var ticks = local.Ticks;
        var secondOfDay = (int)(ticks / TimeSpan.TicksPerSecond % 86_400);
        Digits(destination, ref i, secondOfDay / 3600, 2);
        destination[i++] = (byte)':';
        Digits(destination, ref i, secondOfDay / 60 % 60, 2);
        destination[i++] = (byte)':';
        Digits(destination, ref i, secondOfDay % 60, 2);
        destination[i++] = (byte)'.';
        var subSecondTicks = (int)(ticks % TimeSpan.TicksPerSecond);
        if (fractionDigits >= 6)
        {
            Digits(destination, ref i, subSecondTicks / 10, 6);
        }
        else
        {
            Digits(destination, ref i, subSecondTicks / 10_000, 3);
        }

        if (withOffset && time.Offset is { } offset)
        {
            destination[i++] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
            var minutes = (int)Math.Abs(offset.TotalMinutes);
            Digits(destination, ref i, minutes / 60, 2);
            Digits(destination, ref i, minutes % 60, 2);
        }

        return i;
    }

    /// <summary>Writes a UUID in upper case with hyphens (36 bytes), as <c>log</c> prints it.</summary>
    public static int FormatUuid(Guid uuid, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        var hex = "0123456789ABCDEF"u8;
        var i = 0;
        for (var b = 0; b < 16; b++)
        {
            if (b is 4 or 6 or 8 or 10)
            {
                destination[i++] = (byte)'-';
            }

            destination[i++] = hex[bytes[b] >> 4];
            destination[i++] = hex[bytes[b] & 0xF];
        }

        return i;
    }

    private static void Digits(Span<byte> span, ref int i, int value, int count)
    {
        for (var k = count - 1; k >= 0; k--)
        {
            span[i + k] = (byte)('0' + (value % 10));
            value /= 10;
        }

        i += count;
    }
}
