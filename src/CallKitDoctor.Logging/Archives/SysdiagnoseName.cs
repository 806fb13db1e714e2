using System.Globalization;
using System.Text.RegularExpressions;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// What a sysdiagnose file or folder name tells:
/// <c>sysdiagnose_2025.10.28_18-28-20_0800_iPhone-OS_iPhone_23A355</c> is 2025-10-28 18:28:20 +08:00, platform
/// <c>iPhone OS</c>, device <c>iPhone</c>, build <c>23A355</c>. The offset may carry a sign (<c>-0700</c>, <c>_-0700</c>).
/// </summary>
public sealed partial record SysdiagnoseName(DateTimeOffset CaptureTime, string Platform, string Device, string Build)
{
    /// <summary>Parses a file or folder name (with or without <c>.tar.gz</c>, <c>.tgz</c>, <c>.tar</c>, <c>.zip</c>); null when it does not match.</summary>
    public static SysdiagnoseName? TryParse(string name)
    {
        var match = Pattern().Match(Path.GetFileName(name.TrimEnd('/', '\\')));
        if (!match.Success)
        {
            return null;
        }

        static int N(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
        var offset = TimeSpan.FromMinutes(sign * ((N(match.Groups["oh"]) * 60) + N(match.Groups["om"])));
        if (offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        try
        {
            var local = new DateTime(N(match.Groups["y"]), N(match.Groups["mo"]), N(match.Groups["d"]),
                N(match.Groups["h"]), N(match.Groups["mi"]), N(match.Groups["s"]), DateTimeKind.Unspecified);
            return new SysdiagnoseName(new DateTimeOffset(local, offset),
                match.Groups["platform"].Value.Replace('-', ' '), match.Groups["device"].Value, match.Groups["build"].Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:IN_PROGRESS_)?sysdiagnose_(?<y>\d{4})\.(?<mo>\d{2})\.(?<d>\d{2})_(?<h>\d{2})-(?<mi>\d{2})-(?<s>\d{2})(?:_(?<sign>[+-]?)|(?<sign>[+-]))(?<oh>\d{2})(?<om>\d{2})_(?<platform>[^_]+)_(?<device>[^_]+)_(?<build>[0-9A-Za-z]+)(?:\.tar\.gz|\.tgz|\.tar|\.zip)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
