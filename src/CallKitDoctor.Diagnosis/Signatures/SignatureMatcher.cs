using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Codes;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Recognises log entries with the signature catalog. Entries that carry their os_log format string are looked up
/// exactly; others are matched on the rendered message. Most lines match nothing, so candidates are found with one
/// multi-string search for the literal anchors of the signatures plausible for the entry's process and subsystem
/// (<see cref="ScopedAnchorSearch"/>), and only those signatures' regexes run. The same search, done on the reader's
/// buffer before an entry is built (<see cref="Wants"/>), lets readers skip building the entries it rules out.
/// </summary>
public sealed class SignatureMatcher : ICallEventMatcher, IEntryScreen
{
    private static readonly Lazy<SignatureMatcher> DefaultMatcher = new(() => new SignatureMatcher(SignatureCatalog.Embedded));

    private readonly Signature[] _signatures;
    private readonly Lazy<FrozenDictionary<string, Signature[]>> _byFormat;
    private readonly ScopedAnchorSearch _anchorSearch;
    private readonly int _words;

    public SignatureMatcher(SignatureCatalog catalog)
    {
        Catalog = catalog;
        _signatures = [.. catalog.Signatures];

        // Only entries that carry a format string (ndjson, binary logs) look signatures up by it: built on first need.
        _byFormat = new(() => _signatures
            .Where(s => s.FormatString is not null)
            .GroupBy(s => s.FormatString!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(s => s.Index).ToArray(), StringComparer.Ordinal));
        var anchors = DistinctAnchors(_signatures);
        var keys = new string[anchors.Length];
        for (var i = 0; i < anchors.Length; i++)
        {
            keys[i] = anchors[i].Anchor;
        }

        SearchKeys = keys;
        _anchorSearch = new ScopedAnchorSearch(_signatures, anchors);
        _words = (_signatures.Length + 63) / 64;
    }

    /// <summary>The matcher over the catalog embedded in this assembly.</summary>
    public static SignatureMatcher Default => DefaultMatcher.Value;

    public SignatureCatalog Catalog { get; }

    /// <summary>The distinct anchors the pre-filter searches for (one multi-string search per message).</summary>
    public IReadOnlyList<string> SearchKeys { get; }

    /// <summary>
    /// False only when <see cref="Match"/> would return null for the entry whatever else it carries: no format string,
    /// and no anchor of a signature plausible for its process and subsystem in its message.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Wants(in EntryPreview preview)
    {
        if (!string.IsNullOrEmpty(preview.FormatString))
        {
            return true;
        }

        var anchors = _anchorSearch.For(preview.Process, preview.Subsystem);
        if (anchors.Count == 0 || preview.Message.IsEmpty)
        {
            return false;
        }

        Span<ulong> candidates = stackalloc ulong[_words];
        return anchors.FindCandidates(preview.Message, candidates);
    }

