using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Cli.Commands;

/// <summary>The finding ids given to <c>--fail-on</c> (comma-separated and/or repeated), checked against the rules.</summary>
internal sealed class FailOnList
{
    private readonly HashSet<string> _ids;

    private FailOnList(HashSet<string> ids) => _ids = ids;

    public bool IsEmpty => _ids.Count == 0;

    /// <summary>Parses the option's values; <paramref name="error"/> names unknown ids and lists the valid ones.</summary>
    public static FailOnList? Parse(IEnumerable<string> values, IReadOnlyList<DiagnosticDescriptor> rules, out string? error)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (rules.Any(r => string.Equals(r.Id, part, StringComparison.OrdinalIgnoreCase)))
                {
                    ids.Add(part);
                }
                else
                {
                    unknown.Add(part);
                }
            }
        }

        if (unknown.Count > 0)
        {
            var valid = rules.Count > 0 ? string.Join(", ", rules.Select(r => r.Id)) : "(no rules are registered)";
            error = $"unknown finding id{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} in --fail-on; valid ids: {valid}";
            return null;
        }

        error = null;
        return new FailOnList(ids);
    }

    /// <summary>The listed findings that occur in the report (streamed calls included), with their counts, in report order.</summary>
    public IReadOnlyList<(string Id, int Count)> Matches(DiagnosisReport report) =>
        report.Totals().Findings
            .Where(f => _ids.Contains(f.Id))
            .ToList();
}
