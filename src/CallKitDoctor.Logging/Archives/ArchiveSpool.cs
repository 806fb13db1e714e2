using System.Buffers;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// A private temporary folder that archive members are written to. Every path is checked to stay inside the folder
/// after normalisation, the total written is capped, and the folder is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class ArchiveSpool : IDisposable
{
    private const int BufferSize = 128 * 1024;
    private readonly string _rootWithSeparator;

    public ArchiveSpool(ArchiveOptions options)
    {
        MaxBytes = options.MaxSpoolBytes;
        var parent = options.TempParent;
        var folder = parent is null
            ? Directory.CreateTempSubdirectory("ckd-archive-")
            : Directory.CreateDirectory(Path.Combine(parent, "ckd-archive-" + Guid.NewGuid().ToString("N")));
        Root = Path.GetFullPath(folder.FullName).TrimEnd(Path.DirectorySeparatorChar);
        _rootWithSeparator = Root + Path.DirectorySeparatorChar;
    }

    /// <summary>The temporary folder (full path, no trailing separator).</summary>
    public string Root { get; }

    /// <summary>The cap on bytes written.</summary>
    public long MaxBytes { get; }

    /// <summary>Bytes written so far.</summary>
    public long WrittenBytes { get; private set; }

    /// <summary>Files written so far.</summary>
    public int WrittenFiles { get; private set; }

    /// <summary>The full path for a normalised member path, or null when it would leave <see cref="Root"/>.</summary>
    public string? PathFor(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(_rootWithSeparator, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The member path of a file inside <see cref="Root"/> (with <c>/</c>), or null for a path outside it.</summary>
    public string? RelativeOf(string fullPath) =>
        fullPath.StartsWith(_rootWithSeparator, StringComparison.Ordinal)
            ? fullPath[_rootWithSeparator.Length..].Replace(Path.DirectorySeparatorChar, '/')
            : null;

    /// <summary>
    /// Writes at most <paramref name="declaredLength"/> bytes of <paramref name="data"/> to <paramref name="fullPath"/>
    /// (from <see cref="PathFor"/>). Returns the bytes written; stops early when the data ends or the cap is reached.
    /// Exceptions from the data stream or the disk are the caller's to record.
    /// </summary>
    public long Write(string fullPath, Stream data, long declaredLength, out bool capReached)
    {
        capReached = false;
        if (!fullPath.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("spool path outside the temporary folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long written = 0;
        try
        {
            using var output = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, 1);
            WrittenFiles++;
            while (written < declaredLength)
            {
                var budget = MaxBytes - WrittenBytes;
                if (budget <= 0)
                {
                    capReached = true;
                    break;
                }

                var want = (int)Math.Min(Math.Min(buffer.Length, declaredLength - written), budget);
                var read = data.Read(buffer, 0, want);
                if (read <= 0)
                {
                    break;
                }

                output.Write(buffer, 0, read);
                written += read;
                WrittenBytes += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return written;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere keeps the folder until the OS cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
