using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Rules;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class CodeNamesTests
{
    [Theory]
    [InlineData(561017449, "561017449 ('!pri', InsufficientPriority)")]
    [InlineData(1701737535, "1701737535 ('ent?', MissingEntitlement)")]
    [InlineData(-50, "-50 (BadParam)")]
    [InlineData(-12983, "-12983 (CMSessionInsufficientPriority)")]
    [InlineData(12, "12")]
    public void StatusCodesAreWrittenWithTheirNames(int status, string expected) =>
        Assert.Equal(expected, CodeText.OsStatus(status));

    [Theory]
    [InlineData(1, null, "unentitled (1)")]
    [InlineData(7, "com.apple.CallKit.error.requesttransaction", "maximumCallGroupsReached (7)")]
    [InlineData(2, "com.apple.CallKit.error.incomingcall", "callUUIDAlreadyExists (2)")]
    [InlineData(99, null, "error 99")]
    public void CallKitErrorCodesAreNamed(int code, string? domain, string expected) =>
        Assert.Equal(expected, CodeText.CallKitError(code, domain));

    [Fact]
    public void EveryDescriptorHasAUniqueIdAndAdvice()
    {
        var all = FindingDescriptors.All;

        Assert.Equal(12, all.Count);
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d =>
        {
            Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(d.Recommendation));
        });
        Assert.Same(FindingDescriptors.SessionIdZero, FindingDescriptors.Find("SESSION-ID-ZERO"));
        Assert.Contains("setConfiguration", FindingDescriptors.WorkaroundMissing.Recommendation);
    }
}
