using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Formatting.Decoders;

namespace CallKitDoctor.Logging.Tests.Unified.Decoders;

/// <summary>Each value decoder against hand-built argument bytes, through the formatter as a format string names it.</summary>
public class ValueDecoderTests
{
    private static string Scalar(string format, long value, byte size = 4) =>
        OsLogFormatter.Format(format, new ItemsImage().Scalar(value, size).ToArray());

    /// <summary>A binary item, after the precision item a <c>.*</c> in the format consumes (as os_log writes them).</summary>
    private static string Binary(string format, byte[] value)
    {
        var items = new ItemsImage();
        if (format.Contains(".*", StringComparison.Ordinal))
        {
            items.Precision(value.Length);
        }

        return OsLogFormatter.Format(format, items.Binary(value).ToArray());
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Theory]
    [InlineData("%{network:in_addr}d", 0x0100007F, "127.0.0.1")]
    [InlineData("%{public, in_addr}d", 0xFB0000E0, "224.0.0.251")]
    [InlineData("%{darwin.signal}d", 11, "[sigsegv: Segmentation fault]")]
    [InlineData("%{darwin.signal}d", 25, "[sigxfsz: Filesize limit exceeded]")]
    [InlineData("%{darwin.signal}d", 99, "[99: Unknown signal: 99]")]
    [InlineData("%{darwin.mode}d", 0x41ED, "drwxr-xr-x")]
    [InlineData("%{darwin.mode}d", 0x81A4, "-rw-r--r--")]
    [InlineData("%{darwin.mode}d", 0xA1FF, "lrwxrwxrwx")]
    [InlineData("%{darwin.mode}d", 0x8DED, "-rwsr-sr-x")]
    [InlineData("%{darwin.mode}d", 0x43FF, "drwxrwxrwt")]
    [InlineData("%{darwin.errno}d", 66, "[66: Directory not empty]")]
    [InlineData("%{errno}d", 106, "[106: Interface output queue is full]")]
    [InlineData("%{errno}d", 500, "[500: Unknown error: 500]")]
    [InlineData("%{bitrate}d", 100_000, "100 kbps")]
    [InlineData("%{bitrate}d", 123_000, "123 kbps")]
    [InlineData("%{bitrate}d", 999, "999 bps")]
    [InlineData("%{iec-bitrate}d", 120_832, "118 Kibps")]
    [InlineData("%{iec-bytes}d", 102_400, "100 KiB")]
    [InlineData("%{bytes}d", 4_720, "4.72 kB")]
    [InlineData("%{bytes}d", 1_500_000, "1.5 MB")]
    [InlineData("%{odtypes:mbridtype}d", 1, "GID")]
    [InlineData("%{odtypes:mbridtype}d", 9, "<decode: unknown value: 9>")]
    [InlineData("%{odtypes:ODError}d", 5301, "ODErrorCredentialsAccountDisabled")]
    [InlineData("%{location:CLClientAuthorizationStatus}d", 4, "\"Authorized When In Use\"")]
    [InlineData("%{location:SqliteResult}d", 101, "\"SQLITE_DONE\"")]
    [InlineData("%{location:IOMessage}d", 0xE0000280, "SystemWillSleep")]
    [InlineData("%{mdns:rrtype}d", 28, "AAAA")]
    [InlineData("%{mdns:rrtype}d", 65, "HTTPS")]
    [InlineData("%{mdns:nreason}d", 2, "nxdomain")]
    [InlineData("%{mdns:protocol}d", 4, "HTTPS")]
    [InlineData("%{mdns:yesno}d", 0, "no")]
    [InlineData("%{mdns:acceptable}d", 1, "acceptable")]
    [InlineData("%{mdns:addrmv}d", 1, "add")]
    [InlineData("%{mdns:dns.idflags}08x", 0x12348180, "id: 0x1234 (4660), flags: 0x8180 (R/Query, RD, RA, NoError)")]
    public void ScalarDecoders(string format, long value, string expected) => Assert.Equal(expected, Scalar(format, value));

    [Fact]
    public void TimeDecodersPrintUtcDates()
    {
        Assert.Equal("2016-01-12 19:41:37", Scalar("%{time_t}d", 1452627697, 8));
        var timeval = new ByteImage().I64(1452627697).I32(774236).Zeros(4).ToArray();
        Assert.Equal("2016-01-12 19:41:37.774236", Binary("%{timeval}.*P", timeval));
        var timespec = new ByteImage().I64(1452627697).I64(238238282).ToArray();
        Assert.Equal("2016-01-12 19:41:37.238238282", Binary("%{timespec}.*P", timespec));
        Assert.StartsWith("<decode: unsupported value: ", Binary("%{timeval}.*P", [1, 2, 3]), StringComparison.Ordinal);
    }

