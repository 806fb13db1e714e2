namespace CallKitDoctor.Fleet.Analysis;

/// <summary>The values of the grouping columns that identify one group (a null value is a missing one).</summary>
public sealed class GroupKey : IEquatable<GroupKey>
{
    public GroupKey(IReadOnlyList<string> columns, IReadOnlyList<string?> values)
    {
        if (columns.Count != values.Count)
        {
            throw new ArgumentException("Each grouping column needs one value.", nameof(values));
        }

        Columns = columns;
        Values = values;
    }

    /// <summary>The key of the whole data set (no grouping columns).</summary>
    public static GroupKey All { get; } = new([], []);

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string?> Values { get; }

    /// <summary>The value of <paramref name="column"/>, or null when it is missing or not a grouping column.</summary>
    public string? this[string column]
    {
        get
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i] == column)
                {
                    return Values[i];
                }
            }

            return null;
        }
    }

    /// <summary>This key with one more column.</summary>
    public GroupKey With(string column, string? value) => new([.. Columns, column], [.. Values, value]);

    public bool Equals(GroupKey? other) =>
        other is not null && Columns.SequenceEqual(other.Columns) && Values.SequenceEqual(other.Values);

    public override bool Equals(object? obj) => Equals(obj as GroupKey);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var column in Columns)
        {
            hash.Add(column);
        }

        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary><c>os_version=18.4, direction=incoming</c>; <c>(all)</c> for the whole data set.</summary>
    public override string ToString() => Columns.Count == 0
        ? "(all)"
        : string.Join(", ", Columns.Select((c, i) => $"{c}={Values[i] ?? "(none)"}"));
}
