using System.Runtime.CompilerServices;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Reads the optional <c>(Library) [subsystem:category] </c> decorations <c>log show</c> puts before a message.
/// </summary>
internal static class MessageDecorations
{
    /// <summary>Splits off the sender and subsystem/category and leaves the message in <see cref="LineFields.Message"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Parse(ReadOnlySpan<char> text, ref LineFields fields)
    {
        if (text.Length > 2 && text[0] == '(')
        {
            var close = text.IndexOf(')');
            if (close > 1 && IsLibraryName(text[1..close]) && (close + 1 == text.Length || text[close + 1] == ' '))
            {
                fields.Sender = text[1..close];
                text = close + 1 < text.Length ? text[(close + 2)..] : [];
            }
        }

        if (text.Length > 3 && text[0] == '[' && char.IsAsciiLetter(text[1]))
        {
            var close = text.IndexOf(']');
            if (close > 2 && (close + 1 == text.Length || text[close + 1] == ' '))
            {
                var inside = text[1..close];
                var colon = inside.IndexOf(':');
                if (colon > 0 && IsSubsystemName(inside[..colon]))
                {
                    fields.Subsystem = inside[..colon];
                    fields.Category = inside[(colon + 1)..];
                    text = close + 1 < text.Length ? text[(close + 2)..] : [];
                }
            }
        }

        fields.Message = text;
    }

    private static bool IsLibraryName(ReadOnlySpan<char> name)
    {
        if (name.Length > 96)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSubsystemName(ReadOnlySpan<char> name)
    {
        if (name.Length > 128)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
