using System.Buffers.Binary;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Unified.Formatting;

namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// Reads the backtrace a tracepoint carries when its flags have <see cref="TracepointFlags.HasBacktrace"/>
/// (<c>has_context_data</c>). The backtrace sits between the data item headers and the values data:
/// <c>[u16 1][u8 0x12][u8 image count][u16 frame count]</c>, the image UUIDs (16 bytes each), one u32 image offset per
/// frame, one u8 image index per frame (0xFF: no image), then padding to 4 bytes. The string offsets of the items
/// count from the start of this block, so reading it changes nothing else. Bounds-checked: a cut-short backtrace
/// yields null, never an exception or an allocation beyond what the data holds.
/// </summary>
public static class BacktraceReader
{
    private const int HeaderSize = 6;

    /// <summary>The frames of the backtrace in the data items <paramref name="items"/>, or null when there is none or it is cut short.</summary>
    public static BacktraceFrame[]? Read(ReadOnlySpan<byte> items)
    {
        var start = MessageItems.ValuesOffset(items);
        return ReadAt(items[start..]);
    }

    /// <summary>True when <paramref name="values"/> starts like a backtrace (oversize data carries one without a flag).</summary>
    public static bool LooksLikeBacktrace(ReadOnlySpan<byte> values) =>
        values.Length >= HeaderSize && values[0] == 1 && values[1] == 0 && values[2] == 0x12;

    /// <summary>The frames of a backtrace block that starts at <paramref name="data"/>[0], or null when it is cut short.</summary>
    public static BacktraceFrame[]? ReadAt(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderSize)
        {
            return null;
        }

        int imageCount = data[3];
        int frameCount = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        var imagesStart = HeaderSize;
        var offsetsStart = imagesStart + (16 * imageCount);
        var indexesStart = offsetsStart + (4 * frameCount);
        if (indexesStart + frameCount > data.Length)
        {
            return null;
        }

        var frames = new BacktraceFrame[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[(offsetsStart + (4 * i))..]);
            int index = data[indexesStart + i];
            var image = index < imageCount ? new Guid(data.Slice(imagesStart + (16 * index), 16), bigEndian: true) : Guid.Empty;
            frames[i] = new BacktraceFrame(image, offset);
        }

        return frames;
    }
}
