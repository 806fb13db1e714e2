using System.Buffers;
using System.Text;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Formatting.Decoders;
using CallKitDoctor.Logging.Unified.Plist;
using CallKitDoctor.Logging.Unified.Protobuf;

namespace CallKitDoctor.Logging.Unified.Statedump;

/// <summary>
/// The message of a statedump entry: its title, a newline, then the data as readable text. Plists become compact
/// JSON (<see cref="BinaryPlistText"/>; XML plists are already text), protocol buffers a field dump
/// (<see cref="ProtobufText"/>), custom objects the text of the value decoder <c>library:type</c> names
/// (<see cref="ValueDecoders"/>). Anything that cannot be decoded is shown as a placeholder naming the type, with the
/// bytes in hex (at most <see cref="MaxHexBytes"/>), never dropped and never thrown on.
/// </summary>
public static class StatedumpMessage
{
    /// <summary>Most data bytes shown in hex when the data cannot be decoded.</summary>
    public const int MaxHexBytes = 1024;

    /// <summary>Formats a statedump's message.</summary>
    /// <param name="title">The dump's title (<c>CLLocationManagerStateTracker</c>).</param>
    /// <param name="dataType">The data type field (1 plist, 2 protobuf, 3 object).</param>
    /// <param name="library">For objects, the decoder library (<c>location</c>).</param>
    /// <param name="type">For objects, the decoder type (<c>_CLLocationManagerStateTrackerState</c>).</param>
    /// <param name="data">The dump's data.</param>
    public static string Format(string? title, uint dataType, string? library, string? type, ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder();
        Append(text, title, dataType, library, type, data);
        return text.ToString();
    }

    /// <summary>
    /// Appends a statedump's message (the text <see cref="Format"/> returns) to <paramref name="text"/>: a reused
    /// builder takes a dump's tens of KB of text without a string per dump.
    /// </summary>
    public static void Append(StringBuilder text, string? title, uint dataType, string? library, string? type, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.Length;
        text.Append(title);
        if (data.IsEmpty)
        {
            return;
        }

        if (text.Length > start)
        {
            text.Append('\n');
        }

        switch ((StatedumpDataType)dataType)
        {
            case StatedumpDataType.Plist:
                AppendPlist(text, data);
                break;
            case StatedumpDataType.Protobuf:
                if (!ProtobufText.TryFormat(data, text))
                {
                    AppendUndecoded(text, "<decode: malformed protobuf>", data);
                }
                else if (text.Length > start && text[^1] == '\n')
                {
                    text.Length--;
                }

                break;
            case StatedumpDataType.Object:
                var name = $"{library}:{type}";
                if (ValueDecoders.TryGet(name, out var decoder))
                {
                    text.Append(decoder(data));
                }
                else
                {
                    AppendUndecoded(text, MessagePlaceholders.UnsupportedDecoder(name), data);
                }

                break;
            default:
                AppendUndecoded(text, $"<decode: unknown statedump data type {dataType}>", data);
                break;
        }
    }

    private static void AppendPlist(StringBuilder text, ReadOnlySpan<byte> data)
    {
        if (BinaryPlistText.IsBinaryPlist(data))
        {
            if (!BinaryPlistText.TryFormat(data, text, out var error))
            {
                AppendUndecoded(text, $"<decode: malformed plist: {error}>", data);
            }

            return;
        }

        var body = data.TrimStart(" \t\r\n"u8);
        if (body.StartsWith("<?xml"u8) || body.StartsWith("<plist"u8) || body.StartsWith("<!DOCTYPE"u8))
        {
            var end = body.IndexOf((byte)0);
            AppendUtf8TrimmedEnd(text, end >= 0 ? body[..end] : body);
            return;
        }

        AppendUndecoded(text, "<decode: unknown plist format>", data);
    }

    /// <summary>Appends UTF-8 text without its trailing white space (as <see cref="string.TrimEnd()"/>), through a pooled buffer.</summary>
    private static void AppendUtf8TrimmedEnd(StringBuilder text, ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        var count = Encoding.UTF8.GetChars(utf8, chars);
        text.Append(chars.AsSpan(0, count).TrimEnd());
        ArrayPool<char>.Shared.Return(chars);
    }

    private static void AppendUndecoded(StringBuilder text, string placeholder, ReadOnlySpan<byte> data)
    {
        text.Append(placeholder).Append('\n').Append(Convert.ToHexStringLower(data[..Math.Min(data.Length, MaxHexBytes)]));
        if (data.Length > MaxHexBytes)
        {
            text.Append("… (").Append(data.Length).Append(" bytes)");
        }
    }
}
