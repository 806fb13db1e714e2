namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>
/// A dsc range descriptor: strings at shared-cache offsets [<see cref="RangeOffset"/>, +<see cref="Size"/>) are stored
/// at file offset <see cref="DataOffset"/> and belong to image <see cref="ImageIndex"/>.
/// </summary>
public readonly record struct SharedCacheRange(ulong RangeOffset, uint DataOffset, uint Size, ulong ImageIndex);
