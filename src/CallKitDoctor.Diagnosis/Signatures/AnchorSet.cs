using System.Buffers;
using System.Runtime.CompilerServices;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Some signatures' literal anchors, found in a message with one vectorised multi-string search; each hit marks the
/// signatures that own the anchor as candidates.
/// </summary>
internal sealed class AnchorSet
{
    // Anchors by their first character folded to 7 bits (a hit is confirmed with a full comparison anyway): an array
    // lookup per hit, and nothing the runtime has to compile at start-up for a char-keyed dictionary.
    private const int Buckets = 128;

    private readonly SearchValues<string>? _search;
    private readonly AnchorSignatures[]?[] _byFirstChar = new AnchorSignatures[]?[Buckets];

    /// <param name="anchors">Distinct anchors, each with the indexes of the signatures it stands for.</param>
    public AnchorSet(IReadOnlyList<AnchorSignatures> anchors)
    {
        Count = anchors.Count;
        if (anchors.Count == 0)
        {
            return;
        }

        var keys = new string[anchors.Count];
        for (var i = 0; i < anchors.Count; i++)
        {
            var anchor = anchors[i];
            keys[i] = anchor.Anchor;
            ref var bucket = ref _byFirstChar[anchor.Anchor[0] & (Buckets - 1)];
            bucket = bucket is null ? [anchor] : [.. bucket, anchor];
        }

        _search = SearchValues.Create(keys, StringComparison.Ordinal);
    }

    /// <summary>How many anchors the set searches for.</summary>
    public int Count { get; }

    /// <summary>Sets a bit for every signature whose anchor occurs in the message; false when none does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool FindCandidates(ReadOnlySpan<char> message, Span<ulong> candidates)
    {
        if (_search is null)
        {
            return false;
        }

        var offset = 0;
        var any = false;
        while (offset < message.Length)
        {
            var found = message[offset..].IndexOfAny(_search);
            if (found < 0)
            {
                break;
            }

            var at = offset + found;
            if (_byFirstChar[message[at] & (Buckets - 1)] is { } anchors)
            {
                var rest = message[at..];
                foreach (var entry in anchors)
                {
                    if (rest.StartsWith(entry.Anchor, StringComparison.Ordinal))
                    {
                        foreach (var index in entry.Signatures)
                        {
                            candidates[index >> 6] |= 1UL << (index & 63);
                        }

                        any = true;
                    }
                }
            }

            offset = at + 1;
        }

        return any;
    }
}
