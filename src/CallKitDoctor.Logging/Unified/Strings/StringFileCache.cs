using System.Text;

namespace CallKitDoctor.Logging.Unified.Strings;

/// <summary>
/// Loads uuidtext and dsc files on first use from a uuidtext folder (<c>XX/REST</c> files and <c>dsc/UUID</c>), keeps
/// them (a missing or corrupt file is remembered as missing), and caches decoded format strings. Corrupt files are
/// recorded in <see cref="Errors"/>.
/// </summary>
public sealed class StringFileCache
{
    private readonly string? _root;
    private readonly Dictionary<Guid, UuidTextFile?> _uuidText = [];
    private readonly Dictionary<Guid, SharedCacheStrings?> _sharedCaches = [];
    private readonly Dictionary<(object, ulong), string?> _formats = [];

    /// <summary>Reads string files under <paramref name="root"/> (null: no string files at all).</summary>
    public StringFileCache(string? root) => _root = root is not null && Directory.Exists(root) ? root : null;

    /// <summary>Problems met in the string files.</summary>
    public UnifiedErrorLog Errors { get; } = new();

    /// <summary>Adds an in-memory uuidtext file (tests, tools).</summary>
    public void Add(Guid uuid, UuidTextFile file) => _uuidText[uuid] = file;

    /// <summary>Adds an in-memory dsc file.</summary>
    public void Add(Guid uuid, SharedCacheStrings file) => _sharedCaches[uuid] = file;

    /// <summary>The uuidtext file of an image, or null when missing or corrupt.</summary>
    public UuidTextFile? GetUuidText(Guid uuid)
    {
        if (uuid == Guid.Empty)
        {
            return null;
        }

        if (!_uuidText.TryGetValue(uuid, out var file))
        {
            var name = uuid.ToString("N").ToUpperInvariant();
            var bytes = Load(_root is null ? null : Path.Combine(_root, name[..2], name[2..]));
            file = bytes is null ? null : UuidTextFile.Parse(bytes.Value.Data, bytes.Value.Path, Errors);
            _uuidText[uuid] = file;
        }

        return file;
    }

    /// <summary>The dsc file with this UUID, or null when missing or corrupt.</summary>
    public SharedCacheStrings? GetSharedCache(Guid uuid)
    {
        if (uuid == Guid.Empty)
        {
            return null;
        }

        if (!_sharedCaches.TryGetValue(uuid, out var file))
        {
            var bytes = Load(_root is null ? null : Path.Combine(_root, "dsc", uuid.ToString("N").ToUpperInvariant()));
            file = bytes is null ? null : SharedCacheStrings.Parse(bytes.Value.Data, bytes.Value.Path, Errors);
            _sharedCaches[uuid] = file;
        }

        return file;
    }

    /// <summary>The format string at <paramref name="offset"/> of a uuidtext file (decoded once, then cached).</summary>
    public string? GetFormat(UuidTextFile file, ulong offset)
    {
        if (!_formats.TryGetValue((file, offset), out var text))
        {
            text = offset <= uint.MaxValue && file.TryGetString((uint)offset, out var utf8) ? Encoding.UTF8.GetString(utf8) : null;
            _formats[(file, offset)] = text;
        }

        return text;
    }

    /// <summary>The format string at shared-cache <paramref name="offset"/> of a dsc file, and the image that holds it.</summary>
    public string? GetFormat(SharedCacheStrings file, ulong offset, out SharedCacheImage image)
    {
        image = default;
        if (!file.TryGetString(offset, out var utf8, out var range))
        {
            return null;
        }

        if (range.ImageIndex < (ulong)file.Images.Count)
        {
            image = file.Images[(int)range.ImageIndex];
        }

        if (!_formats.TryGetValue((file, offset), out var text))
        {
            text = Encoding.UTF8.GetString(utf8);
            _formats[(file, offset)] = text;
        }

        return text;
    }

    private (byte[] Data, string Path)? Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return (File.ReadAllBytes(path), path);
        }
        catch (IOException ex)
        {
            Errors.Add(UnifiedErrorKind.Truncated, path, 0, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            Errors.Add(UnifiedErrorKind.Truncated, path, 0, ex.Message);
        }

        return null;
    }
}
