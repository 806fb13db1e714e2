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

    /// <summary>The message when the strings file of the sender image is missing.</summary>
    public static string InvalidImage(Guid image) => $"~~> Invalid image <{image.ToString("D").ToUpperInvariant()}>";
}
