namespace CallKitDoctor.Reports.Terminal;

/// <summary>
/// Wraps text at spaces to a width (long words are cut), so wrapped lines can keep their indentation: the lines are
/// slices of the text, found one by one without copying. Existing line breaks are kept; give text without
/// carriage returns (<see cref="WithoutCarriageReturns"/>).
/// </summary>
internal ref struct WordWrap
{
    private readonly int _width;
    private ReadOnlySpan<char> _remaining;
    private ReadOnlySpan<char> _rest;
    private int _limit;
    private bool _inParagraph;
    private bool _done;

    /// <param name="text">The text, without carriage returns.</param>
    /// <param name="width">The width of the lines.</param>
    /// <param name="firstLineWidth">The width of the first line (a label may precede it).</param>
    public WordWrap(ReadOnlySpan<char> text, int width, int firstLineWidth)
    {
        _width = Math.Max(width, 10);
        _limit = Math.Max(firstLineWidth, 10);
        _remaining = text;
    }

    /// <summary>The current line.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>The text with every carriage return taken out (the text itself when it has none).</summary>
    public static string WithoutCarriageReturns(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r", "", StringComparison.Ordinal) : text;

    public readonly WordWrap GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!_inParagraph)
        {
            if (_done)
            {
                return false;
            }

            var end = _remaining.IndexOf('\n');
            ReadOnlySpan<char> paragraph;
            if (end < 0)
            {
                paragraph = _remaining;
                _done = true;
            }
            else
            {
                paragraph = _remaining[..end];
                _remaining = _remaining[(end + 1)..];
            }

            _rest = paragraph.TrimEnd();
            if (_rest.IsEmpty)
            {
                Current = default;
                _limit = _width;
                return true;
            }

            _inParagraph = true;
        }

        if (_rest.Length > _limit)
        {
            var cut = _rest[..(_limit + 1)].LastIndexOf(' ');
            if (cut <= 0)
            {
                cut = _limit;
                if (char.IsHighSurrogate(_rest[cut - 1]))
                {
                    cut--;
                }
            }

            Current = _rest[..cut].TrimEnd();
            _rest = _rest[cut..].TrimStart();
            _limit = _width;
            return true;
        }

        Current = _rest;
        _inParagraph = false;
        _limit = _width;
        return true;
    }
}
