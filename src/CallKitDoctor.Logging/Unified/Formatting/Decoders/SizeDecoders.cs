using System.Globalization;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The size and rate decoders of <c>man os_log</c>: <c>bytes</c> (<c>4.72 kB</c>), <c>iec-bytes</c> (<c>100 KiB</c>),
/// <c>bitrate</c> (<c>123 kbps</c>) and <c>iec-bitrate</c> (<c>118 Kibps</c>), with three significant digits.
/// </summary>
public static class SizeDecoders
{
    private static readonly string[] SiBytes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    private static readonly string[] IecBytes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    private static readonly string[] SiBits = ["bps", "kbps", "Mbps", "Gbps", "Tbps", "Pbps", "Ebps"];
    private static readonly string[] IecBits = ["bps", "Kibps", "Mibps", "Gibps", "Tibps", "Pibps", "Eibps"];

    /// <summary><c>%{bytes}d</c>.</summary>
    public static string Bytes(ReadOnlySpan<byte> value) => Scaled(value, 1000, SiBytes);

    /// <summary><c>%{iec-bytes}d</c>.</summary>
    public static string IecBytesText(ReadOnlySpan<byte> value) => Scaled(value, 1024, IecBytes);

    /// <summary><c>%{bitrate}d</c>.</summary>
    public static string Bitrate(ReadOnlySpan<byte> value) => Scaled(value, 1000, SiBits);

    /// <summary><c>%{iec-bitrate}d</c>.</summary>
    public static string IecBitrate(ReadOnlySpan<byte> value) => Scaled(value, 1024, IecBits);

    private static string Scaled(ReadOnlySpan<byte> value, double step, string[] units)
    {
        if (!ValueBytes.TrySigned(value, out var number))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        if (number < 0 || number < step)
        {
            return number.ToString(CultureInfo.InvariantCulture) + " " + units[0];
        }

        double scaled = number;
        var unit = 0;
        while (scaled >= step && unit < units.Length - 1)
        {
            scaled /= step;
            unit++;
        }

        // Three significant digits, trailing zeros dropped (4.72, 47.2, 472, 1.5, 100).
        var digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
        var text = Math.Round(scaled, digits).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text + " " + units[unit];
    }
}
