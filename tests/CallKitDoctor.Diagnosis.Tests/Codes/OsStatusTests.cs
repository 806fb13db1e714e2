using CallKitDoctor.Diagnosis.Codes;

namespace CallKitDoctor.Diagnosis.Tests.Codes;

public class OsStatusTests
{
    /// <summary>Table 4d of signatures.md: decimal and FourCC as Apple documents them.</summary>
    public static TheoryData<int, string, string> FourCcTable() => new()
    {
        { 561017449, "!pri", "InsufficientPriority" },
        { 560557684, "!int", "CannotInterruptOthers" },
        { 1701737535, "ent?", "MissingEntitlement" },
        { 560030580, "!act", "IsBusy" },
        { 561145203, "!res", "ResourceNotAvailable" },
        { 1768841571, "inac", "SessionNotActive" },
        { 1836282486, "msrv", "MediaServicesFailed" },
        { 561210739, "!ses", "ExpiredSession" },
        { 560161140, "!cat", "IncompatibleCategory" },
        { 1936290409, "siri", "SiriIsRecording" },
        { 2003329396, "what", "Unspecified" },
    };

    [Theory]
    [MemberData(nameof(FourCcTable))]
    public void DecimalAndFourCcRoundTrip(int value, string fourCc, string name)
    {
        Assert.Equal(fourCc, new OsStatus(value).FourCharCode);
        Assert.True(OsStatus.TryFromFourCharCode(fourCc, out var fromCode));
        Assert.Equal(value, fromCode.Value);
        Assert.Equal(name, fromCode.Name);
        Assert.True(OsStatus.TryParse($"'{fourCc}'", out var quoted));
        Assert.Equal(value, quoted.Value);
        Assert.True(OsStatus.TryParse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var parsed));
        Assert.Equal(fourCc, parsed.FourCharCode);
    }

    [Fact]
    public void EveryTableEntryRoundTripsThroughItsComputedSpelling()
    {
        foreach (var description in OsStatusTable.All)
        {
            var status = new OsStatus(description.Code);
            var spelling = status.FourCharCode is { } fourCc ? $"'{fourCc}'" : description.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(OsStatus.TryParse(spelling, out var back), spelling);
            Assert.Equal(description.Code, back.Value);
            Assert.Same(description, back.Description);
            Assert.False(string.IsNullOrWhiteSpace(description.Meaning));
        }
    }

    [Theory]
    [InlineData("561017449", 561017449)]
    [InlineData("-50", -50)]
    [InlineData("-12983", -12983)]
    [InlineData("0x21707269", 561017449)]
    [InlineData("'!pri'", 561017449)]
    [InlineData("!pri", 561017449)]
    [InlineData("ent?", 1701737535)]
    [InlineData("OSStatus error 561017449.", 561017449)]
    [InlineData("Code=561017449", 561017449)]
    [InlineData("NSOSStatusErrorDomain:-50", -50)]
    [InlineData("\"error_code\":-12983", -12983)]
    [InlineData("3131951633", unchecked((int)0xBAADCA11))]
    public void ParsesEverySpelling(string text, int expected)
    {
        Assert.True(OsStatus.TryParse(text, out var status));
        Assert.Equal(expected, status.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("'toolong'")]
    [InlineData("99999999999")]
    [InlineData("0xZZ")]
    public void RejectsNonCodes(string text)
    {
        Assert.False(OsStatus.TryParse(text, out _));
    }

    [Theory]
    [InlineData("Fail: The operation couldn’t be completed. (OSStatus error 561017449.)", 561017449)]
    [InlineData("[aurioc] 1029: failed: '!pri' (enable 3, outf< 1 ch,  44100 Hz, Int16>", 561017449)]
    [InlineData("Error Domain=NSOSStatusErrorDomain Code=560557684 \"(null)\"", 560557684)]
    [InlineData("<NSError:0x6000(NSOSStatusErrorDomain:-50) - {", -50)]
    [InlineData("\"details\":{\"calling_line\":3196,\"error_code\":-12983,\"error_string\":\"Insufficient priority\"}", -12983)]
    [InlineData("Creating proxy session failed, session ID = 0x0, error = -50", -50)]
    public void FindsCodesInMessages(string message, int expected)
    {
        Assert.True(OsStatus.TryFind(message, out var status));
        Assert.Equal(expected, status.Value);
    }

    [Theory]
    [InlineData("Error Domain=com.apple.CallKit.error.requesttransaction Code=1 \"(null)\"")]
    [InlineData("HTTP load failed: 200 bytes")]
    [InlineData("nothing here")]
    public void GenericMarkersNeedAPlausibleCode(string message)
    {
        Assert.False(OsStatus.TryFind(message, out _));
    }

    [Fact]
    public void DescribesItself()
    {
        var status = new OsStatus(561017449);

        Assert.Equal("561017449 ('!pri') InsufficientPriority", status.ToString());
        Assert.Contains("didActivate", status.Description!.Meaning, StringComparison.Ordinal);
        Assert.Equal("-50 BadParam", new OsStatus(-50).ToString());
        Assert.Null(new OsStatus(-50).FourCharCode);
        Assert.Null(new OsStatus(1).FourCharCode);
    }
}
