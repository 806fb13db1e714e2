using System.Buffers;
using System.Text;

namespace CallKitDoctor.Logging.Output;

/// <summary>
/// Writes text as the body of a JSON string the way <c>log</c> (NSJSONSerialization) does: <c>"</c>, <c>\</c> and
/// <c>/</c> are escaped (<c>\/usr\/libexec</c>), control characters become <c>\n</c>, <c>\t</c>… or <c>\u00XX</c>,
/// everything else is UTF-8 as is. Clean runs are transcoded in one vectorised step.
/// </summary>
public static class JsonStringText
{
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\"\\/\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>The most bytes <paramref name="length"/> characters can take once escaped (<c>\u00XX</c> per character).</summary>
    public static int MaxBytes(int length) => length * 6;

    /// <summary>Writes the escaped UTF-8 of <paramref name="text"/> (no quotes) into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var special = text.IndexOfAny(Special);
            var clean = special < 0 ? text : text[..special];
            if (!clean.IsEmpty)
            {
                written += Encoding.UTF8.GetBytes(clean, destination[written..]);
            }

            if (special < 0)
            {
                return written;
            }

            written += Escape(text[special], destination[written..]);
            text = text[(special + 1)..];
        }
    }

    private static int Escape(char c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        byte short1 = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '/' => (byte)'/',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            _ => 0,
        };
        if (short1 != 0)
        {
            destination[1] = short1;
            return 2;
        }

        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = HexDigit(c >> 4);
        destination[5] = HexDigit(c & 0xF);
        return 6;
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
