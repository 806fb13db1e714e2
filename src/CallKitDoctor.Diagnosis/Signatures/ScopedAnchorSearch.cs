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
/// <remarks>
/// Readers pool their name strings, so a pair is first looked up by the identity of its two strings (no hashing of
/// their characters, nothing allocated); only a pair of string objects not seen before is looked up by value.
/// </remarks>
internal sealed class ScopedAnchorSearch
{
    /// <summary>The most (process, subsystem) pairs remembered, by value and (separately) by string identity.</summary>
    public const int MaxScopes = 4096;

    private readonly Signature[] _signatures;
    private readonly AnchorSignatures[] _anchors;
    private readonly ConcurrentDictionary<string, AnchorSet> _byScope = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnchorSet> _byCandidates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ScopeIdentity, AnchorSet> _byIdentity = new();
    private int _identities;

    /// <param name="signatures">The catalog's signatures, by index.</param>
    /// <param name="anchors">Distinct anchors, each with the indexes of the signatures it stands for.</param>
    public ScopedAnchorSearch(Signature[] signatures, AnchorSignatures[] anchors)
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
        var identity = new ScopeIdentity(process, subsystem);
        return _byIdentity.TryGetValue(identity, out var known) ? known : Remember(identity);
    }

    private AnchorSet Remember(ScopeIdentity identity)
    {
        var set = Lookup(identity.Process, identity.Subsystem);
        if (Volatile.Read(ref _identities) < MaxScopes && _byIdentity.TryAdd(identity, set))
        {
            Interlocked.Increment(ref _identities);
        }

        return set;
    }

    private AnchorSet Lookup(string? process, string? subsystem)
    {
        var key = ScopeKey(process, subsystem);
        if (_byScope.TryGetValue(key, out var known))
        {
            return known;
        }

        return _byScope.Count >= MaxScopes ? All : _byScope.GetOrAdd(key, Build(process, subsystem));
    }

    private AnchorSet Build(string? process, string? subsystem)
    {
        var plausible = new bool[_signatures.Length];
        foreach (var signature in _signatures)
        {
            plausible[signature.Index] = ProcessRules.IsPlausible(signature, process, subsystem);
        }

        var kept = new List<AnchorSignatures>(_anchors.Length);
        var everySignature = true;
        foreach (var anchor in _anchors)
        {
            var owners = new List<int>(anchor.Signatures.Length);
            foreach (var index in anchor.Signatures)
            {
                if (plausible[index])
                {
                    owners.Add(index);
                }
            }

            everySignature &= owners.Count == anchor.Signatures.Length;
            if (owners.Count > 0)
            {
                kept.Add(owners.Count == anchor.Signatures.Length ? anchor : new AnchorSignatures(anchor.Anchor, [.. owners]));
            }
        }

        if (everySignature)
        {
            return All;
        }

        // Sets are shared between pairs with the same candidate signatures (named by their sorted indexes).
        var indexes = new List<int>();
        foreach (var anchor in kept)
        {
            indexes.AddRange(anchor.Signatures);
        }

        indexes.Sort();
        var name = string.Join(",", indexes);
        return _byCandidates.GetOrAdd(name, _ => new AnchorSet(kept));
    }

    // A pair as one string (only for pairs not yet known by identity): the process's length, then both names; a null
    // name and an empty one differ.
    private static string ScopeKey(string? process, string? subsystem) =>
        string.Concat(subsystem is null ? "n" : "s", process is null ? "-1" : process.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", process, subsystem);

    /// <summary>A (process, subsystem) pair compared by the identity of its strings.</summary>
    private readonly struct ScopeIdentity(string? process, string? subsystem) : IEquatable<ScopeIdentity>
    {
        public string? Process { get; } = process;

        public string? Subsystem { get; } = subsystem;

        public bool Equals(ScopeIdentity other) =>
            ReferenceEquals(Process, other.Process) && ReferenceEquals(Subsystem, other.Subsystem);

        public override bool Equals(object? obj) => obj is ScopeIdentity other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(Process), RuntimeHelpers.GetHashCode(Subsystem));
    }
}
