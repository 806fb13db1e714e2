namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>A UUID information entry of a catalog process: an image loaded at <see cref="LoadAddress"/> (48-bit).</summary>
public readonly record struct CatalogImage(uint Size, ushort UuidIndex, Guid Uuid, ulong LoadAddress);
