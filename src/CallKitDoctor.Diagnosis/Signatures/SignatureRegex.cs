using System.Text.RegularExpressions;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One regex of a signature, run interpreted until it has been used <see cref="CompileAfter"/> times and then swapped
/// for its <see cref="RegexOptions.Compiled"/> build, made (and run once, so that it is jitted) on a pool thread when
/// there is a second core. Building a compiled regex costs Reflection.Emit and JIT work that only pays off after many
/// matches; most signatures match a few lines of a log, or none. Both engines give the same matches. Safe for
/// concurrent use.
/// </summary>
internal sealed class SignatureRegex
{
    /// <summary>Uses after which the compiled build is made.</summary>
    public const int CompileAfter = 256;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Regex> _interpreted;
    private readonly Lazy<Regex> _compiled;
    private Regex? _current; // the compiled build once it is ready; null while matching runs interpreted
    private int _uses;
    private int _compiling;

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
    public Match Match(string input) => For(input).Match(input);

    /// <summary>True when the build in use finds a match in <paramref name="input"/> (no <see cref="System.Text.RegularExpressions.Match"/> is made).</summary>
    public bool IsMatch(string input) => For(input).IsMatch(input);

    // The build to run on `input`, counting uses of the interpreted one until the compiled one is started.
    private Regex For(string input)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        if (++_uses >= CompileAfter && Interlocked.Exchange(ref _compiling, 1) == 0)
        {
            StartCompiling(input);
        }

        return Interpreted;
    }

    private void StartCompiling(string sample)
    {
        if (Environment.ProcessorCount < 2)
        {
            Swap(sample);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Owner.Swap(state.Sample), (Owner: this, Sample: sample), preferLocal: false);
    }

    private void Swap(string sample)
    {
        try
        {
            var compiled = Compiled;
            _ = compiled.Match(sample);
            Volatile.Write(ref _current, compiled);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or InvalidOperationException or NotSupportedException)
        {
            // Keep the interpreted build: it gives the same matches.
        }
    }
}
