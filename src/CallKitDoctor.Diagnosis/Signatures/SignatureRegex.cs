using System.Text.RegularExpressions;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One regex of a signature, run interpreted (the build the catalog's validation made) until it has been used
/// <see cref="CompileAfter"/> times and then swapped for its <see cref="RegexOptions.Compiled"/> build. Building a
/// compiled regex costs Reflection.Emit and JIT work that only pays off after many matches, and most signatures match
/// a few lines of a log or none; the few a log is full of are compiled early. (Compiling on a pool thread instead was
/// measured: more CPU in all, no gain in wall time on 2 cores.) Both engines give the same matches. Safe for
/// concurrent use.
/// </summary>
internal sealed class SignatureRegex
{
    /// <summary>Uses after which the compiled build is made.</summary>
    public const int CompileAfter = 8;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Regex> _interpreted;
    private readonly Lazy<Regex> _compiled;
    private Regex? _current; // the compiled build once in use; null while matching runs interpreted
    private int _uses;

    public SignatureRegex(string pattern, RegexOptions extra)
    {
        var options = RegexOptions.CultureInvariant | extra;
        _interpreted = new(() => new Regex(pattern, options, MatchTimeout));
        _compiled = new(() => new Regex(pattern, options | RegexOptions.Compiled, MatchTimeout));
    }

    /// <summary>The interpreted build (throws <see cref="ArgumentException"/> when the pattern is not a regex).</summary>
    public Regex Interpreted => _interpreted.Value;

    /// <summary>The compiled build (made now if it was not yet).</summary>
    public Regex Compiled => _compiled.Value;

    /// <summary>True once matching runs on the compiled build.</summary>
    public bool IsCompiled => Volatile.Read(ref _current) is not null;

    /// <summary>Matches <paramref name="input"/> with the build in use.</summary>
    public Match Match(string input) => For().Match(input);

    /// <summary>True when the build in use finds a match in <paramref name="input"/> (no <see cref="System.Text.RegularExpressions.Match"/> is made).</summary>
    public bool IsMatch(string input) => For().IsMatch(input);

    // The build to run: the interpreted one for the first uses, then the compiled one, made on the spot.
    private Regex For()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
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
