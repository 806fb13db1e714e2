namespace CallKitDoctor.Logging.Archives;

/// <summary>Earliest and latest wall time, entry count and files of one store or boot.</summary>
internal sealed class TimeWindowAccumulator
{
    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public long Entries { get; private set; }

    public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

    public void Add(DateTimeOffset? instant)
    {
        Entries++;
        if (instant is not { } t)
        {
            return;
        }

        if (First is null || t < First)
        {
            First = t;
        }

        if (Last is null || t > Last)
        {
            Last = t;
        }
    }
}
