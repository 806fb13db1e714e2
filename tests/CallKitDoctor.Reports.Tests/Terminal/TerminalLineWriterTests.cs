using CallKitDoctor.Reports.Terminal;
using CallKitDoctor.Reports.Tests.Terminal.Reference;
using Spectre.Console;

namespace CallKitDoctor.Reports.Tests.Terminal;

/// <summary>What the direct line writer writes: plain text, SGR runs that are balanced and reset, Spectre's merging of equal styles, and Spectre only for the lines that need it.</summary>
public class TerminalLineWriterTests
{
    private static (string Text, int SpectreLines) Write(bool color, int width, Action<TerminalLineWriter> lines)
    {
        using var output = new StringWriter();
        var writer = new TerminalLineWriter(output, color, width, o => Console(o, color, width));
        lines(writer);
        return (output.ToString(), writer.SpectreLines);
    }

    private static IAnsiConsole Console(TextWriter output, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = width;
        return console;
    }

    private static string Spectre(bool color, int width, params (string Text, Style Style)[] parts)
    {
        using var output = new StringWriter();
        var console = Console(output, color, width);
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(text, style);
        }

        console.Write(paragraph);
        console.WriteLine();
        return output.ToString();
    }

    [Fact]
    public void PlainTextHasNoEscapesAndEndsTheLine()
    {
        var (text, spectre) = Write(false, 80, w => w.Part("Call 1", TerminalStyle.Heading).Part("  ", TerminalStyle.Plain).Part("UNKNOWN", TerminalStyle.Bold).EndLine());
        Assert.Equal("Call 1  UNKNOWN" + Environment.NewLine, text);
        Assert.Equal(0, spectre);
    }

    [Fact]
    public void EqualAdjacentStylesMakeOneRunAndEveryRunIsReset()
    {
        var (text, _) = Write(true, 80, w => w.Part("a ", TerminalStyle.Grey).Part("b", TerminalStyle.Grey).Part(" c", TerminalStyle.Plain).Part("d", TerminalStyle.BadBold).EndLine());
        Assert.Equal("\u001b[90ma b\u001b[0m c\u001b[1;91md\u001b[0m" + Environment.NewLine, text);
        Assert.Equal(text, Spectre(true, 80, ("a ", new Style(Color.Grey)), ("b", new Style(Color.Grey)), (" c", Style.Plain), ("d", new Style(Color.Red, decoration: Decoration.Bold))));
    }

    [Fact]
    public void AnEmptyPartSplitsARunAsSpectreDid()
    {
        var (text, _) = Write(true, 80, w => w.Part("ab", TerminalStyle.Grey).Part("", TerminalStyle.Grey).Part("cd", TerminalStyle.Grey).EndLine());
        Assert.Equal(Spectre(true, 80, ("ab", new Style(Color.Grey)), ("", new Style(Color.Grey)), ("cd", new Style(Color.Grey))), text);
        Assert.Equal(2, text.Split("\u001b[0m").Length - 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryStyleOpensAsSpectreDid(bool color)
    {
        foreach (var style in Enum.GetValues<TerminalStyle>())
        {
            var (text, _) = Write(color, 80, w => w.Part("x y", style).EndLine());
            Assert.Equal(Spectre(color, 80, ("x y", TerminalStyles.ToSpectre(style))), text);
            Assert.Equal(text.Count(c => c == '\u001b'), style == TerminalStyle.Plain || !color ? 0 : 2);
        }
    }

    [Fact]
    public void TheRuleSpansTheWidth()
    {
        var (text, _) = Write(false, 73, w => w.Rule());
        Assert.Equal(new string('─', 73) + Environment.NewLine, text);
        Assert.Equal("\u001b[90m" + new string('─', 73) + "\u001b[0m" + Environment.NewLine, Write(true, 73, w => w.Rule()).Text);
    }

    [Fact]
    public void OnlyWideOrOverlongLinesGoThroughSpectre()
    {
        var fits = new string('x', 60);
        Assert.Equal(0, Write(true, 60, w => w.Part(fits, TerminalStyle.Grey).EndLine()).SpectreLines);
        Assert.Equal(0, Write(true, 60, w => w.Part("par défaut — ‘quoted’ …", TerminalStyle.Grey).EndLine()).SpectreLines);

        var (wrapped, spectre) = Write(true, 60, w => w.Part(fits + " y", TerminalStyle.Grey).EndLine());
        Assert.Equal(1, spectre);
        Assert.Equal(Spectre(true, 60, (fits + " y", new Style(Color.Grey))), wrapped);
        Assert.All(wrapped.Split(Environment.NewLine), l => Assert.True(l.Replace("\u001b[90m", "").Replace("\u001b[0m", "").Length <= 60));

        Assert.Equal(1, Write(false, 60, w => w.Part("漢字", TerminalStyle.Plain).EndLine()).SpectreLines);
        Assert.Equal(1, Write(false, 60, w => w.Part("a\tb", TerminalStyle.Plain).EndLine()).SpectreLines);
    }

    [Fact]
    public void NarrowCharactersAreOneCellForSpectreToo()
    {
        for (var c = ' '; c <= '\u2fff'; c++)
        {
            if (TerminalLineWriter.AllNarrow([c]))
            {
                Assert.True(c.ToString().GetCellWidth() == 1, $"U+{(int)c:X4}");
                Assert.True(c == ' ' || !char.IsWhiteSpace(c), $"U+{(int)c:X4}");
            }
        }
    }

    [Fact]
    public void LoneSurrogatesAreRepairedPerPart()
    {
        var (text, _) = Write(false, 80, w => w.Part("a\uD800", TerminalStyle.Plain).Part("\uDC00b", TerminalStyle.Grey).EndLine());
        Assert.Equal("a\uFFFD\uFFFDb" + Environment.NewLine, text);
    }

    [Fact]
    public void TheReferenceRendererIsStillTheSpectreOne()
    {
        // The golden tests compare against a renderer that really goes through Spectre paragraphs.
        using var output = new StringWriter();
        new SpectreTerminalReportRenderer(new Reports.Rendering.RenderOptions { Color = true, Width = 60 }).Render(Fixtures.SampleReports.Production(), output);
        Assert.Contains("\u001b[1;97mCall 1", output.ToString(), StringComparison.Ordinal);
    }
}
