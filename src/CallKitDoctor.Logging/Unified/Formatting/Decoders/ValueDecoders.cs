using System.Collections.Frozen;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The value decoders by the name a format string gives them in <c>%{…}</c> (<c>%{public, network:sockaddr}.*P</c>).
/// Names that only set privacy (<c>public</c>, <c>private</c>, <c>sensitive</c>, <c>name=…</c>) or that the formatter
/// handles itself (<c>mask.hash</c>) are not decoders; a name with no decoder leaves the value to the printf rules.
/// </summary>
public static class ValueDecoders
{
    private static readonly FrozenDictionary<string, ValueDecoder> ByName = new Dictionary<string, ValueDecoder>(StringComparer.Ordinal)
    {
        ["bool"] = DarwinDecoders.Bool,
        ["BOOL"] = DarwinDecoders.ObjCBool,
        ["errno"] = DarwinDecoders.Errno,
        ["darwin.errno"] = DarwinDecoders.Errno,
        ["darwin.mode"] = DarwinDecoders.Mode,
        ["darwin.signal"] = DarwinDecoders.Signal,
        ["time_t"] = DarwinDecoders.TimeT,
        ["timeval"] = DarwinDecoders.Timeval,
        ["timespec"] = DarwinDecoders.Timespec,
        ["uuid_t"] = DarwinDecoders.Uuid,
        ["bytes"] = SizeDecoders.Bytes,
        ["iec-bytes"] = SizeDecoders.IecBytesText,
        ["bitrate"] = SizeDecoders.Bitrate,
        ["iec-bitrate"] = SizeDecoders.IecBitrate,
        ["in_addr"] = NetworkDecoders.InAddr,
        ["network:in_addr"] = NetworkDecoders.InAddr,
        ["in6_addr"] = NetworkDecoders.In6Addr,
        ["network:in6_addr"] = NetworkDecoders.In6Addr,
        ["sockaddr"] = NetworkDecoders.Sockaddr,
        ["network:sockaddr"] = NetworkDecoders.Sockaddr,
        ["odtypes:mbr_details"] = OpenDirectoryDecoders.MemberDetails,
        ["odtypes:mbridtype"] = OpenDirectoryDecoders.MemberIdType,
        ["odtypes:nt_sid_t"] = OpenDirectoryDecoders.NtSid,
        ["odtypes:ODError"] = OpenDirectoryDecoders.ODError,
        ["mdns:dnshdr"] = MdnsDecoders.DnsHeader,
        ["mdns:dns.idflags"] = MdnsDecoders.IdFlags,
        ["mdns:dns.counts"] = MdnsDecoders.DnsCounts,
        ["mdns:rrtype"] = MdnsDecoders.RecordType,
        ["mdns:nreason"] = MdnsDecoders.Reason,
        ["mdns:protocol"] = MdnsDecoders.Protocol,
        ["mdns:yesno"] = MdnsDecoders.YesNo,
        ["mdns:acceptable"] = MdnsDecoders.Acceptable,
        ["mdns:addrmv"] = MdnsDecoders.AddRemove,
        ["mdns:rd.svcb"] = MdnsDecoders.ServiceBinding,
        ["mdnsresponder:domain_name"] = MdnsDecoders.DomainName,
        ["mdnsresponder:mac_addr"] = MdnsDecoders.MacAddress,
        ["mdnsresponder:ip_addr"] = MdnsDecoders.IpAddress,
        ["location:CLClientAuthorizationStatus"] = LocationDecoders.AuthorizationStatus,
        ["location:_CLLocationManagerStateTrackerState"] = LocationDecoders.LocationManagerState,
        ["location:_CLClientManagerStateTrackerState"] = LocationDecoders.ClientManagerState,
        ["location:_CLDaemonStatusStateTrackerState"] = LocationDecoders.DaemonStatusState,
        ["location:SqliteResult"] = LocationDecoders.SqliteResult,
        ["location:escape_only"] = LocationDecoders.EscapeOnly,
        ["location:CLDaemonStatus_Type::Reachability"] = LocationDecoders.Reachability,
        ["location:CLSubHarvesterIdentifier"] = LocationDecoders.SubHarvester,
        ["location:IOMessage"] = LocationDecoders.IoMessage,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ValueDecoder>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every decoder name known (for tests and documentation).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The decoder of one name (<c>network:sockaddr</c>).</summary>
    public static bool TryGet(ReadOnlySpan<char> name, out ValueDecoder decoder) => BySpan.TryGetValue(name, out decoder!);

    /// <summary>The first decoder named in a <c>%{…}</c> list (<c>public, network:sockaddr</c>), if any.</summary>
    public static bool TryFind(ReadOnlySpan<char> decoders, out ValueDecoder decoder)
    {
        decoder = null!;
        while (!decoders.IsEmpty)
        {
            var comma = decoders.IndexOf(',');
            var part = (comma < 0 ? decoders : decoders[..comma]).Trim();
            if (!part.IsEmpty && BySpan.TryGetValue(part, out decoder!))
            {
                return true;
            }

            decoders = comma < 0 ? default : decoders[(comma + 1)..];
        }

        return false;
    }
}