    [Fact]
    public void DnsCountsAndHeader()
    {
        Assert.Equal("1/2/0/3", Scalar("%{mdns:dns.counts}llu", 0x0001_0002_0000_0003, 8));
        Assert.Equal("id: 0xABCD (43981), flags: 0x0100 (Q/Query, RD, NoError), counts: 1/0/0/0",
            Binary("%{mdns:dnshdr}.*P", Hex("ABCD01000001000000000000")));
        Assert.Equal("id: 0x0001 (1), flags: 0x8583 (R/Query, AA, RD, RA, NXDomain), counts: 1/0/1/0",
            Binary("%{mdns:dnshdr}.*P", Hex("000185830001000000010000")));
        Assert.StartsWith("<decode: unsupported value: abcd>", Binary("%{mdns:dnshdr}.*P", Hex("ABCD")), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceBindingRecord()
    {
        // priority 1, target ".", alpn=h2,h3, port=443, ipv4hint=104.16.132.229, an unknown key 7.
        var rdata = Hex("0001" + "00" + "0001" + "0006" + "026832" + "026833" + "0003" + "0002" + "01BB" +
            "0004" + "0004" + "681084E5" + "0007" + "0002" + "BEEF");
        Assert.Equal("1 . alpn=h2,h3 port=443 ipv4hint=104.16.132.229 key7=beef", Binary("%{mdns:rd.svcb}.*P", rdata));
        Assert.StartsWith("<decode: unsupported value", Binary("%{mdns:rd.svcb}.*P", Hex("0001" + "00" + "0001" + "0009" + "00")), StringComparison.Ordinal);
    }

    [Fact]
    public void MdnsResponderHelpers()
    {
        Assert.Equal("www.apple.com.", Binary("%{mdnsresponder:domain_name}.*P", Hex("03777777056170706C6503636F6D00")));
        Assert.Equal("plain.name", Binary("%{mdnsresponder:domain_name}.*P", "plain.name\0"u8.ToArray()));
        Assert.Equal("A4:83:E7:01:02:FF", Binary("%{mdnsresponder:mac_addr}.*P", Hex("A483E70102FF")));
        Assert.Equal("10.0.0.1", Binary("%{mdnsresponder:ip_addr}.*P", Hex("04000000" + "0A000001")));
        Assert.Equal("fe80::1", Binary("%{mdnsresponder:ip_addr}.*P", Hex("06000000" + "FE800000000000000000000000000001")));
    }

    [Fact]
    public void NetworkAddresses()
    {
        Assert.Equal("ff02::fb", Binary("%{network:in6_addr}.16P", Hex("FF0200000000000000000000000000FB")));
        Assert.Equal("fe80::f:86ff:fee9:5c16", Binary("%{network:in6_addr}.16P", Hex("FE80000000000000000F86FFFEE95C16")));
        Assert.Equal("184.28.137.103", Binary("%{network:sockaddr}.*P", Hex("10020000B81C89670000000000000000")));
        Assert.Equal("17.43.23.87:1234", Binary("%{network:sockaddr}.*P", Hex("1002" + "04D2" + "112B1757" + "0000000000000000")));
        Assert.Equal("[fe80::1%4]:443", Binary("%{network:sockaddr}.*P", Hex("1C1E" + "01BB" + "00000000" + "FE800000000000000000000000000001" + "04000000")));
        Assert.Equal("::", Binary("%{network:sockaddr}.*P", Hex("1C1E" + "0000" + "00000000" + "00000000000000000000000000000000" + "00000000")));
        Assert.Equal("<NULL>", NetworkDecoders.Sockaddr([]));
        Assert.Equal("<decode: unsupported value: 1c01aabb>", Binary("%{network:sockaddr}.*P", Hex("1C01AABB")));
    }

    [Fact]
    public void OpenDirectoryStructures()
    {
        Assert.Equal("user: -2@/Local/Default", Binary("%{odtypes:mbr_details}.*P", Convert.FromBase64String("I/7///8vTG9jYWwvRGVmYXVsdAA=")));
        Assert.Equal("group: staff@/Local/Default", Binary("%{odtypes:mbr_details}.*P", [0x44, .. "staff\0/Local/Default\0"u8]));
        Assert.Equal("group: 20@/Local/Default", Binary("%{odtypes:mbr_details}.*P", [0xC3, 20, 0, 0, 0, .. "/Local/Default\0"u8]));
        Assert.StartsWith("<decode: unsupported value: 99", Binary("%{odtypes:mbr_details}.*P", [0x99, 1]), StringComparison.Ordinal);
        var sid = new ByteImage().U8(1).U8(4).Bytes([0, 0, 0, 0, 0, 5]).U32(21).U32(1004336348).U32(1177238915).U32(682003330).ToArray();
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330", Binary("%{odtypes:nt_sid_t}.*P", sid));
        Assert.StartsWith("<decode: unsupported value", Binary("%{odtypes:nt_sid_t}.*P", sid[..12]), StringComparison.Ordinal);
    }

    [Fact]
    public void LocationStructures()
    {
        Assert.Equal("{\"locationRestricted\":false,\"locationServicesEnabledStatus\":1}",
            Binary("%{location:_CLClientManagerStateTrackerState}.*P", Hex("0100000000000000")));
        Assert.Equal("\"\\/var\\/db\"", Binary("%{location:escape_only}s", "/var/db\0"u8.ToArray()));

        var state = LocationStateBytes(v2: true);
        var text = Binary("%{location:_CLLocationManagerStateTrackerState}.*P", state);
        Assert.StartsWith("{\"previousAuthorizationStatusValid\":true,\"paused\":false,\"requestingLocation\":false,\"updatingVehicleSpeed\":false,\"desiredAccuracy\":100,", text, StringComparison.Ordinal);
        Assert.Contains("\"distanceFilter\":-1,", text, StringComparison.Ordinal);
        Assert.Contains("\"previousAuthorizationStatus\":3,", text, StringComparison.Ordinal);
        Assert.Contains("\"allowsMapCorrection\":true,", text, StringComparison.Ordinal);
        Assert.EndsWith("\"courtesyPromptNeeded\":false,\"headingFilter\":1}", text, StringComparison.Ordinal);

        var v1 = Binary("%{location:_CLLocationManagerStateTrackerState}.*P", LocationStateBytes(v2: false));
        Assert.DoesNotContain("updatingVehicleSpeed", v1, StringComparison.Ordinal);
        Assert.Contains("\"headingFilter\":1", v1, StringComparison.Ordinal);
        Assert.StartsWith("<decode: unsupported value", Binary("%{location:_CLLocationManagerStateTrackerState}.*P", state[..50]), StringComparison.Ordinal);

        var daemon = new ByteImage().U64(BitConverter.DoubleToUInt64Bits(-1)).Zeros(16).U32(2).I32(-1).Zeros(8).ToArray();
        Assert.Equal("{\"thermalLevel\":-1,\"reachability\":\"kReachabilityLarge\",\"airplaneMode\":false,\"batteryData\":{\"wasConnected\":false," +
            "\"charged\":false,\"level\":-1,\"connected\":false,\"chargerType\":\"kChargerTypeUnknown\"},\"restrictedMode\":false," +
            "\"batterySaverModeEnabled\":false,\"pushServiceConnected\":false}",
            Binary("%{location:_CLDaemonStatusStateTrackerState}.*P", daemon));
    }

    /// <summary>distanceFilter -1, desiredAccuracy 100, headingFilter 1, prompts allowed, previous status 3 (valid), map correction.</summary>
    internal static byte[] LocationStateBytes(bool v2)
    {
        var image = new ByteImage()
            .U64(BitConverter.DoubleToUInt64Bits(-1)).U64(BitConverter.DoubleToUInt64Bits(100))
            .Zeros(8)
            .U64(BitConverter.DoubleToUInt64Bits(1))
            .U8(1).U8(0).U8(0).U8(1).I32(3)
            .Zeros(8)
            .I64(0).I32(3)
            .U8(0).U8(0).U8(0).U8(1);
        if (v2)
        {
            image.Zeros(7).U8(1);
        }

        return image.ToArray();
    }

    [Fact]
    public void BooleansAndUuidStillWorkThroughTheRegistry()
    {
        Assert.Equal("true NO", OsLogFormatter.Format("%{bool}d %{BOOL}d", new ItemsImage().Scalar(5).Scalar(0).ToArray()));
        Assert.Equal("10742E39-0657-41F8-AB99-878C5EC2DCAA",
            Binary("%{public,uuid_t}.16P", Guid.Parse("10742E39-0657-41F8-AB99-878C5EC2DCAA").ToByteArray(bigEndian: true)));
    }

    [Fact]
    public void UnknownDecoderNamesLeaveTheValueToPrintf()
    {
        Assert.Equal("42", Scalar("%{xcode:size-in-bytes}d", 42));
        Assert.Equal("0x2a", Scalar("%{public, whatever:thing}#x", 42));
    }

    [Fact]
    public void RedactedValuesStayRedactedWhateverTheDecoder()
    {
        Assert.Equal("<private>", OsLogFormatter.Format("%{private, network:sockaddr}.*P", new ItemsImage().Precision(16).Redacted(0x35).ToArray()));
        Assert.Equal("<private>", OsLogFormatter.Format("%{private, odtypes:mbr_details}.*P", new ItemsImage().Precision(4).PrivateRange(0, 4).ToArray()));
    }

    [Fact]
    public void RegistryNamesTheDecodersTheBriefLists()
    {
        string[] required =
        [
            "network:sockaddr", "network:in_addr", "network:in6_addr", "odtypes:mbr_details", "odtypes:mbridtype", "odtypes:nt_sid_t",
            "odtypes:ODError", "mdns:dnshdr", "mdns:rd.svcb", "mdns:rrtype", "mdns:dns.counts", "mdns:yesno", "mdns:acceptable",
            "location:CLClientAuthorizationStatus", "location:_CLLocationManagerStateTrackerState", "location:_CLDaemonStatusStateTrackerState",
            "time_t", "bitrate", "iec-bytes", "bytes", "darwin.signal", "darwin.mode", "darwin.errno",
        ];
        Assert.All(required, name => Assert.True(ValueDecoders.TryGet(name, out _), name));
        Assert.False(ValueDecoders.TryGet("public", out _));
    }
}
