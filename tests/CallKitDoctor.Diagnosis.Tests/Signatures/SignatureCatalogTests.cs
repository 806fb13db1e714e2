using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

public class SignatureCatalogTests
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.Embedded;

    [Fact]
    public void EmbeddedCatalogLoadsWithVersionAndSignatures()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", Catalog.Version);
        Assert.True(Catalog.Signatures.Count >= 100, $"{Catalog.Signatures.Count} signatures");
        Assert.Equal(Catalog.Signatures.Count, Catalog.Signatures.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Catalog.Signatures, s => Assert.Matches(@"^[a-z0-9]+(\.[a-z0-9-]+)+$", s.Id));
        Assert.All(Catalog.Signatures, s => Assert.False(string.IsNullOrWhiteSpace(s.Provenance), s.Id));
    }

    [Fact]
    public void EveryRegexCompiles()
    {
        Assert.Empty(Catalog.CompileAll());
    }

    [Fact]
    public void EveryEventKindHasASignature()
    {
        var kinds = Catalog.Signatures.SelectMany(s => s.InactiveKind is { } k ? [s.Kind, k] : new[] { s.Kind }).ToHashSet();
        var missing = Enum.GetValues<EventKind>().Where(k => !kinds.Contains(k)).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void AnchorsAreLongAndPresentInEveryExample()
    {
        foreach (var signature in Catalog.Signatures)
        {
            Assert.True(signature.Anchor.Length >= SignatureCatalog.MinimumAnchorLength, signature.Id);
            foreach (var example in SignatureExamples.All.Where(e => e.Id == signature.Id))
            {
                Assert.Contains(signature.Anchor, example.Line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void FormatStringsAreKeptExactlyAsInSource()
    {
        Assert.Contains(Catalog.Signatures, s => s.FormatString == "Provider %@ was asked to report a new incoming call with UUID: %@ update: %@");
        Assert.Contains(Catalog.Signatures, s => s.FormatString == "%25s:%-5d Creating proxy session failed, session ID = 0x%x, error = %@");
        Assert.Contains(Catalog.Signatures, s => s.FormatString == "Sending %s with active: %d");
    }

    [Fact]
    public void ExampleLinesMatchTheirOwnPatterns()
    {
        foreach (var example in SignatureExamples.All)
        {
            var signature = Catalog.Signatures.Single(s => s.Id == example.Id);
            if (signature.FormatRegex is { } format)
            {
                Assert.True(format.IsMatch(example.Line), $"{example.Id} format regex on: {example.Line}");
            }

            if (signature.PatternRegex is { } pattern)
            {
                Assert.True(pattern.IsMatch(example.Line), $"{example.Id} pattern on: {example.Line}");
            }
        }
    }

    [Fact]
    public void CompiledRegexesUseTheSafeOptions()
    {
        foreach (var signature in Catalog.Signatures)
        {
            foreach (var regex in new[] { signature.FormatRegex, signature.PatternRegex }.OfType<Regex>())
            {
                Assert.True(regex.Options.HasFlag(RegexOptions.Compiled), signature.Id);
                Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
            }
        }
    }

    [Fact]
    public void ValidationReportsEveryProblem()
    {
        const string json = """
            {
              "catalogVersion": "1.0.0",
              "signatures": [
                { "id": "a.one", "kind": "push-received", "actor": "callservicesd", "confidence": "exact", "formatString": "Hello %@ world" },
                { "id": "a.one", "kind": "push-received", "actor": "callservicesd", "confidence": "exact", "formatString": "Hello %@ world" },
                { "id": "a.two", "kind": "no-such-kind", "actor": "app", "confidence": "heuristic", "pattern": "abcdef" },
                { "id": "a.three", "kind": "push-received", "actor": "app", "confidence": "heuristic", "pattern": "abc(def" },
                { "id": "a.four", "kind": "push-received", "actor": "app", "confidence": "heuristic", "pattern": "(?:x|y)" },
                { "id": "a.five", "kind": "push-received", "actor": "app", "confidence": "exact", "formatString": "Value %d here", "captures": { "active": "arg:2" } },
                { "id": "a.six", "kind": "push-received", "actor": "app", "confidence": "heuristic", "pattern": "abcdef (?<x>\\d+)", "captures": { "statusCode": "group:y" } },
                { "id": "a.seven", "kind": "push-received", "actor": "nobody", "confidence": "heuristic", "pattern": "abcdefgh" },
                { "id": "a.eight", "kind": "push-received", "actor": "app", "confidence": "exact", "pattern": "abcdefgh" },
                { "id": "a.nine", "kind": "push-received", "actor": "app", "confidence": "heuristic" }
              ]
            }
            """;

        var error = Assert.Throws<SignatureCatalogException>(() => SignatureCatalog.Parse(json));

        Assert.Contains(error.Problems, p => p.Contains("a.one") && p.Contains("duplicate"));
        Assert.Contains(error.Problems, p => p.Contains("a.two") && p.Contains("unknown kind"));
        Assert.Contains(error.Problems, p => p.Contains("a.three") && p.Contains("compile"));
        Assert.Contains(error.Problems, p => p.Contains("a.four") && p.Contains("anchor"));
        Assert.Contains(error.Problems, p => p.Contains("a.five") && p.Contains("arg:2"));
        Assert.Contains(error.Problems, p => p.Contains("a.six") && p.Contains("group:y"));
        Assert.Contains(error.Problems, p => p.Contains("a.seven") && p.Contains("actor"));
        Assert.Contains(error.Problems, p => p.Contains("a.eight") && p.Contains("exact"));
        Assert.Contains(error.Problems, p => p.Contains("a.nine") && p.Contains("formatString or a pattern"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"catalogVersion\":\"1\"}")]
    public void MalformedCatalogsAreRejected(string json)
    {
        Assert.Throws<SignatureCatalogException>(() => SignatureCatalog.Parse(json));
    }

    [Fact]
    public void ParsedCatalogDrivesItsOwnMatcher()
    {
        var catalog = SignatureCatalog.Parse("""
            { "catalogVersion": "9.9.9", "signatures": [
              { "id": "t.thing", "kind": "provider-reset", "actor": "app", "confidence": "exact", "formatString": "Thing %d happened to %@", "captures": { "statusCode": "arg:1" } }
            ] }
            """);
        var matcher = new SignatureMatcher(catalog);

        var e = matcher.Match(new Logging.Entries.LogEntry("Thing -50 happened to <private>"));

        Assert.Equal("9.9.9", catalog.Version);
        Assert.Equal(EventKind.ProviderReset, e?.Kind);
        Assert.Equal(-50, e?.StatusCode);
        Assert.Equal(" happened to ", catalog.Signatures[0].Anchor);
    }
}
