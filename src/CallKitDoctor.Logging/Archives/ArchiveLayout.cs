namespace CallKitDoctor.Logging.Archives;

/// <summary>How a sysdiagnose or logarchive is packed.</summary>
public enum ArchiveLayout
{
    /// <summary>An extracted sysdiagnose folder or a <c>.logarchive</c> folder.</summary>
    Folder,

    /// <summary>An uncompressed tar.</summary>
    Tar,

    /// <summary>A gzip-compressed tar (<c>sysdiagnose_….tar.gz</c>).</summary>
    TarGzip,

    /// <summary>A zip of a sysdiagnose or logarchive folder.</summary>
    Zip,
}