    public CallEvent? Match(LogEntry entry)
    {
        if (entry.IsScreenedOut)
        {
            // Turned down by Wants: its message was never built, and nothing could have matched it.
            return null;
        }

        try
        {
            return MatchCore(entry);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CallEvent? MatchCore(LogEntry entry)
    {
        var patternsOnly = false;
        if (!string.IsNullOrEmpty(entry.FormatString))
        {
            if (_byFormat.Value.TryGetValue(entry.FormatString, out var sameFormat))
            {
                return MatchExact(entry, entry.EventMessage ?? "", sameFormat);
            }

            // A known format that is not in the catalog is not one of ours; only signatures without a format
            // string (observed renderings, app wording) may still recognise the message.
            patternsOnly = true;
        }

        // Only the anchors of signatures that this process and subsystem can log are searched for; when there are
        // none, the (lazily cut) message is not even read.
        var anchors = _anchorSearch.For(entry.Process, entry.Subsystem);
        if (anchors.Count == 0)
        {
            return null;
        }

        var message = entry.EventMessage ?? "";
        if (message.Length == 0)
        {
            return null;
        }

        Span<ulong> candidates = stackalloc ulong[_words];
        if (!anchors.FindCandidates(message, candidates))
        {
            return null;
        }

        for (var word = 0; word < candidates.Length; word++)
        {
            var bits = candidates[word];
            while (bits != 0)
            {
                var index = (word * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var signature = _signatures[index];
                if (patternsOnly && signature.FormatString is not null)
                {
                    continue;
                }

                if (TryRendered(signature, entry, message) is { } matched)
                {
                    return matched;
                }
            }
        }

        return null;
    }

    // The distinct anchors in order of first use, each with the signatures (in catalog order) that own it.
    private static AnchorSignatures[] DistinctAnchors(Signature[] signatures)
    {
        var order = new List<string>();
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var signature in signatures)
        {
            if (signature.Anchor.Length == 0)
            {
                continue;
            }

            if (!owners.TryGetValue(signature.Anchor, out var list))
            {
                owners[signature.Anchor] = list = [];
                order.Add(signature.Anchor);
            }

            list.Add(signature.Index);
        }

        var anchors = new AnchorSignatures[order.Count];
        for (var i = 0; i < anchors.Length; i++)
        {
            anchors[i] = new AnchorSignatures(order[i], [.. owners[order[i]]]);
        }

        return anchors;
    }

    private CallEvent? MatchExact(LogEntry entry, string message, Signature[] signatures)
    {
        foreach (var signature in signatures)
        {
            if (!ProcessRules.IsPlausible(signature, entry))
            {
                continue;
            }

            // A regex is asked for a Match only when a capture reads one of its groups; otherwise it just says yes or no.
            Match? refinement = null;
            if (signature.PatternMatcher is { } pattern)
            {
                refinement = signature.PatternReadsGroups ? pattern.Match(message) : null;
                if (!(refinement?.Success ?? pattern.IsMatch(message)))
                {
                    continue;
                }
            }

            var arguments = signature.FormatReadsGroups ? signature.FormatMatcher!.Match(message) : null;
            return Build(signature, entry, message, arguments is { Success: true } ? arguments : null, refinement, MatchConfidence.Exact);
        }

        return null;
    }

    private static CallEvent? TryRendered(Signature signature, LogEntry entry, string message)
    {
        if (!ProcessRules.IsPlausible(signature, entry))
        {
            return null;
        }

        Match? arguments = null;
        if (signature.FormatMatcher is { } format)
        {
            arguments = signature.FormatReadsGroups ? format.Match(message) : null;
            if (!(arguments?.Success ?? format.IsMatch(message)))
            {
                return null;
            }
        }

        Match? refinement = null;
        if (signature.PatternMatcher is { } pattern)
        {
            refinement = signature.PatternReadsGroups ? pattern.Match(message) : null;
            if (!(refinement?.Success ?? pattern.IsMatch(message)))
            {
                return null;
            }
        }

        var confidence = signature.Confidence == MatchConfidence.Heuristic ? MatchConfidence.Heuristic : MatchConfidence.Rendered;
        return Build(signature, entry, message, arguments, refinement, confidence);
    }

    private static CallEvent Build(Signature signature, LogEntry entry, string message, Match? arguments, Match? refinement, MatchConfidence confidence)
    {
        Guid? callUuid = null;
        CallActionType? action = null;
        bool? onHold = null;
        bool? active = null;
        uint? sessionId = null;
        int? statusCode = null;
        int? errorCode = null;
        string? errorDomain = null;
        int? controllingPid = null;

        foreach (var (field, source, group) in signature.CaptureList)
        {
            if (!TryText(source.Kind, group, message, arguments, refinement, out var text))
            {
                continue;
            }

            switch (field)
            {
                case CaptureField.CallUuid:
                    callUuid ??= CapturedValueParser.CallUuid(text);
                    break;
                case CaptureField.Action:
                    var (parsedAction, parsedHold) = CapturedValueParser.Action(text);
                    action ??= parsedAction;
                    onHold ??= parsedHold;
                    break;
                case CaptureField.Active:
                    active ??= CapturedValueParser.Active(text);
                    break;
                case CaptureField.SessionId:
                    sessionId ??= CapturedValueParser.SessionId(text);
                    break;
                case CaptureField.StatusCode:
                    if (OsStatus.TryParse(text, out var status) || OsStatus.TryFind(text, out status))
                    {
                        statusCode ??= status.Value;
                    }

                    break;
                case CaptureField.Error:
                    if (ErrorReference.TryFind(text, out var error))
                    {
                        if (error.IsOsStatus)
                        {
                            statusCode ??= error.Code;
                        }
                        else
                        {
                            errorDomain ??= error.Domain;
                            errorCode ??= error.Code;
                        }
                    }

                    break;
                case CaptureField.ControllingPid:
                    controllingPid ??= CapturedValueParser.ProcessId(text);
                    break;
            }
        }

        var values = signature.Values;
        active ??= values.Active;
        action ??= values.Action;
        onHold ??= values.OnHold;
        errorCode ??= values.ErrorCode;
        errorDomain ??= values.ErrorDomain;
        var kind = active == false && signature.InactiveKind is { } inactive ? inactive : signature.Kind;

        return new CallEvent
        {
            Kind = kind,
            SignatureId = signature.Id,
            Entry = entry,
            Actor = ProcessRules.ActorOf(signature, entry),
            Confidence = confidence,
            CallUuid = callUuid,
            Action = action,
            OnHold = onHold,
            Active = active,
            SessionId = sessionId,
            StatusCode = statusCode,
            ErrorCode = errorCode,
            ErrorDomain = errorDomain,
            ControllingPid = controllingPid,
        };
    }

    private static bool TryText(CaptureSourceKind kind, string? groupName, string message, Match? arguments, Match? refinement, out ReadOnlySpan<char> text)
    {
        text = default;
        if (kind == CaptureSourceKind.Message)
        {
            text = message;
            return true;
        }

        var name = groupName!;
        foreach (var match in (ReadOnlySpan<Match?>)[refinement, arguments])
        {
            if (match is not null && match.Groups.TryGetValue(name, out var group) && group.Success)
            {
                text = group.ValueSpan;
                return true;
            }
        }

        return false;
    }
}
