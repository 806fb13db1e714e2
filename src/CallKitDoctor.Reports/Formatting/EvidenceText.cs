using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Reports.Formatting;

/// <summary>How reports cite a piece of evidence's place in the input.</summary>
public static class EvidenceText
{
    /// <summary><c>file:line</c>, <c>file:first-last</c>, or <c>file@0xoffset</c> with the file's name only.</summary>
    public static string Where(InputLocation location)
    {
        var name = string.IsNullOrEmpty(location.Source) ? "input" : Path.GetFileName(location.Source);
        if (string.IsNullOrEmpty(name))
        {
            name = location.Source;
        }

        return (location with { Source = name }).ToString();
    }

    /// <summary>The citation of one piece of evidence.</summary>
    public static string Where(Evidence evidence) => Where(evidence.Location);
}
