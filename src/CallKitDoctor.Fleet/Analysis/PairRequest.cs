namespace CallKitDoctor.Fleet.Analysis;

/// <summary>Compare the calls where <see cref="Column"/> is <see cref="Baseline"/> with those where it is <see cref="Candidate"/>.</summary>
public sealed record PairRequest(string Column, string Baseline, string Candidate)
{
    /// <summary>Parses <c>COLUMN=BASELINE,CANDIDATE</c> (e.g. <c>os_version=18.4,18.4.1</c>); null with a reason otherwise.</summary>
    public static PairRequest? Parse(string text, out string? error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var values = equals > 0 ? text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries) : [];
        if (equals <= 0 || values.Length != 2 || values.Any(string.IsNullOrEmpty))
        {
            error = $"--compare expects COLUMN=BASELINE,CANDIDATE (e.g. os_version=18.4,18.4.1), got '{text}'";
            return null;
        }

        error = null;
        return new PairRequest(text[..equals].Trim(), values[0], values[1]);
    }
}
