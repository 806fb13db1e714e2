using System.Text;
using CallKitDoctor.Logging.Unified.Formatting;

namespace CallKitDoctor.Logging.Tests.Unified;

public class OsLogFormatterTests
{
    private static string F(string format, ItemsImage items, byte[]? privateData = null) =>
        OsLogFormatter.Format(format, items.ToArray(), privateData ?? []);

    [Theory]
    [InlineData("%d", -5, 4, "-5")]
    [InlineData("%i", 42, 4, "42")]
    [InlineData("%u", -1, 4, "4294967295")]
    [InlineData("%lu", -1, 8, "18446744073709551615")]
    [InlineData("%lld", long.MinValue, 8, "-9223372036854775808")]
    [InlineData("%hhd", 0xFF, 1, "-1")]
    [InlineData("%hd", 0x8000, 2, "-32768")]
    [InlineData("%x", 255, 4, "ff")]
    [InlineData("%X", 255, 4, "FF")]
    [InlineData("%#x", 255, 4, "0xff")]
    [InlineData("%o", 8, 4, "10")]
    [InlineData("%5d", 42, 4, "   42")]
    [InlineData("%-5d|", 42, 4, "42   |")]
    [InlineData("%05d", -42, 4, "-0042")]
    [InlineData("%+d", 7, 4, "+7")]
    [InlineData("%.3d", 7, 4, "007")]
    [InlineData("%p", 0x1000, 8, "0x1000")]
    [InlineData("%c", 65, 4, "A")]
    [InlineData("%{bool}d", 1, 4, "true")]
    [InlineData("%{bool}d", 0, 4, "false")]
    [InlineData("%{BOOL}d", 1, 4, "YES")]
    [InlineData("%{BOOL}d", 0, 4, "NO")]
    [InlineData("%{errno}d", 2, 4, "[2: No such file or directory]")]
    [InlineData("%{darwin.errno}d", 32, 4, "[32: Broken pipe]")]
    [InlineData("%m", 65, 4, "No route to host")]
    [InlineData("%{time_t}d", 1452627697, 8, "2016-01-12 19:41:37")]
    [InlineData("%{public}d", 3, 4, "3")]
    [InlineData("%{public, network:in_addr}d", 0x0100007F, 4, "127.0.0.1")]
    public void FormatsIntegers(string format, long value, byte size, string expected) =>
        Assert.Equal(expected, F(format, new ItemsImage().Scalar(value, size)));

    [Theory]
    [InlineData("% d", 5, 4, " 5")]
    [InlineData("%+d", -5, 4, "-5")]
    [InlineData("% +d", 5, 4, "+5")]
    [InlineData("%#x", 0, 4, "0")]
    [InlineData("%#X", 255, 4, "0XFF")]
    [InlineData("%08x", 255, 4, "000000ff")]
    [InlineData("%#08x", 255, 4, "0x0000ff")]
    [InlineData("%x", -1, 4, "ffffffff")]
    [InlineData("%llx", -1, 8, "ffffffffffffffff")]
    [InlineData("%hhu", 0x1FF, 1, "255")]
    [InlineData("%{public}u", 7, 4, "7")]
    [InlineData("%{private}d", -7, 4, "-7")]
    [InlineData("%-4u|", 7, 4, "7   |")]
    [InlineData("%{public}p", 0xABC, 8, "0xabc")]
    [InlineData("%.4p", 0xABC, 8, "0xabc")]
    [InlineData("%12p", 0xABC, 8, "       0xabc")]
    [InlineData("%d %d", 1, 4, "1 <decode: missing data>")]
    public void FormatsIntegersWithFlagsWidthsAndPrivacyWords(string format, long value, byte size, string expected) =>
        Assert.Equal(expected, F(format, new ItemsImage().Scalar(value, size)));

    [Theory]
    [InlineData("%6s", "abc", "   abc")]
    [InlineData("%-6s|", "abc", "abc   |")]
    [InlineData("%06s", "abc", "   abc")]
    [InlineData("%{public}s", "abc", "abc")]
    [InlineData("%{public}.2s", "héllo", "hé")]
    [InlineData("%.10s", "abc", "abc")]
    [InlineData("[%{public}@]", "<CXCallUpdate 0x2>", "[<CXCallUpdate 0x2>]")]
    [InlineData("%s and %s", "one", "one and <decode: missing data>")]
    public void FormatsStringsWithWidthsAndPrecision(string format, string value, string expected) =>
        Assert.Equal(expected, F(format, new ItemsImage().String(value)));

    [Fact]
    public void StringsAndNumbersFollowingEachOtherKeepTheirOwnText()
    {
        var items = new ItemsImage().String("first").Scalar(123456789).String("second").Scalar(-1, 8);
        Assert.Equal("first 123456789 second -1", F("%{public}s %d %s %lld", items));
        Assert.Equal("first|75bcd15|second|0xffffffffffffffff", F("%s|%x|%s|%p", items));
    }

