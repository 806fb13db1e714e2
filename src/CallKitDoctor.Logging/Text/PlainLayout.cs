using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>Plain text: every non-blank line is a message of its own, without metadata.</summary>
internal sealed class PlainLayout : LineLayout
{
    public override LogInputFormat Format => LogInputFormat.Plain;

    public override bool UnmatchedLinesAreEntries => true;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields) => LineKind.Unmatched;

    public override bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previousLine) => false;
}
