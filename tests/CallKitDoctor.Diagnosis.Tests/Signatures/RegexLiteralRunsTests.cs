using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

public class RegexLiteralRunsTests
{
    [Theory]
    [InlineData(@"\bproviderDidBegin\b", "providerDidBegin")]
    [InlineData(@"\[RNCallKeep\]\[reportNewIncomingCall\]", "[RNCallKeep][reportNewIncomingCall]")]
    [InlineData(@"Apps recei?ving VoIP pushes", "ving VoIP pushes")]
    [InlineData(@"failed: (?<code>'[^']{4}'|-?\d+) \(enable \d+,", " (enable ")]
    [InlineData(@"abcx{2,3}defghij", "defghij")]
    [InlineData(@"ab+cdefg", "cdefg")]
    [InlineData(@"\p{L}+hello world", "hello world")]
    public void LongestRunIsRequiredText(string pattern, string expected)
    {
        var runs = RegexLiteralRuns.Find(pattern);

        Assert.Equal(expected, runs.MaxBy(r => r.Length));
    }

    [Theory]
    [InlineData("abc|defgh")]
    [InlineData("(?i)hello world")]
    public void AlternationOrCaseInsensitivityGivesNothing(string pattern)
    {
        Assert.Empty(RegexLiteralRuns.Find(pattern));
    }
}
