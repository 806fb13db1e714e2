using System.Globalization;
using CallKitDoctor.Fleet.Telemetry;
using DuckDB.NET.Data;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// Builds the checked relation <c>fleet_checked</c> (typed columns, the row's line and the reason it is unusable). CSV
/// is typed by DuckDB's reader, whose rejects table records every row it could not parse or cast with its line; JSON
/// Lines is read line by line (so malformed JSON keeps its line number); Parquet is checked with TRY_CAST in a view, so
/// the file is queried in place (columns already of the documented type are neither cast nor checked).
/// </summary>
internal sealed class TelemetryLoader(DuckDBConnection connection, TelemetryFile file, ColumnMapping mapping, int badRowLimit) : ICheckedRelation
{
    private const string RowColumn = "_row";
    private const string ProblemColumn = "_problem";
    private const string NumberedRelation = "fleet_checked_numbered";

    private readonly Dictionary<string, string> _sourceTypes = new(StringComparer.Ordinal);
    private List<PlannedColumn> _columns = [];

    public IReadOnlyList<string> Columns => [.. _columns.Select(c => c.Name)];

    public void Load()
    {
        var sourceColumns = SourceColumns();
        var didActivateSource = mapping.SourceOf(TelemetrySchema.DidActivate);
        if (!sourceColumns.Contains(didActivateSource, StringComparer.Ordinal))
        {
            throw new FleetQueryException($"{file.Path} has no '{didActivateSource}' column (the call outcome; map another with --map did_activate=COLUMN)");
        }

        var columns = _columns = Plan(sourceColumns);
        switch (file.Format)
        {
            case TelemetryFormat.Csv:
                LoadCsv(columns);
                break;
            case TelemetryFormat.JsonLines:
                LoadChecked(columns, "TABLE", $"(SELECT _row, j, coalesce(json_type(j) = 'OBJECT', FALSE) AS _ok, {string.Join(", ", columns.Select(c => $"j ->> {Sql.Literal(JsonPath(c.Source))} AS {Sql.Identifier(c.Source)}"))} FROM (SELECT _row, CASE WHEN json_valid(line) THEN line::JSON END AS j FROM fleet_lines))");
                break;
            default:
                // The cube scans the view without row numbers (cheaper); bad rows are listed from a second view with them.
                LoadChecked(columns, "VIEW", $"(SELECT NULL::BIGINT AS _row, TRUE AS _ok, * FROM read_parquet({Sql.Literal(file.Path)}))");
                LoadChecked(columns, "VIEW", $"(SELECT file_row_number + 1 AS _row, TRUE AS _ok, * EXCLUDE (file_row_number) FROM read_parquet({Sql.Literal(file.Path)}, file_row_number = true))", NumberedRelation);
                break;
        }

    }

    private List<PlannedColumn> Plan(IReadOnlyList<string> sourceColumns)
    {
        var planned = new List<PlannedColumn>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in TelemetrySchema.Columns)
        {
            var source = mapping.SourceOf(column.Name);
            if (sourceColumns.Contains(source, StringComparer.Ordinal) && used.Add(source))
            {
                planned.Add(new PlannedColumn(column.Name, source, column.Type));
            }
        }

        foreach (var source in sourceColumns)
        {
            if (used.Add(source) && TelemetrySchema.Find(source) is null && !source.StartsWith('_'))
            {
                planned.Add(new PlannedColumn(source, source, TelemetryColumnType.Text));
            }
        }

