namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>
/// One entry of a uuidtext file: format strings at string offsets
/// [<see cref="RangeStart"/>, <see cref="RangeStart"/> + <see cref="Size"/>) are stored at <see cref="DataOffset"/>.
/// </summary>
public readonly record struct UuidTextRange(uint RangeStart, uint Size, int DataOffset);
