namespace CallKitDoctor.Logging.Unified.Formatting;

/// <summary>The texts Apple's <c>log</c> prints in place of values it cannot show.</summary>
public static class MessagePlaceholders
{
    /// <summary>A redacted (private) value.</summary>
    public const string Private = "<private>";

    /// <summary>A format specifier with no data item left for it.</summary>
    public const string MissingData = "<decode: missing data>";

    /// <summary>A NULL string pointer.</summary>
    public const string Null = "(null)";

    /// <summary>Most value bytes shown in hex by <see cref="UnsupportedValue"/>.</summary>
    public const int MaxShownBytes = 64;

    /// <summary>A value a decoder cannot read (wrong size, malformed), shown in hex so nothing is dropped.</summary>
    public static string UnsupportedValue(ReadOnlySpan<byte> value) => value.Length <= MaxShownBytes
        ? $"<decode: unsupported value: {Convert.ToHexStringLower(value)}>"
        : $"<decode: unsupported value: {Convert.ToHexStringLower(value[..MaxShownBytes])}… ({value.Length} bytes)>";

    /// <summary>A number outside the names a decoder knows.</summary>
    public static string UnknownValue(long value) => $"<decode: unknown value: {value}>";

    /// <summary>A decoder name with no decoder (statedump objects of an unknown type).</summary>
    public static string UnsupportedDecoder(string name) => $"<decode: unsupported decoder: {name}>";

    /// <summary>
    /// The message <c>log show</c> prints when the strings file (uuidtext or dsc) of the sender image is missing: the
    /// message cannot be composed for want of the image UUID's strings. (<c>log raw-dump</c> reports the same case as
    /// <see cref="InvalidImage"/>.)
    /// </summary>
    public const string MissingImage = "<compose failure [UUID]>";

    /// <summary>What <c>log raw-dump</c> reports when the strings file of <paramref name="image"/> is missing.</summary>
    public static string InvalidImage(Guid image) => $"~~> Invalid image <{image.ToString("D").ToUpperInvariant()}>";
}
