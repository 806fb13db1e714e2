using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The mDNSResponder decoders: <c>mdns:dnshdr</c> (a 12-byte DNS header, network byte order:
/// <c>id: 0x1234 (4660), flags: 0x8180 (R/Query, RD, RA, NoError), counts: 1/2/0/0</c>), <c>mdns:dns.idflags</c>,
/// <c>mdns:dns.counts</c>, <c>mdns:rrtype</c>, <c>mdns:nreason</c>, <c>mdns:protocol</c>, <c>mdns:yesno</c>,
/// <c>mdns:acceptable</c>, <c>mdns:addrmv</c>, <c>mdns:rd.svcb</c> (SVCB/HTTPS record data, RFC 9460) and the
/// <c>mdnsresponder:</c> <c>domain_name</c>, <c>mac_addr</c> and <c>ip_addr</c> helpers.
/// </summary>
public static class MdnsDecoders
{
    private static readonly string[] Operations = ["Query", "IQuery", "Status", "Unassigned", "Notify", "Update", "DSO"];

    private static readonly string[] ResponseCodes =
        ["NoError", "FormErr", "ServFail", "NXDomain", "NotImp", "Refused", "YXDomain", "YXRRSet", "NXRRSet", "NotAuth", "NotZone", "DSOTypeNI"];

    private static readonly (int Bit, string Name)[] FlagNames = [(0x0400, "AA"), (0x0200, "TC"), (0x0100, "RD"), (0x0080, "RA"), (0x0020, "AD"), (0x0010, "CD")];

    private static readonly FrozenDictionary<long, string> RecordTypes = new Dictionary<long, string>
    {
        [1] = "A",
        [2] = "NS",
        [5] = "CNAME",
        [6] = "SOA",
        [12] = "PTR",
        [13] = "HINFO",
        [15] = "MX",
        [16] = "TXT",
        [17] = "RP",
        [18] = "AFSDB",
        [24] = "SIG",
        [25] = "KEY",
        [28] = "AAAA",
        [29] = "LOC",
        [33] = "SRV",
        [35] = "NAPTR",
        [36] = "KX",
        [37] = "CERT",
        [39] = "DNAME",
        [41] = "OPT",
        [42] = "APL",
        [43] = "DS",
        [44] = "SSHFP",
        [45] = "IPSECKEY",
        [46] = "RRSIG",
        [47] = "NSEC",
        [48] = "DNSKEY",
        [49] = "DHCID",
        [50] = "NSEC3",
        [51] = "NSEC3PARAM",
        [52] = "TLSA",
        [53] = "SMIMEA",
        [55] = "HIP",
        [59] = "CDS",
        [60] = "CDNSKEY",
        [61] = "OPENPGPKEY",
        [62] = "CSYNC",
        [63] = "ZONEMD",
        [64] = "SVCB",
        [65] = "HTTPS",
        [108] = "EUI48",
        [109] = "EUI64",
        [249] = "TKEY",
        [250] = "TSIG",
        [255] = "ANY",
        [256] = "URI",
        [257] = "CAA",
        [32768] = "TA",
        [32769] = "DLV",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> Reasons = new Dictionary<long, string>
    {
        [1] = "no-data",
        [2] = "nxdomain",
        [3] = "query-suppressed",
        [4] = "no-dns-service",
        [5] = "server error",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> Protocols = new Dictionary<long, string>
    {
        [1] = "UDP",
        [2] = "TCP",
        [4] = "HTTPS",
    }.ToFrozenDictionary();

    /// <summary><c>mdns:dnshdr</c>.</summary>
    public static string DnsHeader(ReadOnlySpan<byte> value)
    {
        if (value.Length < 12)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(value);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
        return IdAndFlags(id, flags) + ", counts: " + Counts(value[4..12]);
    }

    /// <summary><c>mdns:dns.idflags</c>: a 32-bit number, id in the upper and flags in the lower 16 bits.</summary>
    public static string IdFlags(ReadOnlySpan<byte> value) => ValueBytes.TryUnsigned(value, out var number)
        ? IdAndFlags((ushort)(number >> 16), (ushort)number)
        : MessagePlaceholders.UnsupportedValue(value);

    /// <summary><c>mdns:dns.counts</c>: a 64-bit number holding the four 16-bit section counts, first count in the upper bits.</summary>
    public static string DnsCounts(ReadOnlySpan<byte> value)
    {
        if (!ValueBytes.TryUnsigned(value, out var number))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        Span<byte> bigEndian = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, number);
        return Counts(bigEndian);
    }

    /// <summary><c>mdns:rrtype</c>.</summary>
    public static string RecordType(ReadOnlySpan<byte> value) => ValueBytes.Named(value, RecordTypes);

    /// <summary><c>mdns:nreason</c>.</summary>
    public static string Reason(ReadOnlySpan<byte> value) => ValueBytes.Named(value, Reasons);

    /// <summary><c>mdns:protocol</c>.</summary>
    public static string Protocol(ReadOnlySpan<byte> value) => ValueBytes.Named(value, Protocols);

    /// <summary><c>mdns:yesno</c>.</summary>
    public static string YesNo(ReadOnlySpan<byte> value) => DarwinDecoders.Truth(value, "yes", "no");

    /// <summary><c>mdns:acceptable</c>.</summary>
    public static string Acceptable(ReadOnlySpan<byte> value) => DarwinDecoders.Truth(value, "acceptable", "unacceptable");

    /// <summary><c>mdns:addrmv</c>.</summary>
    public static string AddRemove(ReadOnlySpan<byte> value) => DarwinDecoders.Truth(value, "add", "rmv");

    /// <summary><c>mdnsresponder:mac_addr</c>: bytes as <c>AA:BB:CC:…</c>.</summary>
    public static string MacAddress(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 32)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var text = new StringBuilder(value.Length * 3);
        foreach (var b in value)
        {
            text.Append(text.Length > 0 ? ":" : "").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary><c>mdnsresponder:ip_addr</c>: a 32-bit version (4 or 6), then the address.</summary>
    public static string IpAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(value) == 4)
        {
            return NetworkDecoders.InAddr(value.Slice(4, 4));
        }

        return value.Length >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(value) == 6
            ? NetworkDecoders.In6Addr(value.Slice(4, 16))
            : MessagePlaceholders.UnsupportedValue(value);
    }

    /// <summary><c>mdnsresponder:domain_name</c>: a DNS name in wire format (length-prefixed labels), or a plain C string.</summary>
    public static string DomainName(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder();
        return TryName(value, text, out _) ? text.ToString() : Encoding.UTF8.GetString(ValueBytes.CString(value));
    }

    /// <summary><c>mdns:rd.svcb</c>: SVCB/HTTPS record data as <c>priority target key=value…</c>.</summary>
    public static string ServiceBinding(ReadOnlySpan<byte> value)
    {
        if (value.Length < 3)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var text = new StringBuilder().Append(BinaryPrimitives.ReadUInt16BigEndian(value)).Append(' ');
        if (!TryName(value[2..], text, out var nameLength))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var rest = value[(2 + nameLength)..];
        while (rest.Length >= 4)
        {
            var key = BinaryPrimitives.ReadUInt16BigEndian(rest);
            var length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (length > rest.Length - 4)
            {
                return MessagePlaceholders.UnsupportedValue(value);
            }

            AppendParameter(text.Append(' '), key, rest.Slice(4, length));
            rest = rest[(4 + length)..];
        }

        return rest.IsEmpty ? text.ToString() : MessagePlaceholders.UnsupportedValue(value);
    }

    private static void AppendParameter(StringBuilder text, ushort key, ReadOnlySpan<byte> data)
    {
        switch (key)
        {
            case 1:
                text.Append("alpn=");
                for (var first = true; !data.IsEmpty && data[0] < data.Length; first = false)
                {
                    text.Append(first ? "" : ",").Append(Encoding.ASCII.GetString(data.Slice(1, data[0])));
                    data = data[(1 + data[0])..];
                }

                break;
            case 3 when data.Length == 2:
                text.Append("port=").Append(BinaryPrimitives.ReadUInt16BigEndian(data));
                break;
            case 4 when data.Length % 4 == 0:
                text.Append("ipv4hint=");
                for (var i = 0; i < data.Length; i += 4)
                {
                    text.Append(i > 0 ? "," : "").Append(NetworkDecoders.InAddr(data.Slice(i, 4)));
                }

                break;
            case 6 when data.Length % 16 == 0:
                text.Append("ipv6hint=");
                for (var i = 0; i < data.Length; i += 16)
                {
                    text.Append(i > 0 ? "," : "").Append(NetworkDecoders.In6Addr(data.Slice(i, 16)));
                }

                break;
            default:
                text.Append("key").Append(key).Append('=').Append(Convert.ToHexStringLower(data));
                break;
        }
    }

    /// <summary>Appends a wire-format name (at most 255 bytes, no compression pointers); false when malformed.</summary>
    private static bool TryName(ReadOnlySpan<byte> data, StringBuilder text, out int length)
    {
        length = 0;
        var start = text.Length;
        while (length < data.Length && length <= 255)
        {
            int label = data[length];
            if (label == 0)
            {
                length++;
                if (text.Length == start)
                {
                    text.Append('.');
                }

                return true;
            }

            if (label > 63 || length + 1 + label > data.Length)
            {
                return false;
            }

            text.Append(Encoding.ASCII.GetString(data.Slice(length + 1, label))).Append('.');
            length += 1 + label;
        }

        return false;
    }

    private static string IdAndFlags(ushort id, ushort flags)
    {
        var text = new StringBuilder()
            .Append("id: 0x").Append(id.ToString("X4", CultureInfo.InvariantCulture)).Append(" (").Append(id).Append("), flags: 0x")
            .Append(flags.ToString("X4", CultureInfo.InvariantCulture)).Append(" (")
            .Append((flags & 0x8000) != 0 ? 'R' : 'Q').Append('/');
        var operation = (flags >> 11) & 0xF;
        text.Append(operation < Operations.Length ? Operations[operation] : "?");
        foreach (var (bit, name) in FlagNames)
        {
            if ((flags & bit) != 0)
            {
                text.Append(", ").Append(name);
            }
        }

        var code = flags & 0xF;
        return text.Append(", ").Append(code < ResponseCodes.Length ? ResponseCodes[code] : "?").Append(')').ToString();
    }

    private static string Counts(ReadOnlySpan<byte> counts) => string.Create(CultureInfo.InvariantCulture,
        $"{BinaryPrimitives.ReadUInt16BigEndian(counts)}/{BinaryPrimitives.ReadUInt16BigEndian(counts[2..])}/{BinaryPrimitives.ReadUInt16BigEndian(counts[4..])}/{BinaryPrimitives.ReadUInt16BigEndian(counts[6..])}");
}
