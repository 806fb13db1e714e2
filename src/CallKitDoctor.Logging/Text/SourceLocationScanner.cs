using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Finds a <c>File.ext:line</c> at the start of a message (<c>AVAudioSession_iOS.mm:984</c>,
/// <c>AudioSessionServerImp.cpp:3166:</c>, <c>[CallsController.swift:307 -- …]</c>), after leading spaces or a bracket.
/// </summary>
internal static class SourceLocationScanner
{
    /// <summary>Returns the file name slice and line number, or false.</summary>
    public static bool TryFind(ReadOnlySpan<char> message, out ReadOnlySpan<char> file, out int line)
    {
        file = default;
        line = 0;
        var i = 0;
        while (i < message.Length && i < 16 && message[i] == ' ')
        {
            i++;
        }

        if (i < message.Length && message[i] == '[')
        {
            i++;
        }

        var start = i;
        var dot = -1;
        var limit = Math.Min(message.Length, start + 128);
        for (; i < limit; i++)
        {
            var c = message[i];
            if (c == '.')
            {
                dot = i;
            }
            else if (c == ':')
            {
                break;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+'))
            {
                return false;
            }
        }

        if (i >= limit || dot <= start || i - dot < 2 || i - dot > 7 || !char.IsAsciiLetter(message[start]))
        {
            return false;
        }

        for (var e = dot + 1; e < i; e++)
        {
            if (!char.IsAsciiLetter(message[e]))
            {
                return false;
            }
        }

        var d = i + 1;
        var value = 0;
        while (d < message.Length && d - i <= 7 && char.IsAsciiDigit(message[d]))
        {
            value = (value * 10) + (message[d] - '0');
            d++;
        }

        if (d == i + 1 || d - i > 7)
        {
            return false;
        }

        file = message[start..i];
        line = value;
        return true;
    }

    /// <summary>Builds the source location for a message, pooling the file name.</summary>
    public static SourceLocation? Find(ReadOnlySpan<char> message, StringPool pool) =>
        TryFind(message, out var file, out var line) ? new SourceLocation(pool.Get(file), line) : null;
}
