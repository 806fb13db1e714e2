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

        var buffer = new char[Capacity(maxLength)];
        return new string(buffer, 0, Write(message, maxLength, buffer));
    }

    /// <summary>The room <see cref="Write"/> needs for an excerpt of <paramref name="maxLength"/> characters.</summary>
    public static int Capacity(int maxLength) => Math.Max(maxLength, 2) + 2;

    /// <summary>
    /// Writes the excerpt <see cref="Of"/> returns into <paramref name="destination"/> (at least
    /// <see cref="Capacity"/> characters) and returns its length.
    /// </summary>
    public static int Write(ReadOnlySpan<char> message, int maxLength, Span<char> destination)
    {
        maxLength = Math.Max(maxLength, 2);
        var length = 0;
        var pendingSpace = false;
        foreach (var c in message)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }

            destination[length++] = c;
            if (length > maxLength)
            {
                break;
            }
        }

        if (length > maxLength)
        {
            length = maxLength - 1;
            if (char.IsHighSurrogate(destination[length - 1]))
            {
                length--;
            }

            destination[length++] = '…';
        }

        return length;
    }
}
