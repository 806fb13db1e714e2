using System.Text;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Streaming;

/// <summary>
/// A streamed JSON report written to a UTF-8 <see cref="StreamWriter"/> (the CLI's output) copies the spilled bytes
/// as they are: the bytes are the ones a whole rendering encodes, with and without a byte-order mark.
/// </summary>
public class JsonStreamBytesTests
{
    public static TheoryData<int, bool> Cases() => new() { { -1, false }, { -2, true }, { 3, false }, { 11, true }, { 40, false } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamedBytesEqualRenderedBytes(int seed, bool bom)
    {
        var report = seed switch
        {
            -1 => SampleReports.Production(),
            -2 => SampleReports.Hostile(),
            _ => RandomReports.Build(seed),
        };
        var renderer = ReportRenderers.Create(ReportFormat.Json, new RenderOptions { Tool = new ToolInfo("callkit-doctor", "1.0.0") });
        var encoding = new UTF8Encoding(bom);
        var expected = Bytes(encoding, w => renderer.Render(report, w));
        var actual = Bytes(encoding, w =>
        {
            using var stream = renderer.OpenStream();
            var streamed = new CallTally();
            foreach (var call in report.Calls)
            {
                streamed.Add(call);
                stream.Accept(call);
            }

            var rest = new DiagnosisReport { Input = report.Input, Context = report.Context, Coverage = report.Coverage, RecognisedEvents = report.RecognisedEvents, StreamedCalls = streamed };
            rest.Findings.AddRange(report.Findings);
            stream.Complete(rest, w);
        });
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
        Assert.Contains("\"calls\"", encoding.GetString(actual), StringComparison.Ordinal);
    }

    private static byte[] Bytes(Encoding encoding, Action<StreamWriter> write)
    {
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, encoding, 256, leaveOpen: true))
        {
            write(writer);
        }

        return bytes.ToArray();
    }
}
