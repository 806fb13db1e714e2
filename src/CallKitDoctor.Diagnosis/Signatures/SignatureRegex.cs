using System.Text.RegularExpressions;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One regex of a signature. A regex of the embedded catalog runs on its source-generated build
/// (<see cref="CatalogRegexes"/>: compiled ahead of time with the assembly, nothing to build or JIT at run time).
/// Any other runs interpreted (the build the catalog's validation made) until it has been used
/// <see cref="CompileAfter"/> times and is then swapped for its <see cref="RegexOptions.Compiled"/> build: building a
/// compiled regex costs Reflection.Emit and JIT work that only pays off after many matches, and most signatures match
/// a few lines of a log or none. (Compiling on a pool thread instead was measured: more CPU in all, no gain in wall
/// time on 2 cores.) All builds give the same matches. Safe for concurrent use.
/// </summary>
internal sealed class SignatureRegex
{
    /// <summary>Uses after which the compiled build is made.</summary>
    public const int CompileAfter = 8;

    /// <summary>How long one match may run.</summary>
    public const int MatchTimeoutMilliseconds = 1000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    private readonly Lazy<Regex> _interpreted;
    private readonly Lazy<Regex> _compiled;
    private readonly int _generated; // index in CatalogRegexes, or -1
    private Regex? _current; // the generated or compiled build once in use; null while matching runs interpreted
    private int _uses;

    public SignatureRegex(string pattern, RegexOptions extra)
    {
        Pattern = pattern;
        Options = RegexOptions.CultureInvariant | extra;
        var options = Options;
        _interpreted = new(() => new Regex(pattern, options, MatchTimeout));
        _compiled = new(() => new Regex(pattern, options | RegexOptions.Compiled, MatchTimeout));
        _generated = CatalogRegexes.IndexOf(pattern, options);
    }

    /// <summary>The regex text.</summary>
    public string Pattern { get; }

    /// <summary>The options every build uses (besides <see cref="RegexOptions.Compiled"/> for the compiled one).</summary>
    public RegexOptions Options { get; }

    /// <summary>The interpreted build (throws <see cref="ArgumentException"/> when the pattern is not a regex).</summary>
    public Regex Interpreted => _interpreted.Value;

    /// <summary>The compiled build (made now if it was not yet).</summary>
    public Regex Compiled => _compiled.Value;

    /// <summary>The source-generated build, when the embedded catalog has this regex.</summary>
    public Regex? Generated => _generated < 0 ? null : CatalogRegexes.Get(_generated);

    /// <summary>The generated build when there is one, else the interpreted one (what validation looks at).</summary>
    public Regex Checked => Generated ?? Interpreted;

    /// <summary>True once matching runs on the generated or compiled build.</summary>
    public bool IsCompiled => Volatile.Read(ref _current) is not null;

    /// <summary>Matches <paramref name="input"/> with the build in use.</summary>
    public Match Match(string input) => For().Match(input);

    /// <summary>True when the build in use finds a match in <paramref name="input"/> (no <see cref="System.Text.RegularExpressions.Match"/> is made).</summary>
    public bool IsMatch(string input) => For().IsMatch(input);

    // The build to run: the generated one when there is one, else the interpreted one for the first uses, then the
    // compiled one, made on the spot.
    private Regex For()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        if (_generated >= 0)
        {
            var generated = CatalogRegexes.Get(_generated);
            Volatile.Write(ref _current, generated);
            return generated;
        }

        if (++_uses < CompileAfter)
        {
            return Interpreted;
        }

        var compiled = Compiled;
        Volatile.Write(ref _current, compiled);
        return compiled;
    }
}
