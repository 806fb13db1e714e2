using System.Text;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// The subsystem and category names of catalogs, one string per distinct name for the whole process: the same names
/// recur in every catalog of every file, and a reader kept open replaces its catalog several times per file, so
/// without sharing each catalog brings its own copies, which live long enough to die in the oldest generation.
/// Bounded (<see cref="MaxStrings"/> names of at most <see cref="MaxLength"/> bytes; others are not pooled) and safe
/// to use from several threads.
/// </summary>
internal static class CatalogStringPool
{
    /// <summary>Most names kept.</summary>
    public const int MaxStrings = 16 * 1024;

    /// <summary>Longest name (in UTF-8 bytes) pooled.</summary>
    public const int MaxLength = 256;

    private static readonly Dictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Pool.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();

    /// <summary>The string of <paramref name="utf8"/> (as <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> decodes it).</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // Every byte decodes to at most one UTF-16 unit.
        Span<char> chars = stackalloc char[MaxLength];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        lock (Gate)
        {
            if (ByChars.TryGetValue(text, out var pooled))
            {
                return pooled;
            }

            var created = new string(text);
            if (Pool.Count < MaxStrings)
            {
                Pool.Add(created, created);
            }

            return created;
        }
    }
}
