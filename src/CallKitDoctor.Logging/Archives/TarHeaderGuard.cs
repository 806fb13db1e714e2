using System.Buffers.Text;
using CallKitDoctor.Logging.IO;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// A read-only forward stream in front of a <see cref="System.Formats.Tar.TarReader"/> that follows the tar layout
/// (512-byte headers, data padded to 512) and refuses, before the reader sees it, a metadata entry (PAX extended or
/// global header, GNU long name or long link) claiming more than <see cref="MaxMetadataBytes"/>: tar readers load those
/// whole into memory, so a few hostile bytes could otherwise make them allocate gigabytes. The refusal is an
/// <see cref="InvalidDataException"/> from <see cref="Read(Span{byte})"/>. A PAX <c>size</c> record is honoured for the
/// entry it describes, so the following headers are found where the reader finds them.
/// </summary>
internal sealed class TarHeaderGuard(Stream inner) : ForwardReadStream(inner)
{
    /// <summary>The largest metadata entry let through (1 MiB: PAX records and long names are far smaller).</summary>
    public const int MaxMetadataBytes = 1024 * 1024;

    private const int Block = 512;
    private readonly byte[] _header = new byte[Block];
    private int _headerFill;
    private long _position;
    private long _nextHeader;
    private byte[]? _pax;
    private int _paxFill;
    private long? _sizeOverride;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    private void Inspect(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var at = _position + offset;
            if (_pax is not null)
            {
                var take = Math.Min(_pax.Length - _paxFill, data.Length - offset);
                data.Slice(offset, take).CopyTo(_pax.AsSpan(_paxFill));
                _paxFill += take;
                offset += take;
                if (_paxFill == _pax.Length)
                {
                    _sizeOverride = PaxSize(_pax) ?? _sizeOverride;
                    _pax = null;
                }

                continue;
            }

            if (at < _nextHeader)
            {
                offset += (int)Math.Min(data.Length - offset, _nextHeader - at);
                continue;
            }

            var part = Math.Min(Block - _headerFill, data.Length - offset);
            data.Slice(offset, part).CopyTo(_header.AsSpan(_headerFill));
            _headerFill += part;
            offset += part;
            if (_headerFill == Block)
            {
                _headerFill = 0;
                OnHeader();
            }
        }

        _position += data.Length;
    }

    private void OnHeader()
    {
        var headerAt = _nextHeader;
        _nextHeader += Block;
        if (!_header.AsSpan().ContainsAnyExcept((byte)0))
        {
            return; // an end-of-archive block
        }

        var size = Size(_header.AsSpan(124, 12));
        if (size < 0)
        {
            throw new InvalidDataException($"tar header at byte {headerAt} has an unreadable size field");
        }

        var type = (char)_header[156];
        if (type is 'x' or 'g' or 'L' or 'K')
        {
            if (size > MaxMetadataBytes)
            {
                throw new InvalidDataException(
                    $"tar metadata entry '{type}' at byte {headerAt} claims {size} bytes (over the {MaxMetadataBytes}-byte limit); not loaded");
            }

            if (type == 'x' && size > 0)
            {
                _pax = new byte[size];
                _paxFill = 0;
            }
        }
        else if (_sizeOverride is { } pax)
        {
            size = pax;
            _sizeOverride = null;
        }

        _nextHeader += (size + Block - 1) / Block * Block;
    }

    /// <summary>The size field: octal digits (space or NUL terminated) or, with the high bit set, big-endian base 256.</summary>
    private static long Size(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            if (field[0] != 0x80 || field[1..4].ContainsAnyExcept((byte)0))
            {
                return -1;
            }

            long value = 0;
            foreach (var b in field[4..])
            {
                value = (value << 8) | b;
            }

            return value;
        }

        field = field.Trim(" \0"u8);
        long octal = 0;
        foreach (var b in field)
        {
            var digit = b - '0';
            if ((uint)digit > 7 || octal > (long.MaxValue >> 3))
            {
                return -1;
            }

            octal = (octal << 3) | (uint)digit;
        }

        return octal;
    }

    /// <summary>The <c>size</c> record of PAX extended-header data (<c>"LEN key=value\n"</c> records), if any.</summary>
    private static long? PaxSize(ReadOnlySpan<byte> records)
    {
        while (!records.IsEmpty)
        {
            var space = records.IndexOf((byte)' ');
            if (space <= 0 || !Utf8Parser.TryParse(records[..space], out int length, out var used) || used != space || length <= space || length > records.Length)
            {
                return null;
            }

            var record = records[(space + 1)..length];
            if (record.StartsWith("size="u8) && Utf8Parser.TryParse(record[5..].TrimEnd((byte)'\n'), out long size, out _) && size >= 0)
            {
                return size;
            }

            records = records[length..];
        }

        return null;
    }
}
