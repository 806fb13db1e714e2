using System.Text.RegularExpressions;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// The regexes of the embedded catalog (format regexes as the matcher runs them, and patterns), generated at build time
/// by the regex source generator, so that a run neither builds nor JITs them. <c>CatalogRegexes.Generated.cs</c> is
/// written from the catalog by <c>CatalogRegexesTests</c> (run it with <c>CALLKIT_DOCTOR_REGENERATE=1</c> after
/// editing <c>signatures.json</c>); a regex missing there is built at run time as before, so a stale file costs time,
/// never results.
/// </summary>
internal static partial class CatalogRegexes
{
    private static Dictionary<string, int>? _index;

    /// <summary>How many regexes there are.</summary>
    public static int Count => Patterns.Length;

    /// <summary>The position of the regex with this text and these options, or -1.</summary>
    public static int IndexOf(string pattern, RegexOptions options)
    {
        var index = Volatile.Read(ref _index) ?? BuildIndex();
        return index.TryGetValue(Key(pattern, options), out var i) ? i : -1;
    }

    /// <summary>The text of regex <paramref name="index"/>.</summary>
    public static string PatternAt(int index) => Patterns[index];

    /// <summary>The options of regex <paramref name="index"/>.</summary>
    public static RegexOptions OptionsAt(int index) => Options[index];

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(Patterns.Length, StringComparer.Ordinal);
        for (var i = 0; i < Patterns.Length; i++)
        {
            index.TryAdd(Key(Patterns[i], Options[i]), i);
        }

        Volatile.Write(ref _index, index);
        return index;
    }

    private static string Key(string pattern, RegexOptions options) =>
        string.Concat(((int)options).ToString(System.Globalization.CultureInfo.InvariantCulture), ":", pattern);
}
