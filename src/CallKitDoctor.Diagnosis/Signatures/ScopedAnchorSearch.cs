using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// The anchor search narrowed to the signatures that can come from an entry's process and subsystem
/// (<see cref="ProcessRules.IsPlausible(Signature, string, string)"/>): most lines of a device log come from daemons no signature names, and a
/// smaller set (often an empty one) is searched faster. Sets are built on first sight of a (process, subsystem) pair
/// and shared between pairs with the same signatures; past <see cref="MaxScopes"/> pairs the full set is used, which
/// finds a superset of candidates, so results never change. Safe for concurrent use.
/// </summary>
internal sealed class ScopedAnchorSearch
{
    /// <summary>The most (process, subsystem) pairs remembered.</summary>
    public const int MaxScopes = 4096;

    private readonly Signature[] _signatures;
    private readonly (string Anchor, int[] Signatures)[] _anchors;
    private readonly ConcurrentDictionary<(string? Process, string? Subsystem), AnchorSet> _byScope = new();
    private readonly ConcurrentDictionary<string, AnchorSet> _byCandidates = new(StringComparer.Ordinal);
    private Scope? _last;

    /// <param name="signatures">The catalog's signatures, by index.</param>
    /// <param name="anchors">Distinct anchors, each with the indexes of the signatures it stands for.</param>
    public ScopedAnchorSearch(Signature[] signatures, (string Anchor, int[] Signatures)[] anchors)
    {
        _signatures = signatures;
        _anchors = anchors;
        All = new AnchorSet(anchors);
    }

    /// <summary>Every anchor.</summary>
    public AnchorSet All { get; }

    /// <summary>The anchors of the signatures plausible for an entry of this process and subsystem.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AnchorSet For(string? process, string? subsystem)
    {
        // Readers share their name strings, so runs of lines from one process usually hit the last scope by reference.
        var last = _last;
        if (last is not null && ReferenceEquals(last.Process, process) && ReferenceEquals(last.Subsystem, subsystem))
        {
            return last.Set;
        }

        var set = Lookup(process, subsystem);
        _last = new Scope(process, subsystem, set);
        return set;
    }

    private AnchorSet Lookup(string? process, string? subsystem)
    {
        var key = (process, subsystem);
        if (_byScope.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_byScope.Count >= MaxScopes)
        {
            return All;
        }

        var plausible = new bool[_signatures.Length];
        foreach (var signature in _signatures)
        {
            plausible[signature.Index] = ProcessRules.IsPlausible(signature, process, subsystem);
        }

        var kept = _anchors
            .Select(a => (a.Anchor, Signatures: a.Signatures.Where(i => plausible[i]).ToArray()))
            .Where(a => a.Signatures.Length > 0)
            .ToArray();
        var name = string.Join(",", kept.SelectMany(a => a.Signatures).Order());
        var set = kept.Length == _anchors.Length && kept.Sum(a => a.Signatures.Length) == _anchors.Sum(a => a.Signatures.Length)
            ? All
            : _byCandidates.GetOrAdd(name, _ => new AnchorSet(kept));
        return _byScope.GetOrAdd(key, set);
    }

    /// <summary>The last scope looked up (replaced whole, so concurrent readers see a consistent one).</summary>
    private sealed record Scope(string? Process, string? Subsystem, AnchorSet Set);
}
