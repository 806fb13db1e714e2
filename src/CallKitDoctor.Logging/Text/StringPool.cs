using System.Runtime.CompilerServices;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Shares the strings that repeat across entries (process, subsystem, category, library, file names) so that a reader
/// allocates them once. Bounded: past <see cref="MaxEntries"/> distinct values new strings are not kept.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 16_384;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string equal to <paramref name="text"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings[created] = created;
        }

        return created;
    }

    /// <summary>Like <see cref="Get"/>, but null for an empty slice.</summary>
    public string? GetOrNull(ReadOnlySpan<char> text) => text.IsEmpty ? null : Get(text);
}
