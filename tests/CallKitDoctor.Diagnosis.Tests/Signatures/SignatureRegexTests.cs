using System.Text.RegularExpressions;
using CallKitDoctor.Diagnosis.Signatures;

namespace CallKitDoctor.Diagnosis.Tests.Signatures;

/// <summary>
/// <see cref="SignatureRegex"/> runs a signature's regex interpreted, then compiled once it has been used a few times: the
/// matches (success, index, every group) must be the same whichever build runs, and the switch must happen.
/// </summary>
public class SignatureRegexTests
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.Embedded;

    [Fact]
    public void InterpretedAndCompiledBuildsGiveTheSameMatchesOnEveryExampleLine()
    {
        var lines = SignatureExamples.All.Select(e => e.Line).Concat(["", "no anchor here", "\n\n"]).ToArray();
        var compared = 0;
        foreach (var signature in Catalog.Signatures)
        {
            foreach (var regex in new[] { signature.FormatMatcher, signature.PatternMatcher })
            {
                if (regex is null)
                {
                    continue;
                }

                Assert.False(regex.Interpreted.Options.HasFlag(RegexOptions.Compiled), signature.Id);
                Assert.True(regex.Compiled.Options.HasFlag(RegexOptions.Compiled), signature.Id);
                foreach (var line in lines)
                {
                    AssertSameMatch(regex.Interpreted.Match(line), regex.Compiled.Match(line), signature.Id);
                    compared++;
                }
            }
        }

        Assert.True(compared > 1000, $"{compared} comparisons");
    }

    [Fact]
    public void IsMatchAgreesWithMatchForEverySignatureAndCaptureGroupsAreKnown()
    {
        var lines = SignatureExamples.All.Select(e => e.Line).ToArray();
        foreach (var signature in Catalog.Signatures)
        {
            Assert.Equal(signature.Captures.Count, signature.CaptureList.Length);
            foreach (var capture in signature.CaptureList)
            {
                Assert.Equal(signature.Captures[capture.Field], capture.Source);
                Assert.Equal(capture.Source.GroupName, capture.GroupName);
            }

            Assert.Equal(signature.Captures.Values.Any(c => c.Kind != CaptureSourceKind.Message), signature.CaptureList.Any(c => c.GroupName is not null));
            foreach (var regex in new[] { signature.FormatMatcher, signature.PatternMatcher })
            {
                if (regex is null)
                {
                    continue;
                }

                foreach (var line in lines)
                {
                    var match = regex.Compiled.Match(line);
                    Assert.Equal(match.Success, regex.IsMatch(line));
                }
            }
        }
    }

    [Fact]
    public void RunsInterpretedUntilUsedOftenThenSwitchesToTheCompiledBuild()
    {
        var regex = new SignatureRegex(@"active: (?<a>\d+)", RegexOptions.None);
        for (var i = 0; i < SignatureRegex.CompileAfter - 1; i++)
        {
            Assert.Equal("1", regex.Match("Sending x with active: 1").Groups["a"].Value);
        }

        Assert.False(regex.IsCompiled);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!regex.IsCompiled && DateTime.UtcNow < deadline)
        {
            Assert.Equal("0", regex.Match("Sending x with active: 0").Groups["a"].Value);
            Thread.Sleep(1);
        }

        Assert.True(regex.IsCompiled);
        var match = regex.Match("Sending y with active: 7");
        Assert.True(match.Success);
        Assert.Equal("7", match.Groups["a"].Value);
        Assert.False(regex.Match("inactive").Success);
    }

    [Fact]
    public void ConcurrentUsersSeeTheSameMatchesAcrossTheSwitch()
    {
        var regex = new SignatureRegex(@"UUID: (?<u>[0-9A-F-]{36})", RegexOptions.None);
        var reference = new Regex(@"UUID: (?<u>[0-9A-F-]{36})", RegexOptions.CultureInvariant);
        var inputs = Enumerable.Range(0, 64)
            .Select(i => i % 3 == 0 ? $"call {i} no id" : $"call UUID: {new Guid(i, 0, 0, new byte[8]).ToString().ToUpperInvariant()} at {i}")
            .ToArray();
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var input = inputs[(i + worker) % inputs.Length];
                AssertSameMatch(reference.Match(input), regex.Match(input), input);
            }
        });
    }

    private static void AssertSameMatch(Match expected, Match actual, string because)
    {
        Assert.True(expected.Success == actual.Success, because);
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Groups.Count, actual.Groups.Count);
        for (var g = 0; g < expected.Groups.Count; g++)
        {
            Assert.Equal(expected.Groups[g].Name, actual.Groups[g].Name);
            Assert.Equal(expected.Groups[g].Success, actual.Groups[g].Success);
            Assert.Equal(expected.Groups[g].Value, actual.Groups[g].Value);
        }
    }
}
