namespace CallKitDoctor.Logging.Text;

/// <summary>What a layout makes of one text line.</summary>
internal enum LineKind
{
    /// <summary>The line starts a new entry (its fields are filled).</summary>
    Entry,

    /// <summary>A line of the layout that is not an entry (a column header, a footer summary, a preamble).</summary>
    Ignored,

    /// <summary>The layout does not recognise the line: a continuation of the entry before, or an unparsed line.</summary>
    Unmatched,
}
