using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One catalog entry: how to recognise a kind of log line (an os_log format string and/or a pattern over the rendered
/// message), what it means (<see cref="Kind"/>), who logs it, and which values to capture.
/// </summary>
public sealed class Signature
{
    private readonly Lazy<IReadOnlyDictionary<CaptureField, CaptureSource>> _captures;
    private bool? _patternReadsGroups;

    internal Signature(SignatureDefinition definition, int index)
    {
        Index = index;
        Id = definition.Id;
        Kind = definition.Kind;
        InactiveKind = definition.InactiveKind;
        Actor = definition.Actor;
        ActorFromProcess = definition.ActorFromProcess;
        Processes = definition.Processes;
        Subsystem = definition.Subsystem;
        Category = definition.Category;
        Level = definition.Level;
        FormatString = definition.FormatString;
        Pattern = definition.Pattern;
        Confidence = definition.Confidence;
        Provenance = definition.Provenance;
        CaptureList = CapturesOf(definition.Captures);
        _captures = new(() => CaptureList.ToDictionary(c => c.Field, c => c.Source));
        Values = definition.Values;
        FormatPattern = FormatString is null ? null : FormatStringPattern.Create(FormatString);
        Literals = definition.Anchor is { } anchor ? [anchor] : RequiredLiterals(FormatPattern, Pattern);
        Anchor = definition.Anchor ?? Longest(Literals);
        FormatMatcher = FormatPattern is null ? null : new SignatureRegex(MatchingFormatRegex(FormatString!, FormatPattern, CaptureList), RegexOptions.Singleline);
        FormatReadsGroups = FormatPattern is not null && ReadsArgument(CaptureList, FormatPattern.Arguments);
        PatternMatcher = Pattern is null ? null : new SignatureRegex(Pattern, RegexOptions.None);
    }

    /// <summary>Position in the catalog: earlier signatures win when several match a line.</summary>
    public int Index { get; }

    /// <summary>Stable id (<c>callkit.app.report-new-incoming</c>).</summary>
    public string Id { get; }

    public EventKind Kind { get; }

    /// <summary>The kind to report instead when the captured activation flag is false (e.g. "with active: 0").</summary>
    public EventKind? InactiveKind { get; }

    public EventActor Actor { get; }

    /// <summary>True for client-library code that runs in any process (AVAudioSession): the actor follows the process.</summary>
    public bool ActorFromProcess { get; }

    /// <summary>Processes the line may come from (empty: decided by <see cref="Actor"/>).</summary>
    public IReadOnlyList<string> Processes { get; }

    public string? Subsystem { get; }

    public string? Category { get; }

    public string? Level { get; }

    /// <summary>The exact os_log format string, when known from source.</summary>
    public string? FormatString { get; }

    /// <summary>A regex over the rendered message: the whole recogniser when there is no format string, else a refinement both paths must satisfy.</summary>
    public string? Pattern { get; }

    public MatchConfidence Confidence { get; }

    /// <summary>Where the signature comes from (idx ids, forum threads, corpus cases).</summary>
    public string Provenance { get; }

    public IReadOnlyDictionary<CaptureField, CaptureSource> Captures => _captures.Value;

    /// <summary>The captures in catalog order with their group names, as the matcher walks them per event (<see cref="Captures"/> is built from them on first use).</summary>
    internal SignatureCapture[] CaptureList { get; }

    public SignatureValues Values { get; }

    /// <summary>A literal every rendering contains: the pre-filter that selects this signature as a candidate.</summary>
    public string Anchor { get; }

    /// <summary>Literal fragments every rendering contains (from the format string and the pattern), or the explicit anchor.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>
    /// True when a capture reads a group of the format regex: only then does the matcher need its
    /// <see cref="System.Text.RegularExpressions.Match"/> (else <see cref="SignatureRegex.IsMatch"/> says enough).
    /// </summary>
    internal bool FormatReadsGroups { get; }

    /// <summary>
    /// True when a capture reads a group the pattern defines: only then does the matcher need the pattern's
    /// <see cref="System.Text.RegularExpressions.Match"/>. Asked of the interpreted build (which the catalog's
    /// validation builds anyway) on first use.
    /// </summary>
    internal bool PatternReadsGroups
    {
        get
        {
            if (_patternReadsGroups is { } known)
            {
                return known;
            }

            var reads = false;
            if (PatternMatcher is { } pattern)
            {
                foreach (var capture in CaptureList)
                {
                    if (capture.GroupName is { } name && pattern.Interpreted.GroupNumberFromName(name) >= 0)
                    {
                        reads = true;
                        break;
                    }
                }
            }

            _patternReadsGroups = reads;
            return reads;
        }
    }

    /// <summary>The regex derived from <see cref="FormatString"/>, when there is one.</summary>
    public FormatStringPattern? FormatPattern { get; }

    /// <summary>
    /// The compiled format regex (built on first use): <see cref="FormatPattern"/>'s, where the arguments no capture
    /// reads are non-capturing groups.
    /// </summary>
    public Regex? FormatRegex => FormatMatcher?.Compiled;

    /// <summary>The compiled pattern (built on first use).</summary>
    public Regex? PatternRegex => PatternMatcher?.Compiled;

    /// <summary>The format regex as the matcher runs it (interpreted until it has been used often).</summary>
    internal SignatureRegex? FormatMatcher { get; }

    /// <summary>The pattern as the matcher runs it (interpreted until it has been used often).</summary>
    internal SignatureRegex? PatternMatcher { get; }

    public override string ToString() => $"{Id} ({Kind.ToName()})";

    private static SignatureCapture[] CapturesOf(IReadOnlyList<SignatureCapture> captures)
    {
        var list = new SignatureCapture[captures.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = captures[i];
        }

        return list;
    }

    // The longest literal (the first of equal lengths), or "" when there is none.
    private static string Longest(IReadOnlyList<string> literals)
    {
        var longest = "";
        for (var i = 0; i < literals.Count; i++)
        {
            if (i == 0 || literals[i].Length > longest.Length)
            {
                longest = literals[i];
            }
        }

        return longest;
    }

    // The format regex the matcher runs: the arguments no capture reads lose their group (same matches, fewer groups
    // filled per match); the full one when every argument is read.
    private static string MatchingFormatRegex(string format, FormatStringPattern full, SignatureCapture[] captures) =>
        ReadsEveryArgument(captures, full.Arguments) ? full.Regex : FormatStringPattern.Create(format, n => ReadsGroup(captures, FormatStringPattern.ArgumentGroup(n))).Regex;

    private static bool ReadsEveryArgument(SignatureCapture[] captures, int arguments)
    {
        for (var n = 1; n <= arguments; n++)
        {
            if (!ReadsGroup(captures, FormatStringPattern.ArgumentGroup(n)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadsArgument(SignatureCapture[] captures, int arguments)
    {
        for (var n = 1; n <= arguments; n++)
        {
            if (ReadsGroup(captures, FormatStringPattern.ArgumentGroup(n)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsGroup(SignatureCapture[] captures, string group)
    {
        foreach (var capture in captures)
        {
            if (string.Equals(capture.GroupName, group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] RequiredLiterals(FormatStringPattern? format, string? pattern) =>
        [.. format?.Literals ?? [], .. pattern is null ? [] : RegexLiteralRuns.Find(pattern)];
}
