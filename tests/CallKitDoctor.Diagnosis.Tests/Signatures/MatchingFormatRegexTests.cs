using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// The matcher runs a signature's format regex with only the argument groups its captures read, and asks a regex for a
/// <see cref="Match"/> only when a capture reads one of its groups. The reduced regex must match exactly where the full
/// one (<see cref="FormatStringPattern.Regex"/>) matches and give the groups it keeps the same values.
/// </summary>
public class MatchingFormatRegexTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Singleline;
    private static readonly SignatureCatalog Catalog = SignatureCatalog.Embedded;

    [Fact]
    public void ReducedFormatRegexesMatchLikeTheFullOnesOnEveryExampleAndVariant()
    {
        var lines = Variants(SignatureExamples.All.Select(e => e.Line)).ToArray();
        var compared = 0;
        foreach (var signature in Catalog.Signatures.Where(s => s.FormatPattern is not null))
        {
            compared += AssertSameMatches(signature, lines);
        }

        Assert.True(compared > 10_000, $"{compared} comparisons");
    }

    [SkippableFact]
    public void ReducedFormatRegexesMatchLikeTheFullOnesOnTheSharedCaseLines()
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var folder = SharedData.PathOf("callkit", "cases")!;
        var lines = Directory.GetFiles(folder, "*.log").SelectMany(File.ReadLines).Distinct(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(lines);
        foreach (var signature in Catalog.Signatures.Where(s => s.FormatPattern is not null))
        {
            AssertSameMatches(signature, lines);
        }
    }

    [Fact]
    public void OnlyTheArgumentsCapturesReadKeepTheirGroup()
    {
        var reduced = 0;
        foreach (var signature in Catalog.Signatures.Where(s => s.FormatPattern is not null))
        {
            var read = signature.CaptureList.Select(c => c.GroupName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var kept = signature.FormatMatcher!.Interpreted.GetGroupNames().Where(n => n != "0").ToArray();
            var arguments = Enumerable.Range(1, signature.FormatPattern!.Arguments).Select(FormatStringPattern.ArgumentGroup).ToArray();
            Assert.Equal(arguments.Where(read.Contains), kept);
            Assert.Equal(kept.Length > 0, signature.FormatReadsGroups);
            reduced += kept.Length < arguments.Length ? 1 : 0;
        }

        Assert.True(reduced > 10, $"{reduced} reduced format regexes");
    }

    [Fact]
    public void ARegexIsAskedForItsGroupsOnlyWhenACaptureReadsOne()
    {
        foreach (var signature in Catalog.Signatures)
        {
            var read = signature.CaptureList.Select(c => c.GroupName).OfType<string>().ToArray();
            var patternDefines = signature.PatternMatcher is { } pattern && read.Any(n => pattern.Interpreted.GroupNumberFromName(n) >= 0);
            Assert.Equal(patternDefines, signature.PatternReadsGroups);

            // The catalog's validation makes every group a capture reads exist in one of the two regexes.
            Assert.Equal(signature.CaptureList.Any(c => c.GroupName is not null), signature.FormatReadsGroups || signature.PatternReadsGroups);
        }
    }

    [Theory]
    [InlineData("Sending %s with active: %d", "Sending AVAudioSessionActivation with active: 1")]
    [InlineData("%25s:%-5d Creating proxy session failed, session ID = 0x%x, error = %@", "   AVAudioSessionImpl.mm:1234 Creating proxy session failed, session ID = 0x0, error = <private>")]
    [InlineData("Provider %@ was asked to report a new incoming call with UUID: %@ update: %@", "Provider <CXProvider 0x1> was asked to report a new incoming call with UUID: 6E0A2B76-2F9C-4F3E-8E52-6A3B0C9D1E2F update: <CXCallUpdate 0x2 remoteHandle=<private>>")]
    [InlineData("%{public}s: session %u state %{BOOL}d error %ld (%{public}@)", "setActive: session 42 state YES error -50 (kAudioSessionBadParam) and more")]
    public void EveryChoiceOfKeptArgumentsMatchesLikeTheFullPattern(string format, string rendered)
    {
        var full = new Regex(FormatStringPattern.Create(format).Regex, Options);
        var arguments = FormatStringPattern.Create(format).Arguments;
        var lines = Variants([rendered]).ToArray();
        for (var mask = 0; mask < 1 << arguments; mask++)
        {
            var keep = mask;
            var reduced = new Regex(FormatStringPattern.Create(format, n => (keep & (1 << (n - 1))) != 0).Regex, Options);
            Assert.Equal(Enumerable.Range(1, arguments).Count(n => (keep & (1 << (n - 1))) != 0), reduced.GetGroupNames().Length - 1);
            foreach (var line in lines)
            {
                AssertSame(full.Match(line), reduced.Match(line), reduced, $"{format} mask {keep}");
            }
        }

        Assert.Matches(full, rendered);
    }

    private static int AssertSameMatches(Signature signature, IReadOnlyList<string> lines)
    {
        var full = new Regex(signature.FormatPattern!.Regex, Options);
        var reduced = signature.FormatMatcher!.Interpreted;
        foreach (var line in lines)
        {
            AssertSame(full.Match(line), reduced.Match(line), reduced, signature.Id);
        }

        return lines.Count;
    }

    private static void AssertSame(Match full, Match reduced, Regex reducedRegex, string what)
    {
        Assert.True(full.Success == reduced.Success, $"{what}: success differs on '{full.Value}' / '{reduced.Value}'");
        if (!full.Success)
        {
            return;
        }

        Assert.Equal(full.Index, reduced.Index);
        Assert.Equal(full.Length, reduced.Length);
        foreach (var name in reducedRegex.GetGroupNames())
        {
            Assert.Equal(full.Groups[name].Success, reduced.Groups[name].Success);
            Assert.Equal(full.Groups[name].Index, reduced.Groups[name].Index);
            Assert.Equal(full.Groups[name].Value, reduced.Groups[name].Value);
        }
    }

    // Each line as it is, cut short, with text around it, with its values redacted, and doubled.
    private static IEnumerable<string> Variants(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            yield return line;
            yield return line[..(line.Length / 2)];
            yield return line[..Math.Max(0, line.Length - 1)];
            yield return "prefix: " + line;
            yield return line + " trailing text";
            yield return line + "\n" + line;
            yield return Regex.Replace(line, @"\b[0-9A-F]{8}-[0-9A-F-]{27}\b|\b\d+\b|0x[0-9a-f]+", "<private>");
            yield return line.Replace(' ', '\t');
        }

        yield return "";
        yield return "<private>";
    }
}
