namespace CallKitDoctor.Fleet.Analysis;

/// <summary>Orders group keys value by value in <see cref="VersionOrder"/> (so 18.4 &lt; 18.4.1 &lt; 18.10).</summary>
public sealed class KeyOrder : IComparer<GroupKey>
{
    public static KeyOrder Instance { get; } = new();

    public int Compare(GroupKey? x, GroupKey? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < Math.Min(x.Values.Count, y.Values.Count); i++)
        {
            var order = VersionOrder.Instance.Compare(x.Values[i], y.Values[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Values.Count.CompareTo(y.Values.Count);
    }
}
