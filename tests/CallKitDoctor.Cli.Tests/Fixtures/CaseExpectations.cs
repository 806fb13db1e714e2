namespace CallKitDoctor.Cli.Tests.Fixtures;

/// <summary>
/// The expectations a shared case states in its .md's first lines: <c>expect-findings: a, b</c>,
/// <c>expect-verdict: v</c>, <c>expect-absent: c, d</c> (<c>-</c> for none).
/// </summary>
internal sealed record CaseExpectations(IReadOnlyList<string> Findings, string? Verdict, IReadOnlyList<string> Absent)
{
    public static CaseExpectations Read(string markdownPath)
    {
        IReadOnlyList<string> findings = [], absent = [];
        string? verdict = null;
        foreach (var line in File.ReadLines(markdownPath).Take(10))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().TrimStart('\uFEFF');
            var values = line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(v => v != "-")
                .ToList();
            switch (key)
            {
                case "expect-findings":
                    findings = values;
                    break;
                case "expect-verdict":
                    verdict = values.FirstOrDefault();
                    break;
                case "expect-absent":
                    absent = values;
                    break;
            }
        }

        return new CaseExpectations(findings, verdict, absent);
    }
}
