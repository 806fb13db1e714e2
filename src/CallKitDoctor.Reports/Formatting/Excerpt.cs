using System.Text;

namespace CallKitDoctor.Reports.Formatting;

/// <summary>Shortens a log message to one readable line for a timeline.</summary>
public static class Excerpt
{
    /// <summary>
    /// The message on one line: whitespace runs (newlines, tabs, the padding Apple's frameworks put in front of
    /// <c>AVAudioSession_iOS.mm:597</c>) collapse to one space, control characters are dropped, and the result is cut
    /// at <paramref name="maxLength"/> characters with an ellipsis.
    /// </summary>
    public static string Of(string? message, int maxLength)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        maxLength = Math.Max(maxLength, 2);
        var builder = new StringBuilder(Math.Min(message.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var c in message)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length > maxLength)
        {
            builder.Length = maxLength - 1;
            if (char.IsHighSurrogate(builder[^1]))
            {
                builder.Length--;
            }

            builder.Append('…');
        }

        return builder.ToString();
    }
}
