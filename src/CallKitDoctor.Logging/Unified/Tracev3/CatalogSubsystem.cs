namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>A subsystem/category pair a process logs with, named by a 16-bit identifier in its tracepoints.</summary>
public sealed record CatalogSubsystem(ushort Id, string Subsystem, string Category);
