using CallKitDoctor.Reports.Tones;

namespace CallKitDoctor.Reports.Html;

/// <summary>The CSS class suffix of each <see cref="Tone"/> (<c>tone-good</c>): its name in lower case, without building it per element.</summary>
internal static class ToneClasses
{
    public static string Of(Tone tone) => tone switch
    {
        Tone.Good => "good",
        Tone.Caution => "caution",
        Tone.Bad => "bad",
        Tone.Neutral => "neutral",
        _ => tone.ToString().ToLowerInvariant(),
    };
}
