using System.IO.Compression;

namespace CallKitDoctor.Logging.Archives;

/// <summary>Recognises a packed archive from its first bytes: zip, tar, or gzip-compressed tar.</summary>
public static class ArchiveDetector
{
    private const int TarMagicOffset = 257;

    /// <summary>The layout of the file at <paramref name="path"/>, or null when it is no archive this reader opens.</summary>
    public static ArchiveLayout? Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return ArchiveLayout.Folder;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            Span<byte> head = stackalloc byte[512];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..length];
            if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
            {
                return ArchiveLayout.Zip;
            }

            if (IsTarHeader(head))
            {
                return ArchiveLayout.Tar;
            }

            if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                stream.Position = 0;
                using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
                Span<byte> inner = stackalloc byte[512];
                var innerLength = gzip.ReadAtLeast(inner, inner.Length, throwOnEndOfStream: false);
                return IsTarHeader(inner[..innerLength]) ? ArchiveLayout.TarGzip : null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }

        return null;
    }

    private static bool IsTarHeader(ReadOnlySpan<byte> block) =>
        block.Length >= TarMagicOffset + 5 && block.Slice(TarMagicOffset, 5).SequenceEqual("ustar"u8);
}
