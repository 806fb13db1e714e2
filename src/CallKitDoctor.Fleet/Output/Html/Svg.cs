using System.Globalization;
using System.Net;

namespace CallKitDoctor.Fleet.Output.Html;

/// <summary>Markup details shared by the inline SVG charts: escaped text, invariant coordinates, percent labels.</summary>
internal static class Svg
{
    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString(value < 0.1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A "nice" upper bound for an axis (1, 2 or 5 times a power of ten) at or above <paramref name="max"/>.</summary>
    public static double NiceCeiling(double max)
    {
        if (!(max > 0) || !double.IsFinite(max))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