        return planned;
    }

    private List<string> SourceColumns()
    {
        if (file.Format == TelemetryFormat.Csv)
        {
            return CsvHeader.Read(file.Path, file.Delimiter);
        }

        var sql = file.Format switch
        {
            TelemetryFormat.Parquet => $"DESCRIBE SELECT * FROM read_parquet({Sql.Literal(file.Path)})",
            _ => null,
        };
        if (sql is null)
        {
            TelemetryTable.Execute(connection,
                $"CREATE TEMP TABLE fleet_lines AS SELECT ordinality AS _row, line FROM read_csv({Sql.Literal(file.Path)}, columns = {{'line': 'VARCHAR'}}, header = false, delim = '\\0', quote = '', escape = '', auto_detect = false) WITH ORDINALITY WHERE line IS NOT NULL AND trim(line) <> ''");
            sql = "SELECT k, NULL FROM (SELECT unnest(json_keys(line::JSON)) AS k, _row FROM fleet_lines WHERE json_valid(line) AND json_type(line::JSON) = 'OBJECT') GROUP BY k ORDER BY min(_row), k";
        }

        var names = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
            if (!reader.IsDBNull(1))
            {
                _sourceTypes[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return names;
    }

    private string CsvReader(IReadOnlyList<PlannedColumn> typed)
    {
        var options = $"header = true, delim = {Sql.Literal(file.Delimiter.ToString())}, quote = '\"', escape = '\"', all_varchar = true";
        var types = typed.Where(c => c.Type != TelemetryColumnType.Text).Select(c => $"{Sql.Literal(c.Source)}: {Sql.Literal(SqlType(c.Type))}");
        var didActivate = typed.First(c => c.Name == TelemetrySchema.DidActivate).Source;
        options += $", types = {{{string.Join(", ", types)}}}, force_not_null = [{Sql.Literal(didActivate)}], store_rejects = true, rejects_table = 'fleet_rejects', rejects_scan = 'fleet_reject_scans'";

        return $"read_csv({Sql.Literal(file.Path)}, {options})";
    }

    private void LoadCsv(List<PlannedColumn> columns)
    {
        var select = string.Join(", ", columns.Select(c => $"{Sql.Identifier(c.Source)} AS {Sql.Identifier(c.Name)}"));
        TelemetryTable.Execute(connection,
            $"CREATE TEMP TABLE fleet_checked AS SELECT NULL::BIGINT AS {RowColumn}, {select}, NULL::VARCHAR AS {ProblemColumn} FROM {CsvReader(columns)}");
    }

    private void LoadChecked(List<PlannedColumn> columns, string kind, string raw, string name = "fleet_checked")
    {
        var select = string.Join(", ", columns.Select(c => c.Type == TelemetryColumnType.Text
            ? $"{Sql.Identifier(c.Source)} AS {Sql.Identifier(c.Name)}"
            : AlwaysConverts(c)
                ? $"CAST({Sql.Identifier(c.Source)} AS {SqlType(c.Type)}) AS {Sql.Identifier(c.Name)}"
                : $"TRY_CAST({Sql.Identifier(c.Source)} AS {SqlType(c.Type)}) AS {Sql.Identifier(c.Name)}"));
        var problems = new List<string>();
        if (file.Format == TelemetryFormat.JsonLines)
        {
            problems.Add("WHEN NOT _ok THEN 'not a JSON object'");
        }

        foreach (var column in columns.Where(c => c.Type != TelemetryColumnType.Text))
        {
            var source = Sql.Identifier(column.Source);
            if (column.Name == TelemetrySchema.DidActivate)
            {
                problems.Add($"WHEN {source} IS NULL THEN {Sql.Literal(Describe(column) + " is missing")}");
            }

            if (AlwaysConverts(column))
            {
                continue;
            }

            problems.Add($"WHEN {source} IS NOT NULL AND TRY_CAST({source} AS {SqlType(column.Type)}) IS NULL THEN "
                + $"{Sql.Literal(Describe(column) + ": cannot read '")} || left(CAST({source} AS VARCHAR), 60) || {Sql.Literal("' as " + TypeName(column.Type))}");
        }

        TelemetryTable.Execute(connection,
            $"CREATE TEMP {kind} {name} AS SELECT {RowColumn}, {select}, CASE {string.Join(' ', problems)} END AS {ProblemColumn} FROM {raw}");
    }

    public LoadSummary Summarize(long checkedRows, long badInTable)
    {
        var badRows = new List<BadRow>();
        long rejected = 0;
        if (file.Format == TelemetryFormat.Csv)
        {
            rejected = ScalarLong("SELECT count(DISTINCT line)::BIGINT FROM fleet_rejects");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT line::BIGINT, (min(line_byte_position) - 1)::BIGINT, string_agg(DISTINCT CASE "
                + "WHEN error_type = 'CAST' AND NOT contains(error_message, 'Could not') THEN column_name || ' is empty' "
                + "WHEN error_type = 'CAST' THEN column_name || ': ' || regexp_replace(error_message, '^Error when converting column \"[^\"]*\"\\. ', '') "
                + "ELSE lower(error_type) || ': ' || error_message END, '; ') "
                + $"FROM fleet_rejects GROUP BY line ORDER BY line LIMIT {badRowLimit.ToString(CultureInfo.InvariantCulture)}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                badRows.Add(new BadRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2)));
            }
        }
        else if (badInTable > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {RowColumn}::BIGINT, {ProblemColumn} FROM {(file.Format == TelemetryFormat.Parquet ? NumberedRelation : "fleet_checked")} WHERE {ProblemColumn} IS NOT NULL ORDER BY {RowColumn} LIMIT {badRowLimit.ToString(CultureInfo.InvariantCulture)}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                badRows.Add(new BadRow(reader.GetInt64(0), null, reader.GetString(1)));
            }
        }

        var bad = badInTable + rejected;
        return new LoadSummary(file.Path, file.Format, checkedRows + rejected, checkedRows - badInTable, bad, badRows, Columns);
    }

    private long ScalarLong(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when the source column's own type (Parquet's) always converts to the documented type, so no value can be
    /// unreadable and the check (and, for unused columns, the read) is skipped.
    /// </summary>
    private bool AlwaysConverts(PlannedColumn column)
    {
        if (!_sourceTypes.TryGetValue(column.Source, out var type))
        {
            return false;
        }

        return column.Type switch
        {
            TelemetryColumnType.Boolean => type == "BOOLEAN",
            TelemetryColumnType.Timestamp => type.StartsWith("TIMESTAMP", StringComparison.Ordinal) || type == "DATE",
            TelemetryColumnType.Number => type is "DOUBLE" or "FLOAT" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT"
                || type.StartsWith("DECIMAL", StringComparison.Ordinal),
            _ => false,
        };
    }

    private string Describe(PlannedColumn column) =>
        column.Source == column.Name ? column.Name : $"{column.Name} ({column.Source})";

    private static string JsonPath(string key) => "$.\"" + key.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string SqlType(TelemetryColumnType type) => type switch
    {
        TelemetryColumnType.Boolean => "BOOLEAN",
        TelemetryColumnType.Timestamp => "TIMESTAMPTZ",
        TelemetryColumnType.Number => "DOUBLE",
        _ => "VARCHAR",
    };

    private static string TypeName(TelemetryColumnType type) => type switch
    {
        TelemetryColumnType.Boolean => "true/false",
        TelemetryColumnType.Timestamp => "an ISO 8601 timestamp",
        TelemetryColumnType.Number => "a number",
        _ => "text",
    };

    private sealed record PlannedColumn(string Name, string Source, TelemetryColumnType Type);
}
