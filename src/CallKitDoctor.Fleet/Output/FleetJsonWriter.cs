using System.Text;
using System.Text.Json;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Comparisons;
using CallKitDoctor.Fleet.Statistics;

namespace CallKitDoctor.Fleet.Output;

/// <summary>
/// Writes a <see cref="FleetResult"/> as JSON (schema in docs/fleet-telemetry.md): <c>source</c>, <c>groups[]</c>
/// (<c>key</c>, <c>calls</c>, <c>failures</c>, <c>rate</c>, <c>ciLow</c>, <c>ciHigh</c>), <c>daily[]</c> and
/// <c>comparisons[]</c> and <c>findings[]</c> (<c>id</c>, <c>key</c>, <c>calls</c>, <c>withFinding</c>, <c>share</c>,
/// <c>ciLow</c>, <c>ciHigh</c>). Undefined numbers (a rate of no calls) are written as null.
/// </summary>
public static class FleetJsonWriter
{
    public static void Write(FleetResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteSource(json, result);
            json.WriteNumber("confidence", result.Request.Confidence);
            json.WriteStartArray("groupBy");
            foreach (var column in result.GroupBy)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteStartArray("groups");
            foreach (var group in result.Groups)
            {
                json.WriteStartObject();
                WriteKey(json, "key", group.Key);
                WriteRate(json, group.Counts, group.Interval);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("daily");
            foreach (var day in result.Daily)
            {
                json.WriteStartObject();
                json.WriteString("date", day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                WriteRate(json, day.Counts, day.Interval);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("comparisons");
            foreach (var comparison in result.Comparisons)
            {
                WriteComparison(json, comparison);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.FindingId);
                WriteKey(json, "key", finding.Key);
                json.WriteNumber("calls", finding.Counts.Trials);
                json.WriteNumber("withFinding", finding.Counts.Events);
                Number(json, "share", finding.Share);
                Number(json, "ciLow", finding.Interval.Low);
                Number(json, "ciHigh", finding.Interval.High);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.WriteLine();
    }

    private static void WriteSource(Utf8JsonWriter json, FleetResult result)
    {
        var load = result.Load;
        json.WriteStartObject("source");
        json.WriteString("path", load.Path);
        json.WriteString("format", FleetFormatNames.Of(load.Format));
        json.WriteNumber("rowsRead", load.RowsRead);
        json.WriteNumber("rowsUsed", load.RowsUsed);
        json.WriteNumber("badRows", load.BadRowCount);
        json.WriteStartArray("badRowSamples");
        foreach (var bad in load.BadRows)
        {
            json.WriteStartObject();
            if (bad.Source is { } source)
            {
                json.WriteString("file", source);
            }

            if (bad.Line > 0)
            {
                json.WriteNumber("line", bad.Line);
            }
            else
            {
                json.WriteNull("line");
            }
            if (bad.ByteOffset is { } offset)
            {
                json.WriteNumber("byteOffset", offset);
            }

            json.WriteString("reason", bad.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in load.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter json, Comparison comparison)
    {
        json.WriteStartObject();
        json.WriteString("kind", FleetFormatNames.Of(comparison.Kind));
        WriteKey(json, "baseline", comparison.Baseline);
        WriteKey(json, "candidate", comparison.Candidate);
        json.WriteNumber("baselineCalls", comparison.BaselineCounts.Trials);
        json.WriteNumber("baselineFailures", comparison.BaselineCounts.Events);
        Number(json, "baselineRate", comparison.BaselineCounts.Rate);
        json.WriteNumber("candidateCalls", comparison.CandidateCounts.Trials);
        json.WriteNumber("candidateFailures", comparison.CandidateCounts.Events);
        Number(json, "candidateRate", comparison.CandidateCounts.Rate);
        Number(json, "rateRatio", comparison.Ratio.Ratio);
        Number(json, "rateRatioLow", comparison.Ratio.Interval.Low);
        Number(json, "rateRatioHigh", comparison.Ratio.Interval.High);
        Number(json, "z", comparison.Test.Z);
        Number(json, "pValue", comparison.Test.PValue);
        json.WriteBoolean("significant", comparison.Significant);
        json.WriteBoolean("increase", comparison.Increase);
        json.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter json, string name, GroupKey key)
    {
        json.WriteStartObject(name);
        for (var i = 0; i < key.Columns.Count; i++)
        {
            if (key.Values[i] is { } value)
            {
                json.WriteString(key.Columns[i], value);
            }
            else
            {
                json.WriteNull(key.Columns[i]);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter json, Proportion counts, Interval interval)
    {
        json.WriteNumber("calls", counts.Trials);
        json.WriteNumber("failures", counts.Events);
        Number(json, "rate", counts.Rate);
        Number(json, "ciLow", interval.Low);
        Number(json, "ciHigh", interval.High);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
