namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>Where a tracepoint's format string lives (flags &amp; 0x000E).</summary>
public enum StringsFileType : byte
{
    None = 0,

    /// <summary>The uuidtext file of the process's main executable.</summary>
    MainExecutable = 0x02,

    /// <summary>The process's shared-cache strings (dsc) file.</summary>
    SharedCache = 0x04,

    /// <summary>A uuidtext file found by an absolute load address among the process's images.</summary>
    Absolute = 0x08,

    /// <summary>The uuidtext file of a UUID stored in the tracepoint.</summary>
    UuidRelative = 0x0A,

    /// <summary>The dsc file, with a large shared-cache offset.</summary>
    LargeSharedCache = 0x0C,
}
