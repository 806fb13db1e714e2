using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// One catalog entry: how to recognise a kind of log line (an os_log format string and/or a pattern over the rendered
/// message), what it means (<see cref="Kind"/>), who logs it, and which values to capture.
/// </summary>
public sealed class Signature
{

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
        Captures = definition.Captures;
        CaptureList = [.. definition.Captures.Select(c => new SignatureCapture(c.Key, c.Value, c.Value.GroupName))];
        CapturesGroups = CaptureList.Any(c => c.GroupName is not null);
        Values = definition.Values;
        FormatPattern = FormatString is null ? null : FormatStringPattern.Create(FormatString);
        Literals = definition.Anchor is { } anchor ? [anchor] : RequiredLiterals(FormatPattern, Pattern);
        Anchor = definition.Anchor ?? Literals.DefaultIfEmpty("").MaxBy(l => l.Length)!;
        FormatMatcher = FormatPattern is null ? null : new SignatureRegex(FormatPattern.Regex, RegexOptions.Singleline);
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

    public IReadOnlyDictionary<CaptureField, CaptureSource> Captures { get; }

    /// <summary><see cref="Captures"/> in the dictionary's order with their group names, as the matcher walks them per event.</summary>
    internal SignatureCapture[] CaptureList { get; }

    /// <summary>True when a capture reads a regex group (else the regexes only need to say whether they match).</summary>
    internal bool CapturesGroups { get; }

    public SignatureValues Values { get; }

    /// <summary>A literal every rendering contains: the pre-filter that selects this signature as a candidate.</summary>
    public string Anchor { get; }

    /// <summary>Literal fragments every rendering contains (from the format string and the pattern), or the explicit anchor.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>The regex derived from <see cref="FormatString"/>, when there is one.</summary>
    public FormatStringPattern? FormatPattern { get; }

    /// <summary>The compiled format regex (built on first use).</summary>
    public Regex? FormatRegex => FormatMatcher?.Compiled;

    /// <summary>The compiled pattern (built on first use).</summary>
    public Regex? PatternRegex => PatternMatcher?.Compiled;

    /// <summary>The format regex as the matcher runs it (interpreted until it has been used often).</summary>
    internal SignatureRegex? FormatMatcher { get; }

    /// <summary>The pattern as the matcher runs it (interpreted until it has been used often).</summary>
    internal SignatureRegex? PatternMatcher { get; }

    public override string ToString() => $"{Id} ({Kind.ToName()})";

    private static string[] RequiredLiterals(FormatStringPattern? format, string? pattern) =>
        [.. format?.Literals ?? [], .. pattern is null ? [] : RegexLiteralRuns.Find(pattern)];
}
