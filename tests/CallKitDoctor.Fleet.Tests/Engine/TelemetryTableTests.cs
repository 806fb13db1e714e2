using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Fleet.Telemetry;
using CallKitDoctor.Fleet.Tests.Fixtures;

namespace CallKitDoctor.Fleet.Tests.Engine;

public sealed class TelemetryTableTests : IDisposable
{
    private const string Csv = """
        call_id,started_at,direction,os_version,did_activate,activation_ms,carrier
        a,2025-03-01T10:00:00Z,incoming,18.4,true,120,x
        b,2025-03-01T11:00:00Z,incoming,18.4,maybe,,x
        c,2025-03-01T12:00:00Z,outgoing,18.4.1,false,,y
        d,2025-03-02T10:00:00Z,incoming,18.4.1,false
        e,2025-03-02T10:00:00Z,incoming,18.4.1,,,y
        f,2025-03-02T11:00:00Z,incoming,18.4.1,false,abc,y
        g,2025-03-02T12:00:00+02:00,incoming,18.4.1,true,80,y,extra
        h,2025-03-02T13:00:00Z,incoming,18.5,0,,z
        i,2025-03-02T14:00:00Z,outgoing,18.5,1,95,z

        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public void Csv_counts_every_bad_row_with_its_line()
    {
        using var table = TelemetryTable.Open(TelemetryFile.Detect(_folder.Write("calls.csv", Csv)), ColumnMapping.Identity);
        var summary = table.Summary;
        Assert.Equal(9, summary.RowsRead);
        Assert.Equal(4, summary.RowsUsed);
        Assert.Equal(5, summary.BadRowCount);
        Assert.Equal([3L, 5, 6, 7, 8], summary.BadRows.Select(r => r.Line));
        Assert.Contains("did_activate", summary.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("maybe", summary.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("did_activate is empty", summary.BadRows[2].Reason, StringComparison.Ordinal);
        Assert.Contains("activation_ms", summary.BadRows[3].Reason, StringComparison.Ordinal);
        Assert.All(summary.BadRows, r => Assert.NotNull(r.ByteOffset));
        Assert.Contains("carrier", summary.Columns);
    }

    [Fact]
    public void Csv_groups_count_calls_and_failures()
    {
        using var table = TelemetryTable.Open(TelemetryFile.Detect(_folder.Write("calls.csv", Csv)), ColumnMapping.Identity);
        var groups = table.CountBy([table.Column("os_version")]).ToDictionary(g => g.Key.Values[0]!, g => g.Counts);
        Assert.Equal((0L, 1L), (groups["18.4"].Events, groups["18.4"].Trials));
        Assert.Equal((1L, 1L), (groups["18.4.1"].Events, groups["18.4.1"].Trials));
        Assert.Equal((1L, 2L), (groups["18.5"].Events, groups["18.5"].Trials));
        var all = Assert.Single(table.CountBy([]));
        Assert.Equal(4, all.Counts.Trials);
        var days = table.CountByDay();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)], days.Select(d => d.Date));
        Assert.Equal([2L, 2], days.Select(d => d.Counts.Trials));
        Assert.Equal([1L, 1], days.Select(d => d.Counts.Events));
    }

    [Fact]
    public void Json_lines_report_malformed_lines_by_number()
    {
        var jsonl = string.Join('\n',
            """{"call_id":"a","os_version":"18.4","did_activate":true,"started_at":"2025-03-01T10:00:00Z"}""",
            """{"call_id":"b","os_version":18.5,"did_activate":false}""",
            "not json at all",
            "",
            """{"call_id":"c","os_version":"18.5"}""",
            """["an","array"]""",
            """{"call_id":"d","os_version":"18.5","did_activate":"false","started_at":"yesterday"}""",
            """{"call_id":"e","os_version":"18.5","did_activate":"no","device":"iPhone16,2"}""") + "\n";
        using var table = TelemetryTable.Open(TelemetryFile.Detect(_folder.Write("calls.jsonl", jsonl)), ColumnMapping.Identity);
        var summary = table.Summary;
        Assert.Equal(7, summary.RowsRead);
        Assert.Equal(3, summary.RowsUsed);
        Assert.Equal([3L, 5, 6, 7], summary.BadRows.Select(r => r.Line));
        Assert.Equal("not a JSON object", summary.BadRows[0].Reason);
        Assert.Equal("did_activate is missing", summary.BadRows[1].Reason);
        Assert.Contains("yesterday", summary.BadRows[3].Reason, StringComparison.Ordinal);
        Assert.Contains("device", summary.Columns);
        var groups = table.CountBy([table.Column("os_version")]).ToDictionary(g => g.Key.Values[0]!, g => g.Counts);
        Assert.Equal(2, groups["18.5"].Events);
    }

    [Fact]
    public void Parquet_is_checked_in_place_with_row_numbers()
    {
        var csv = _folder.Write("source.csv", "os_version,activated,started_at\n18.4,true,2025-03-01 10:00:00\n18.4,perhaps,2025-03-01 11:00:00\n18.5,false,2025-03-02 10:00:00\n18.5,,2025-03-02 11:00:00\n");
        var parquet = Path.Combine(_folder.Path, "calls.parquet");
        TempFolder.RunSql($"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)");
        var mapping = ColumnMapping.Parse(["did_activate=activated"], out _)!;
        using var table = TelemetryTable.Open(TelemetryFile.Detect(parquet), mapping);
        Assert.Equal(4, table.Summary.RowsRead);
        Assert.Equal(2, table.Summary.RowsUsed);
        Assert.Equal([2L, 4], table.Summary.BadRows.Select(r => r.Line));
        Assert.Contains("did_activate (activated)", table.Summary.BadRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("did_activate", table.Columns);
        Assert.DoesNotContain("activated", table.Columns);
        Assert.Equal(2, table.CountByDay().Count);
    }

    [Fact]
    public void Typed_parquet_columns_skip_the_cast_but_a_missing_outcome_is_still_a_bad_row()
    {
        var parquet = Path.Combine(_folder.Path, "typed.parquet");
        TempFolder.RunSql("COPY (SELECT * FROM (VALUES ('18.4', TRUE, TIMESTAMPTZ '2025-03-01 10:00:00+00', 12.5), ('18.4', NULL, TIMESTAMPTZ '2025-03-01 11:00:00+00', NULL), "
            + "('18.5', FALSE, NULL, 3::DOUBLE)) t(os_version, did_activate, started_at, activation_ms)) "
            + $"TO '{parquet}' (FORMAT parquet)");
        using var table = TelemetryTable.Open(TelemetryFile.Detect(parquet), ColumnMapping.Identity);
        Assert.Equal((3L, 2L), (table.Summary.RowsRead, table.Summary.RowsUsed));
        var bad = Assert.Single(table.Summary.BadRows);
        Assert.Equal(2, bad.Line);
        Assert.Contains("did_activate is missing", bad.Reason, StringComparison.Ordinal);
        Assert.Single(table.CountByDay());
    }

    [Fact]
    public void Counting_by_a_column_not_announced_before_the_scan_still_counts_it()
    {
        using var table = TelemetryTable.Open(TelemetryFile.Detect(_folder.Write("calls.csv", Csv)), ColumnMapping.Identity);
        table.Keep([table.Column("os_version")]);
        var byVersion = table.CountBy([table.Column("os_version")]);
        var byDirection = table.CountBy([table.Column("direction")]).ToDictionary(g => g.Key.Values[0]!, g => g.Counts.Trials);
        var both = table.CountBy([table.Column("os_version"), table.Period("period", new DateOnly(2025, 3, 2))]);
        Assert.Equal(4, byVersion.Sum(g => g.Counts.Trials));
        Assert.Equal((2L, 2L), (byDirection["incoming"], byDirection["outgoing"]));
        Assert.Equal(3, both.Count);
        Assert.Equal(["after", "before"], both.Select(g => g.Key.Values[1]).Distinct().Order());
    }

    [Fact]
    public void A_file_without_the_outcome_column_is_a_query_error()
    {
        var file = _folder.Write("calls.csv", "call_id,os_version\na,18.4\n");
        var error = Assert.Throws<FleetQueryException>(() => TelemetryTable.Open(TelemetryFile.Detect(file), ColumnMapping.Identity));
        Assert.Contains("did_activate", error.Message, StringComparison.Ordinal);
        using var table = TelemetryTable.Open(TelemetryFile.Detect(_folder.Write("ok.csv", "did_activate\ntrue\n")), ColumnMapping.Identity);
        Assert.Throws<FleetQueryException>(() => table.Column("nope"));
    }

    [Fact]
    public void Mapping_rejects_unknown_columns()
    {
        Assert.Null(ColumnMapping.Parse(["activated=did_activate"], out var error));
        Assert.Contains("not a telemetry column", error, StringComparison.Ordinal);
        Assert.Null(ColumnMapping.Parse(["did_activate"], out _));
        Assert.Equal("ok", ColumnMapping.Parse(["did_activate=ok, os_version=os"], out _)!.SourceOf("did_activate"));
    }

    public void Dispose() => _folder.Dispose();
}
