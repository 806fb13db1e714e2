using System.Runtime.CompilerServices;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// Remembers the escaped UTF-8 of recently written string instances (subsystems, categories, image paths, format
/// strings repeat on every entry and are the same objects): a fixed-size table indexed by the string's identity, so a
/// hit costs one comparison and a copy. Bounded: a new string replaces whatever shared its slot.
/// </summary>
internal sealed class Utf8StringCache
{
    // Enough for the format strings of a large archive (each uuidtext file's strings are distinct instances).
    private const int Slots = 4096;
    private const int MaxCachedLength = 1024;
    private readonly string?[] _keys = new string?[Slots];
    private readonly byte[]?[] _values = new byte[]?[Slots];
    private readonly byte[] _scratch = new byte[JsonStringText.MaxBytes(MaxCachedLength)];

    /// <summary>The escaped UTF-8 of <paramref name="text"/>, or null when it is too long to keep.</summary>
    public ReadOnlySpan<byte> GetOrAdd(string text, out bool cached)
    {
        cached = false;
        if (text.Length > MaxCachedLength)
        {
            return default;
        }

        var slot = RuntimeHelpers.GetHashCode(text) & (Slots - 1);
        if (ReferenceEquals(_keys[slot], text))
        {
            cached = true;
            return _values[slot];
        }

        var length = JsonStringText.Write(text, _scratch);
        var bytes = _scratch.AsSpan(0, length).ToArray();
        _keys[slot] = text;
        _values[slot] = bytes;
        cached = true;
        return bytes;
    }
}
