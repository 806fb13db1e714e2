using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Rules.Codes;

namespace CallKitDoctor.Diagnosis.Tests.Rules;

public class CodeNamesTests
{
    [Theory]
    [InlineData(561017449, "!pri")]
    [InlineData(560557684, "!int")]
    [InlineData(1701737535, "ent?")]
    [InlineData(1836282486, "msrv")]
    public void FourCharacterCodesAreDecoded(int status, string fourCc)
    {
        Assert.Equal(fourCc, OsStatusNames.FourCc(status));
        Assert.Contains($"'{fourCc}'", OsStatusNames.Describe(status));
    }

    [Fact]
    public void SmallAndNegativeCodesHaveNoFourCc()
    {
        Assert.Null(OsStatusNames.FourCc(-50));
        Assert.Null(OsStatusNames.FourCc(-12983));
        Assert.Equal("-50 (bad parameter)", OsStatusNames.Describe(-50));
    }

    [Theory]
    [InlineData(1, null, "unentitled (1)")]
    [InlineData(7, "com.apple.CallKit.error.requesttransaction", "maximumCallGroupsReached (7)")]
    [InlineData(2, "com.apple.CallKit.error.incomingcall", "callUUIDAlreadyExists (2)")]
    [InlineData(99, null, "error 99")]
    public void CallKitErrorCodesAreNamed(int code, string? domain, string expected) =>
        Assert.Equal(expected, CallKitErrorNames.Describe(code, domain));

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
