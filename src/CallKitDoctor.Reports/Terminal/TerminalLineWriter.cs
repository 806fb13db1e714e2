using System.Buffers;
using CallKitDoctor.Reports.Formatting;
using Spectre.Console;

namespace CallKitDoctor.Reports.Terminal;

/// <summary>
/// Writes the terminal report's lines: a line is built from parts (each in one <see cref="TerminalStyle"/>) in a
/// reused buffer, then written as plain text, or with ANSI SGR runs when colours are on. The text is the one a
/// Spectre.Console <see cref="Paragraph"/> per line wrote before: equal adjacent styles make one run, and a line is
/// wrapped where it is wider than the report. Lines that need the wrapping, or hold characters whose terminal width
/// is not one cell, still go through a Spectre paragraph (they are rare: the report wraps its long text itself).
/// </summary>
internal sealed class TerminalLineWriter
{
    private const char RuleChar = '─';

    private readonly TextWriter _output;
    private readonly bool _color;
    private readonly int _width;
    private readonly Func<TextWriter, IAnsiConsole> _createConsole;
    private readonly string _rule;
    private char[] _text = new char[256];
    private int _length;
    private PartStart[] _parts = new PartStart[8];
    private int _partCount;
    private IAnsiConsole? _console;

    /// <param name="output">Where the lines go.</param>
    /// <param name="color">Whether runs get SGR sequences.</param>
    /// <param name="width">The report's width in cells.</param>
    /// <param name="createConsole">Creates the Spectre.Console console a rare line is written through.</param>
    public TerminalLineWriter(TextWriter output, bool color, int width, Func<TextWriter, IAnsiConsole> createConsole)
    {
        _output = output;
        _color = color;
        _width = width;
        _createConsole = createConsole;
        var rule = new string(RuleChar, width);
        _rule = (color ? TerminalStyles.Opening(TerminalStyles.Dim) + rule + TerminalStyles.Reset : rule) + Environment.NewLine;
    }

    /// <summary>How many lines went through a Spectre paragraph (for tests and measurements).</summary>
    public int SpectreLines { get; private set; }

    /// <summary>An empty line.</summary>
    public void BlankLine() => _output.Write(Environment.NewLine);

    /// <summary>A horizontal rule across the report's width, in the dim style.</summary>
    public void Rule() => _output.Write(_rule);

    /// <summary>Starts a part of the current line in <paramref name="style"/>; the text appended next belongs to it.</summary>
    public TerminalLineWriter Part(TerminalStyle style)
    {
        if (_partCount == _parts.Length)
        {
            Array.Resize(ref _parts, _parts.Length * 2);
        }

        _parts[_partCount++] = new PartStart(_length, style);
        return this;
    }

    /// <summary>Starts a part holding <paramref name="text"/>.</summary>
    public TerminalLineWriter Part(ReadOnlySpan<char> text, TerminalStyle style) => Part(style).Append(text);

    /// <summary>Appends text to the current part.</summary>
    public TerminalLineWriter Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        _length += text.Length;
        return this;
    }

    /// <summary>Appends <paramref name="count"/> spaces to the current part.</summary>
    public TerminalLineWriter Spaces(int count)
    {
        if (count > 0)
        {
            Reserve(count)[..count].Fill(' ');
            _length += count;
        }

        return this;
    }

    /// <summary>Appends text padded with spaces to <paramref name="width"/> characters (as <see cref="string.PadRight(int)"/>).</summary>
    public TerminalLineWriter Padded(ReadOnlySpan<char> text, int width) => Append(text).Spaces(width - text.Length);

    /// <summary>Appends a value formatted into the buffer (invariant culture).</summary>
    public TerminalLineWriter Formatted<T>(T value, ReadOnlySpan<char> format = default)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(Reserve(64), out written, format, System.Globalization.CultureInfo.InvariantCulture))
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        _length += written;
        return this;
    }

    /// <summary>Space at the end of the buffer for at least <paramref name="count"/> more characters.</summary>
    public Span<char> Reserve(int count)
    {
        if (_text.Length - _length < count)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + count));
        }

        return _text.AsSpan(_length);
    }

    /// <summary>Counts characters written into <see cref="Reserve"/>'s span as appended.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>Writes the current line and its line end, and starts a new one.</summary>
    public void EndLine()
    {
        try
        {
            for (var i = 0; i < _partCount; i++)
            {
                Utf16Text.SanitizeInPlace(_text.AsSpan(_parts[i].Start, PartLength(i)));
            }

            if (_length <= _width && AllNarrow(_text.AsSpan(0, _length)))
            {
                WriteRuns();
            }
            else
            {
                WriteThroughSpectre();
            }
        }
        finally
        {
            _length = 0;
            _partCount = 0;
        }
    }

    private int PartLength(int index) =>
        (index + 1 < _partCount ? _parts[index + 1].Start : _length) - _parts[index].Start;

    private void WriteRuns()
    {
        if (!_color)
        {
            _output.Write(_text, 0, _length);
            _output.Write(Environment.NewLine);
            return;
        }

        // Spectre gave an empty part a plain empty segment, which ends a run of equal styles around it.
        var i = 0;
        while (i < _partCount)
        {
            var style = StyleOf(i);
            var start = _parts[i].Start;
            var j = i + 1;
            while (j < _partCount && StyleOf(j) == style)
            {
                j++;
            }

            var end = j < _partCount ? _parts[j].Start : _length;
            if (end > start)
            {
                if (style == TerminalStyle.Plain)
                {
                    _output.Write(_text, start, end - start);
                }
                else
                {
                    _output.Write(TerminalStyles.Opening(style));
                    _output.Write(_text, start, end - start);
                    _output.Write(TerminalStyles.Reset);
                }
            }

            i = j;
        }

        _output.Write(Environment.NewLine);
    }

    private TerminalStyle StyleOf(int part) => PartLength(part) == 0 ? TerminalStyle.Plain : _parts[part].Style;

    private void WriteThroughSpectre()
    {
        _console ??= _createConsole(_output);
        var paragraph = new Paragraph();
        for (var i = 0; i < _partCount; i++)
        {
            paragraph.Append(new string(_text, _parts[i].Start, PartLength(i)), TerminalStyles.ToSpectre(_parts[i].Style));
        }

        _console.Write(paragraph);
        _console.WriteLine();
        SpectreLines++;
    }

    private static readonly SearchValues<char> NarrowSymbols = SearchValues.Create("─—–‐‑‒―‘’‚‛“”„‟†‡•‣․‥…‧·→←✖▲●");

    /// <summary>
    /// Whether every character takes exactly one terminal cell and is not white space other than the space: printable
    /// ASCII, the printable Latin-1 letters and signs, and the punctuation and symbols the report itself uses.
    /// </summary>
    internal static bool AllNarrow(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyExceptInRange(' ', '~');
        while (at >= 0)
        {
            var c = text[at];
            if (!((c >= '\u00a1' && c <= '\u00ff' && c != '\u00ad') || NarrowSymbols.Contains(c)))
            {
                return false;
            }

            text = text[(at + 1)..];
            at = text.IndexOfAnyExceptInRange(' ', '~');
        }

        return true;
    }

    private readonly record struct PartStart(int Start, TerminalStyle Style);
}
