namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// Renders one value named by a <c>%{name}</c> decoder: <paramref name="value"/> holds a scalar's little-endian bytes
/// (1, 2, 4 or 8) or a string/binary item's data. A decoder never throws and never reads outside
/// <paramref name="value"/>; what it cannot decode it shows (<see cref="MessagePlaceholders.UnsupportedValue"/>).
/// </summary>
public delegate string ValueDecoder(ReadOnlySpan<byte> value);
