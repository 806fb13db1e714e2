using CallKitDoctor.Fleet.Analysis;

namespace CallKitDoctor.Fleet.Tests.Comparisons;

public sealed class VersionOrderTests
{
    [Fact]
    public void Orders_versions_by_their_numeric_parts()
    {
        string?[] shuffled = ["18.5", "18.10", null, "18.4.1", "17.7", "18.4", "18.4.0.1", "beta"];
        var ordered = shuffled.Order(VersionOrder.Instance).ToArray();
        Assert.Equal(new string?[] { null, "17.7", "18.4", "18.4.0.1", "18.4.1", "18.5", "18.10", "beta" }.AsEnumerable(), ordered);
        Assert.Equal(0, VersionOrder.Instance.Compare("18.4", "18.4"));
        Assert.True(VersionOrder.Instance.Compare("18.4", "18.4.0") < 0);
    }
}
