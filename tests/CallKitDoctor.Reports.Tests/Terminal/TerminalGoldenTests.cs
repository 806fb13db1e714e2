using System.Text;
using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Reading;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Terminal;
using CallKitDoctor.Reports.Tests.Fixtures;
using CallKitDoctor.Reports.Tests.Terminal.Reference;
using CallKitDoctor.Testing;

namespace CallKitDoctor.Reports.Tests.Terminal;

/// <summary>
/// The direct terminal writer against the session 8 renderer (a Spectre.Console paragraph per line, kept in the tests
/// as <see cref="SpectreTerminalReportRenderer"/>): the same bytes for hand-built, random, shared and sample reports,
/// with colours on and off, at every width the CLI can ask for, through every kind of writer, whole and streamed.
/// </summary>
public class TerminalGoldenTests
{
    private static readonly int[] Widths = [20, 60, 61, 79, 80, 100, 120, 157, 250];

    private static IEnumerable<RenderOptions> OptionSets(int seed)
    {
        var random = new Random(seed);
        foreach (var color in new[] { false, true })
        {
            foreach (var width in Widths)
            {
                yield return new RenderOptions
                {
                    Color = color,
                    Width = width,
                    Tool = new ToolInfo("callkit-doctor", "1.2.3"),
                    // The session 8 renderer threw below one timeline line or a 40-character excerpt: nothing to compare there.
                    MaxTimelineEvents = random.Next(4) == 0 ? random.Next(1, 5) : 60,
                    MaxExcerptLength = random.Next(4) == 0 ? random.Next(40, 60) : 140,
                };
            }
        }
    }

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 120));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomReportsRenderAsTheSpectreRendererDid(int seed)
    {
        var report = RandomReports.Build(seed);
        foreach (var options in OptionSets(seed))
        {
            AssertSameOutput(report, options);
        }
    }

    [Fact]
    public void HandBuiltReportsRenderAsTheSpectreRendererDid()
    {
        foreach (var report in new[] { SampleReports.Production(), SampleReports.Hostile(), SampleReports.Empty() })
        {
            foreach (var options in OptionSets(7))
            {
                AssertSameOutput(report, options);
            }
        }
    }

    [Fact]
    public void TheDefaultOptionsRenderAsTheSpectreRendererDid()
    {
        var report = SampleReports.Production();
        Assert.Equal(Render(new SpectreTerminalReportRenderer(), report, Writer.String), Render(new TerminalReportRenderer(), report, Writer.String));
    }

    public static TheoryData<string> SharedLogs() =>
        new(SharedData.IsAvailable
            ? Directory.GetFiles(SharedData.PathOf("callkit", "cases")!, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : ["(shared data missing)"]);

    [SkippableTheory]
    [MemberData(nameof(SharedLogs))]
    public void SharedCasesRenderAsTheSpectreRendererDid(string name)
    {
        Skip.IfNot(SharedData.IsAvailable, SharedData.MissingReason);
        var report = Diagnose(LogSources.Open(SharedData.PathOf("callkit", "cases", name)!));
        foreach (var options in OptionSets(name.Length))
        {
            AssertSameOutput(report, options);
        }
    }

    [Fact]
    public void SamplesAndARepeatedSampleRenderAsTheSpectreRendererDid()
    {
        var production = RepositoryRoot.PathOf("samples", "seed-production-failure.log");
        var lab = RepositoryRoot.PathOf("samples", "seed-lab-workaround.ndjson");
        var repeated = string.Concat(Enumerable.Repeat(File.ReadAllText(production), 25));
        foreach (var report in new[]
        {
            Diagnose(LogSources.Open(production)),
            Diagnose(LogSources.Open(lab)),
            Diagnose(LogSources.FromText(repeated, "seed-x25.log")),
        })
        {
            foreach (var options in OptionSets(report.CallCount))
            {
                AssertSameOutput(report, options);
            }
        }
    }

    private static DiagnosisReport Diagnose(ILogEntrySource source) => CallDiagnoser.CreateDefault().Diagnose(source);

    private enum Writer
    {
        String,
        Utf8Stream,
        AsciiStream,
    }

    private static void AssertSameOutput(DiagnosisReport report, RenderOptions options)
    {
        var reference = new SpectreTerminalReportRenderer(options);
        var direct = new TerminalReportRenderer(options);
        foreach (var writer in Enum.GetValues<Writer>())
        {
            var expected = Render(reference, report, writer);
            var actual = Render(direct, report, writer);
            if (expected != actual)
            {
                Assert.Fail($"{writer} color={options.Color} width={options.Width} timeline={options.MaxTimelineEvents} excerpt={options.MaxExcerptLength}: first difference at {FirstDifference(expected, actual)}\n--- expected\n{Around(expected, actual)}");
            }
        }

        Assert.Equal(Stream(reference, report, report.Calls.Count / 2), Stream(direct, report, report.Calls.Count / 2));
    }

    private static string Render(IReportRenderer renderer, DiagnosisReport report, Writer kind)
    {
        if (kind == Writer.String)
        {
            using var text = new StringWriter();
            renderer.Render(report, text);
            return text.ToString();
        }

        var encoding = kind == Writer.Utf8Stream ? new UTF8Encoding(false) : (Encoding)Encoding.ASCII;
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, encoding, 1024, leaveOpen: true))
        {
            renderer.Render(report, writer);
        }

        return Convert.ToHexString(bytes.ToArray());
    }

    private static string Stream(IReportRenderer renderer, DiagnosisReport report, int spilled)
    {
        var calls = report.Calls.ToList();
        using var stream = renderer.OpenStream();
        foreach (var call in calls.Take(spilled))
        {
            stream.Accept(call);
        }

        report.Calls.Clear();
        report.Calls.AddRange(calls.Skip(spilled));
        try
        {
            using var writer = new StringWriter();
            stream.Complete(report, writer);
            return writer.ToString();
        }
        finally
        {
            report.Calls.Clear();
            report.Calls.AddRange(calls);
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private static string Around(string expected, string actual)
    {
        var at = FirstDifference(expected, actual);
        static string Cut(string s, int at) => s.Substring(Math.Max(0, at - 200), Math.Min(s.Length, at + 200) - Math.Max(0, at - 200)).Replace("\u001b", "\\e", StringComparison.Ordinal);
        return Cut(expected, at) + "\n--- actual\n" + Cut(actual, at);
    }
}
