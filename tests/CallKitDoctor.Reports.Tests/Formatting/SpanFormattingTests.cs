using System.Globalization;
using System.Text;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Reports.Formatting;

namespace CallKitDoctor.Reports.Tests.Formatting;

/// <summary>The span formatters write exactly what the string ones return, on varied values.</summary>
public class SpanFormattingTests
{
    private static IEnumerable<LogTimestamp> Timestamps()
    {
        var random = new Random(42);
        yield return new LogTimestamp(DateTime.MinValue, null);
        yield return new LogTimestamp(new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_999), TimeSpan.FromHours(14));
        yield return new LogTimestamp(new DateTime(2025, 10, 23, 16, 0, 39), TimeSpan.Zero, hasDate: false);
        yield return new LogTimestamp(new DateTime(2025, 10, 23), TimeSpan.FromMinutes(-(9 * 60 + 30)));
        yield return new LogTimestamp(new DateTime(2025, 10, 23), TimeSpan.FromMinutes(30 * 60 + 7));
        for (var i = 0; i < 2000; i++)
        {
            var local = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
            TimeSpan? offset = random.Next(5) == 0 ? null : TimeSpan.FromMinutes(random.Next(-18 * 60, 18 * 60));
            yield return new LogTimestamp(local, offset, random.Next(4) != 0, random.Next(100));
        }
    }

    [Fact]
    public void LogTextMatchesToString()
    {
        Span<char> buffer = stackalloc char[TimestampText.MaxLength];
        foreach (var ts in Timestamps())
        {
            Assert.Equal(TimestampText.Log(ts), buffer[..TimestampText.FormatLog(ts, buffer)].ToString());
        }
    }

    [Fact]
    public void TimeOfDayMatches()
    {
        Span<char> buffer = stackalloc char[TimestampText.MaxLength];
        Assert.Equal(0, TimestampText.FormatTimeOfDay(null, buffer));
        foreach (var ts in Timestamps())
        {
            Assert.Equal(TimestampText.TimeOfDay(ts), buffer[..TimestampText.FormatTimeOfDay(ts, buffer)].ToString());
        }
    }

    [Fact]
    public void IsoMatches()
    {
        Span<char> buffer = stackalloc char[TimestampText.MaxLength];
        foreach (var ts in Timestamps())
        {
            if (ts.Offset is { } o && Math.Abs(o.TotalHours) <= 14 && ts.Instant is { } instant)
            {
                Assert.Equal(TimestampText.Iso(instant), buffer[..TimestampText.FormatIso(instant, buffer)].ToString());
            }
        }
    }

    [Fact]
    public void SanitizingInPlaceMatchesSanitize()
    {
        var random = new Random(7);
        var alphabet = "ab \uD83D\uDE00\uD800\uDC00\uDFFF\uD800é".ToCharArray();
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var chars = text.ToCharArray();
            Utf16Text.SanitizeInPlace(chars);
            var sanitized = Utf16Text.Sanitize(text);
            Assert.Equal(sanitized, new string(chars));
            Assert.Equal(sanitized != text, Utf16Text.HasLoneSurrogate(text));
            // Well-formed UTF-16 round-trips through a strict encoder.
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(sanitized);
        }
    }

    [Fact]
    public void ExcerptWriteMatchesOfWithinItsCapacity()
    {
        var random = new Random(3);
        var alphabet = "ab  \t\n\u0001\uD83D\uDE00…x".ToCharArray();
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var max = random.Next(-1, 30);
            var buffer = new char[Excerpt.Capacity(max)];
            var length = Excerpt.Write(text, max, buffer);
            Assert.Equal(Excerpt.Of(text, max), new string(buffer, 0, length));
            Assert.True(length <= Math.Max(max, 2), string.Create(CultureInfo.InvariantCulture, $"{length} > {max}"));
        }
    }
}
