using System.Runtime.CompilerServices;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Reads a line-oriented text capture with one <see cref="LineLayout"/>: joins continuation lines to their entry,
/// yields unparsed lines as bare entries (counted in <see cref="LogReadSummary.UnparsedLines"/>), and records
/// cut lines as issues. Streaming: only the entry being built is held. Entries a screen turns down are yielded screened
/// out, without their raw text and message strings.
/// </summary>
internal sealed class TextLogSource(string name, LogInputFormat format, Func<PreparedInput> open)
    : PreparedInputSource(name, format, open)
{
    private readonly LogInputFormat _format = format;

    protected override IEnumerable<LogEntry> Parse(PreparedInput input, LogReadSummary summary, IEntryScreen? screen, CancellationToken cancellationToken)
    {
        foreach (var item in ParseItems(input, summary, screen, skip: false, cancellationToken))
        {
            yield return item.Entry!;
        }
    }

    protected override IEnumerable<ReadItem> ParseItems(PreparedInput input, LogReadSummary summary, IEntryScreen? screen, bool skip,
        CancellationToken cancellationToken)
    {
        var layout = LineLayout.For(_format, Context);
        var builder = new TextEntryBuilder(new StringPool());
        using var lines = new TextLineReader(input.Stream);
        while (lines.ReadLine())
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Lines = lines.LineNumber;
            if (lines.LineWasCut)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Name,
                    $"line longer than {TextLineReader.MaxLineBytes} bytes was cut", lines.LineNumber, lines.LineByteOffset));
            }

            var step = Step(layout, builder, screen, skip, lines.Line, lines.LineNumber, out var unparsed);
            if (step is { } completed)
            {
                yield return completed;
            }

            if (unparsed is { } bare)
            {
                yield return bare;
            }
        }

        if (builder.HasEntry)
        {
            yield return Finish(builder, screen, skip);
        }

        summary.Bytes = lines.BytesRead;
        if (lines.ReadError is { } error)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Error, Name, $"reading stopped: {error}", lines.LineNumber, lines.BytesRead));
        }
    }

    /// <summary>Processes one line; returns the entry it completed (if any) and an unparsed bare entry (if any).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadItem? Step(LineLayout layout, TextEntryBuilder builder, IEntryScreen? screen, bool skip, ReadOnlySpan<char> line, long lineNumber,
        out ReadItem? unparsed)
    {
        unparsed = null;
        if (line.IsWhiteSpace())
        {
            return builder.HasEntry ? Finish(builder, screen, skip) : null;
        }

        LineFields fields = default;
        var kind = layout.Classify(line, ref fields);
        if (kind == LineKind.Entry)
        {
            ReadItem? done = builder.HasEntry ? Finish(builder, screen, skip) : null;
            builder.Start(line, lineNumber, ref fields);
            return done;
        }

        if (kind == LineKind.Ignored)
        {
            return builder.HasEntry ? Finish(builder, screen, skip) : null;
        }

        var banner = BannerLine.Is(line);
        if (!banner && builder.HasEntry && layout.Continues(line, builder.PreviousLine))
        {
            builder.AppendLine(line, lineNumber);
            return null;
        }

        ReadItem? completed = builder.HasEntry ? Finish(builder, screen, skip) : null;
        if (!banner && layout.UnmatchedLinesAreEntries)
        {
            builder.StartBare(line, lineNumber);
            return completed;
        }

        Summary.AddUnparsedLine(lineNumber);
        builder.StartBare(line, lineNumber);
        unparsed = builder.Build(Name, screen, skip);
        return completed;
    }

    private ReadItem Finish(TextEntryBuilder builder, IEntryScreen? screen, bool skip)
    {
        if (builder.WasCut)
        {
            Summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, Name,
                $"entry longer than {TextEntryBuilder.MaxEntryChars} characters was cut", builder.FirstLine));
        }

        return builder.Build(Name, screen, skip);
    }
}