    [Fact]
    public void InvalidUtf8InAStringBecomesReplacementCharacters() =>
        Assert.Equal("a\uFFFDb", F("%s", new ItemsImage().Binary([(byte)'a', 0xFF, (byte)'b'], 0x22)));

    [Theory]
    [InlineData("%f", 1.5, "1.500000")]
    [InlineData("%.2f", 3.14159, "3.14")]
    [InlineData("%e", 12345.678, "1.234568e+04")]
    [InlineData("%g", 0.0001, "0.0001")]
    [InlineData("%g", 1234567.0, "1.23457e+06")]
    [InlineData("%g", 100.0, "100")]
    [InlineData("%.1f", -0.25, "-0.2")]
    public void FormatsFloats(string format, double value, string expected) =>
        Assert.Equal(expected, F(format, new ItemsImage().Double(value)));

    [Fact]
    public void FormatsStringsObjectsAndPrecision()
    {
        Assert.Equal("call <abc> ok", F("call <%s> ok", new ItemsImage().String("abc")));
        Assert.Equal("obj: <CXCall 0x1>", F("obj: %@", new ItemsImage().String("<CXCall 0x1>", 0x40)));
        Assert.Equal("(null)", F("%@", new ItemsImage().String(null, 0x40)));
        Assert.Equal("ab", F("%.2s", new ItemsImage().String("abcdef")));
        Assert.Equal("abc", F("%.*s", new ItemsImage().Precision(3).String("abcdef")));
        Assert.Equal("   ab", F("%*s", new ItemsImage().Precision(5).String("ab")));
        Assert.Equal("x=ab|", F("x=%-2s|", new ItemsImage().String("ab")));
        Assert.Equal("100%", F("%d%%", new ItemsImage().Scalar(100)));
        Assert.Equal("é", F("%{public}s", new ItemsImage().String("é")));
    }

    [Fact]
    public void PrivacyCases()
    {
        // Redacted scalar and string item types print <private>, whatever the format says.
        Assert.Equal("<private>", F("%d", new ItemsImage().Redacted(0x01)));
        Assert.Equal("<private>", F("%{public}s", new ItemsImage().Redacted(0x25)));
        Assert.Equal("<private>", F("%{private}@", new ItemsImage().Redacted(0x45)));
        // A private range without private data in the capture is redacted.
        Assert.Equal("<private>", F("%{private}s", new ItemsImage().PrivateRange(0, 5)));
        // With private data present, the value shows.
        Assert.Equal("secret", F("%{private}s", new ItemsImage().PrivateRange(2, 7), Encoding.UTF8.GetBytes("..secret\0")));
        // A public value marked private at compile time but stored public shows (the item type decides).
        Assert.Equal("shown", F("%{private}s", new ItemsImage().String("shown")));
        // mask.hash
        var hash = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        Assert.Equal($"<mask.hash: '{Convert.ToBase64String(hash)}'>", F("%{private, mask.hash}s", new ItemsImage().Binary(hash)));
    }

    [Fact]
    public void UuidAndBinary()
    {
        var uuid = Guid.Parse("10742E39-0657-41F8-AB99-878C5EC2DCAA");
        Assert.Equal("10742E39-0657-41F8-AB99-878C5EC2DCAA", F("%{public,uuid_t}.16P", new ItemsImage().Binary(uuid.ToByteArray(bigEndian: true))));
        Assert.Equal("0102ff", F("%{public}.3P", new ItemsImage().Binary([1, 2, 0xFF])));
    }

    [Fact]
    public void MissingAndUnknownAreShownNotDropped()
    {
        Assert.Equal("a=1 b=<decode: missing data>", F("a=%d b=%d", new ItemsImage().Scalar(1)));
        Assert.Equal("v=%k", F("v=%k", new ItemsImage()));
        Assert.Equal("trailing %", F("trailing %", new ItemsImage()));
        Assert.Equal("%{public", F("%{public", new ItemsImage()));
        Assert.Equal("plain text", F("plain text", new ItemsImage()));
    }

    [Fact]
    public void HostileItemsNeverThrow()
    {
        // A string item pointing past the values data.
        var items = new ByteImage().U8(0).U8(1).U8(0x22).U8(4).U16(60000).U16(500).ToArray();
        Assert.Equal("<decode: missing data>", OsLogFormatter.Format("%s", items));
        // A count larger than the items present.
        Assert.Equal("<decode: missing data>", OsLogFormatter.Format("%d", new byte[] { 0, 200, 0x00 }));
        // Huge width is clamped.
        Assert.True(OsLogFormatter.Format("%999999d", new ItemsImage().Scalar(1).ToArray()).Length <= 65536);
    }
}
