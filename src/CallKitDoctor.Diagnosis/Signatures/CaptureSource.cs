using System.Globalization;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>Where a signature reads one captured value: <c>arg:N</c>, <c>group:name</c> or <c>message</c>.</summary>
public readonly record struct CaptureSource(CaptureSourceKind Kind, int Argument, string? Group)
{
    /// <summary>The regex group that holds the value (<c>aN</c> for arguments, the name for groups; null for the message).</summary>
    public string? GroupName => Kind switch
    {
        CaptureSourceKind.Argument => FormatStringPattern.ArgumentGroup(Argument),
        CaptureSourceKind.Group => Group,
        _ => null,
    };

    /// <summary>Parses the catalog spelling; false for anything else.</summary>
    public static bool TryParse(string? text, out CaptureSource source)
    {
        source = default;
        if (text is null)
        {
            return false;
        }

        if (text == "message")
        {
            source = new CaptureSource(CaptureSourceKind.Message, 0, null);
            return true;
        }

        if (text.StartsWith("arg:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            source = new CaptureSource(CaptureSourceKind.Argument, n, null);
            return true;
        }

        if (text.StartsWith("group:", StringComparison.Ordinal) && text.Length > 6)
        {
            source = new CaptureSource(CaptureSourceKind.Group, 0, text[6..]);
            return true;
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        CaptureSourceKind.Argument => $"arg:{Argument}",
        CaptureSourceKind.Group => $"group:{Group}",
        _ => "message",
    };
}
