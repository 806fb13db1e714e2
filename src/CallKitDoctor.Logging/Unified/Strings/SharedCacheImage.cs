namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>A dsc UUID descriptor: an image of the shared cache, its text range and path.</summary>
public readonly record struct SharedCacheImage(ulong TextOffset, uint TextSize, Guid Uuid, uint PathOffset, string Path);
