using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>
/// Some signatures' literal anchors, found in a message with one vectorised multi-string search; each hit marks the
/// signatures that own the anchor as candidates.
/// </summary>
internal sealed class AnchorSet
{
    private readonly SearchValues<string>? _search;
    private readonly FrozenDictionary<char, (string Anchor, int[] Signatures)[]> _byFirstChar;

    /// <param name="anchors">Distinct anchors, each with the indexes of the signatures it stands for.</param>
    public AnchorSet(IReadOnlyCollection<(string Anchor, int[] Signatures)> anchors)
    {
        Count = anchors.Count;
        _search = anchors.Count == 0 ? null : SearchValues.Create([.. anchors.Select(a => a.Anchor)], StringComparison.Ordinal);
        _byFirstChar = anchors.GroupBy(a => a.Anchor[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
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
            if (_byFirstChar.TryGetValue(message[at], out var anchors))
            {
                var rest = message[at..];
                foreach (var (anchor, signatures) in anchors)
                {
                    if (rest.StartsWith(anchor, StringComparison.Ordinal))
                    {
                        foreach (var index in signatures)
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
