namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>The version number from an OS version as a capture prints it (<c>iPhone OS 18.4.1</c> → <c>18.4.1</c>).</summary>
internal static class OsVersionText
{
    public static string? Number(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed))
        {
            return null;
        }

        var text = printed.AsSpan().Trim();
        var space = text.LastIndexOf(' ');
        var last = space < 0 ? text : text[(space + 1)..];
        return last.Length > 0 && char.IsAsciiDigit(last[0]) ? last.ToString() : text.ToString();
    }
}
