namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// A temporary file in a folder of its own (created for this file only, readable by the current user alone), where a
/// streamed report writes its calls until the document can be put together. Disposing deletes the file and the folder,
/// also when the rendering failed or was cancelled; the file is opened delete-on-close, so even a crash leaves at
/// most an empty folder.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly DirectoryInfo _folder;
    private bool _disposed;

    public SpillFile()
    {
        _folder = Directory.CreateTempSubdirectory("callkit-doctor-");
        try
        {
            Stream = new FileStream(Path.Combine(_folder.FullName, "calls.spill"), new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = BufferSize,
                Options = FileOptions.DeleteOnClose | FileOptions.SequentialScan,
            });
        }
        catch
        {
            DeleteFolder();
            throw;
        }
    }

    /// <summary>The folder holding the file (for tests that check it is gone).</summary>
    public string FolderPath => _folder.FullName;

    /// <summary>The file's stream, open for writing and then for reading back.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes what was written and goes back to the start, to read it.</summary>
    public long Rewind()
    {
        Stream.Flush();
        var length = Stream.Length;
        Stream.Position = 0;
        return length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Stream.Dispose();
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temp cleaning: the file itself is delete-on-close.
        }
    }
}
