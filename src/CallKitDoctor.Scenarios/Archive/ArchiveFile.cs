namespace CallKitDoctor.Scenarios.Archive;

/// <summary>A file of a generated archive: its path (forward slashes, relative to the archive root) and bytes.</summary>
public sealed record ArchiveFile(string Path, byte[] Data);
