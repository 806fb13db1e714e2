using System.Runtime.CompilerServices;
using System.Text.Json;
using CallKitDoctor.Reports.Formatting;

namespace CallKitDoctor.Reports.Json;

/// <summary>
/// The encoded (sanitized, escaped, UTF-8) form of string values that recur in a report: process names, the input's
/// path, signature ids, enum names, the findings' titles, explanations and recommendations. Keyed by the string
/// instance (the readers and the catalog share one instance per distinct value), in a small direct-mapped table:
/// a value seen again is copied as bytes, one seen for the first time (or pushed out of its slot) is encoded once
/// more. One cache per writer: it is not thread-safe.
/// </summary>
internal sealed class JsonValueCache
{
    private const int Slots = 512;

    // Longer values are rare among the recurring ones (explanations run to ~600 chars) and not worth a copy.
    private const int MaxCachedLength = 4096;

    private readonly string?[] _keys = new string?[Slots];
    private readonly JsonEncodedText[] _values = new JsonEncodedText[Slots];

    /// <summary>Writes <paramref name="value"/> (null as JSON null) under <paramref name="name"/>.</summary>
    public void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        if (value.Length > MaxCachedLength)
        {
            writer.WriteString(name, Utf16Text.Sanitize(value));
            return;
        }

        var slot = RuntimeHelpers.GetHashCode(value) & (Slots - 1);
        if (!ReferenceEquals(_keys[slot], value))
        {
            _values[slot] = JsonEncodedText.Encode(Utf16Text.Sanitize(value), TextWriterJsonSink.WriterOptions.Encoder);
            _keys[slot] = value;
        }

        writer.WriteString(name, _values[slot]);
    }
}
