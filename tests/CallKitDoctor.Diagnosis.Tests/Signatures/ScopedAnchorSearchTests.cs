using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// <see cref="ScopedAnchorSearch"/> finds a (process, subsystem) pair by the identity of its strings first: a pair
/// spelt with other string objects must get the very set the first spelling got, and the set must search exactly the
/// anchors of the signatures plausible for the pair.
/// </summary>
public class ScopedAnchorSearchTests
{
    private static readonly Signature[] Signatures = [.. SignatureCatalog.Embedded.Signatures];

    private static ScopedAnchorSearch NewSearch()
    {
        var anchors = Signatures
            .GroupBy(s => s.Anchor, StringComparer.Ordinal)
            .Select(g => new AnchorSignatures(g.Key, [.. g.Select(s => s.Index)]))
            .ToArray();
        return new ScopedAnchorSearch(Signatures, anchors);
    }

    [Theory]
    [InlineData("callservicesd", "com.apple.calls.callkit")]
    [InlineData("mediaserverd", null)]
    [InlineData("locationd", "com.apple.locationd.Core")]
    [InlineData(null, null)]
    [InlineData("MyApp", "com.example.voip")]
    public void DistinctStringObjectsOfOnePairGetTheSameSet(string? process, string? subsystem)
    {
        var search = NewSearch();
        var first = search.For(Copy(process), Copy(subsystem));
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(first, search.For(Copy(process), Copy(subsystem)));
        }

        var pooledProcess = Copy(process);
        var pooledSubsystem = Copy(subsystem);
        Assert.Same(first, search.For(pooledProcess, pooledSubsystem));
        Assert.Same(first, search.For(pooledProcess, pooledSubsystem));
        Assert.Equal(ExpectedAnchorCount(process, subsystem), first.Count);
    }

    [Fact]
    public void PairsThatDifferGetTheirOwnSets()
    {
        var search = NewSearch();
        var callservicesd = search.For("callservicesd", "com.apple.calls.callkit");
        var locationd = search.For("locationd", "com.apple.locationd.Core");
        Assert.Equal(ExpectedAnchorCount("callservicesd", "com.apple.calls.callkit"), callservicesd.Count);
        Assert.Equal(ExpectedAnchorCount("locationd", "com.apple.locationd.Core"), locationd.Count);
        Assert.NotEqual(callservicesd.Count, locationd.Count);
    }

    [Fact]
    public void ManyStringObjectsForOnePairStayCorrectPastTheIdentityLimit()
    {
        var search = NewSearch();
        var expected = search.For("callservicesd", "com.apple.calls.callkit");
        for (var i = 0; i < ScopedAnchorSearch.MaxScopes + 100; i++)
        {
            Assert.Same(expected, search.For(Copy("callservicesd"), Copy("com.apple.calls.callkit")));
        }
    }

    private static int ExpectedAnchorCount(string? process, string? subsystem) => Signatures
        .Where(s => ProcessRules.IsPlausible(s, process, subsystem))
        .Select(s => s.Anchor)
        .Distinct(StringComparer.Ordinal)
        .Count();

    private static string? Copy(string? text) => text is null ? null : new string(text.AsSpan());
}
