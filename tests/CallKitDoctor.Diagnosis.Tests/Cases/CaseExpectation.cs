namespace CallKitDoctor.Diagnosis.Tests.Cases;

/// <summary>
/// The expectations in the first three lines of a case's .md: <c>expect-findings:</c> ids that must appear,
/// <c>expect-verdict:</c> a verdict some call must have, <c>expect-absent:</c> ids that must not appear (<c>-</c> = none).
/// </summary>
public sealed record CaseExpectation(IReadOnlyList<string> Findings, string? Verdict, IReadOnlyList<string> Absent)
{
    public static CaseExpectation Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Take(3))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new CaseExpectation(
            List(values.GetValueOrDefault("expect-findings")),
            List(values.GetValueOrDefault("expect-verdict")).FirstOrDefault(),
            List(values.GetValueOrDefault("expect-absent")));
    }

    private static List<string> List(string? value) =>
        value is null or "-" or ""
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v != "-").ToList();
}
