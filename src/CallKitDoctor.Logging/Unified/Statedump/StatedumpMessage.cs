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
        var text = new StringBuilder(title ?? string.Empty);
        if (data.IsEmpty)
        {
            return text.ToString();
        }

        if (text.Length > 0)
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
                else if (text[^1] == '\n')
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

        return text.ToString();
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
            text.Append(Encoding.UTF8.GetString(end >= 0 ? body[..end] : body).TrimEnd());
            return;
        }

        AppendUndecoded(text, "<decode: unknown plist format>", data);
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
