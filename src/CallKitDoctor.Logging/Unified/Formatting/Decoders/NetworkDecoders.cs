using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// <c>%{network:in_addr}d</c> (<c>17.43.23.87</c>), <c>%{network:in6_addr}.16P</c> (<c>fe80::f:86ff:fee9:5c16</c>) and
/// <c>%{network:sockaddr}.*P</c> (a BSD <c>sockaddr</c>: <c>[u8 length][u8 family]</c>, then for AF_INET (2) the
/// big-endian port and address, for AF_INET6 (30) port, flow info, address and scope id). Ports show as
/// <c>addr:port</c> / <c>[addr]:port</c>; an empty value is <c>&lt;NULL&gt;</c>.
/// </summary>
public static class NetworkDecoders
{
    private const int AfInet = 2;
    private const int AfInet6 = 30;

    /// <summary>An IPv4 address in network byte order (4 bytes as stored, or a 4-byte scalar).</summary>
    public static string InAddr(ReadOnlySpan<byte> value) =>
        value.Length == 4 ? Ipv4(value) : MessagePlaceholders.UnsupportedValue(value);

    /// <summary>An IPv6 address (16 bytes).</summary>
    public static string In6Addr(ReadOnlySpan<byte> value) =>
        value.Length == 16 ? new IPAddress(value).ToString() : MessagePlaceholders.UnsupportedValue(value);

    /// <summary>A <c>struct sockaddr</c>.</summary>
    public static string Sockaddr(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return "<NULL>";
        }

        if (value.Length < 2)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        switch (value[1])
        {
            case AfInet when value.Length >= 8:
                var port4 = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
                var address4 = Ipv4(value.Slice(4, 4));
                return port4 == 0 ? address4 : address4 + ":" + port4.ToString(CultureInfo.InvariantCulture);
            case AfInet6 when value.Length >= 28:
                var port6 = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
                var scope = BinaryPrimitives.ReadUInt32LittleEndian(value[24..]);
                var address6 = new IPAddress(value.Slice(8, 16), scope).ToString();
                return port6 == 0 ? address6 : "[" + address6 + "]:" + port6.ToString(CultureInfo.InvariantCulture);
            default:
                return MessagePlaceholders.UnsupportedValue(value);
        }
    }

    private static string Ipv4(ReadOnlySpan<byte> address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address[0]}.{address[1]}.{address[2]}.{address[3]}");
}
