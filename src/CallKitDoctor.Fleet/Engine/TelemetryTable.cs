using System.Data.Common;
using System.Globalization;
using System.Text;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Diagnoses;
using CallKitDoctor.Fleet.Statistics;
using CallKitDoctor.Fleet.Telemetry;
using DuckDB.NET.Data;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// Call telemetry opened in an in-memory DuckDB database under the documented column names (<c>did_activate</c>
/// BOOLEAN, <c>started_at</c> TIMESTAMPTZ, <c>activation_ms</c> DOUBLE, everything else as read). The file is scanned
/// once, into <see cref="TelemetryCube"/>, with the columns announced through <see cref="Keep"/>; counts come from
/// that small table. Statistics are left to the caller.
/// </summary>
public sealed class TelemetryTable : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly ICheckedRelation _relation;
    private readonly List<string> _keep = [];
    private HashSet<string>? _built;
    private LoadSummary? _summary;

    private readonly string _what;

    private TelemetryTable(DuckDBConnection connection, ICheckedRelation relation, string what)
    {
        _connection = connection;
        _what = what;
        _relation = relation;
        FindingColumns = [.. relation.Columns.Where(TelemetrySchema.IsFindingColumn)];
    }

    /// <summary>What the load found (rows read, used, bad). Reading it scans the file if nothing did yet.</summary>
    public LoadSummary Summary
    {
        get
        {
            if (_summary is null)
            {
                EnsureCube([]);
                long calls = 0, bad = 0;
                using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT coalesce(sum(_calls), 0)::BIGINT, coalesce(sum(_calls) FILTER (WHERE NOT _ok), 0)::BIGINT FROM {TelemetryCube.Table}";
                using (var reader = command.ExecuteReader())
                {
                    reader.Read();
                    calls = reader.GetInt64(0);
                    bad = reader.GetInt64(1);
                }

                _summary = _relation.Summarize(calls, bad);
            }

            return _summary;
        }
    }

    /// <summary>The columns of the telemetry (documented names where mapped, the file's names otherwise).</summary>
    public IReadOnlyList<string> Columns => _relation.Columns;

    /// <summary>The columns that flag a finding (<c>finding_&lt;id&gt;</c>), in file order.</summary>
    public IReadOnlyList<string> FindingColumns { get; }

    /// <summary>True when the telemetry has the column (exact name).</summary>
    public bool Has(string column) => Columns.Contains(column, StringComparer.Ordinal);

    /// <summary>Opens <paramref name="file"/> in place and checks its header; rows are checked on the first count.</summary>
    /// <exception cref="FleetQueryException">The file cannot be read or has no <c>did_activate</c> column.</exception>
    public static TelemetryTable Open(TelemetryFile file, ColumnMapping mapping, int badRowLimit = 100)
    {
        if (!File.Exists(file.Path))
        {
            throw new FleetQueryException($"cannot read {file.Path}: no such file");
        }

        return Create(file.Path, connection =>
        {
            var loader = new TelemetryLoader(connection, file, mapping, badRowLimit);
            loader.Load();
            return loader;
        });
    }

    /// <summary>The calls of diagnoses as telemetry: one row per call with its device context and finding columns.</summary>
    /// <exception cref="FleetQueryException">No call has an activation outcome.</exception>
    public static TelemetryTable FromDiagnoses(DiagnosisBatch batch, int badRowLimit = 100) =>
        Create(batch.Inputs.Count == 1 ? batch.Inputs[0] : "the diagnoses", connection => DiagnosisRelation.Load(connection, batch, badRowLimit));

    internal static TelemetryTable Create(string what, Func<DuckDBConnection, ICheckedRelation> load)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Execute(connection, "SET TimeZone = 'UTC'");
            Execute(connection, "SET preserve_insertion_order = false");
            return new TelemetryTable(connection, load(connection), what);
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new FleetQueryException($"cannot read {what}: {FirstLine(ex.Message)}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The column <paramref name="name"/> (exact, else case-insensitive) as a grouping dimension (text).</summary>
    /// <exception cref="FleetQueryException">No such column.</exception>
    public GroupColumn Column(string name)
    {
        var actual = Columns.FirstOrDefault(c => c == name) ?? Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new FleetQueryException($"no column '{name}' in {_what} (columns: {string.Join(", ", Columns)})");
        return new GroupColumn(actual, Sql.Identifier(actual), [actual]);
    }

    /// <summary>A two-valued column: <paramref name="name"/> is 'before' or 'after' <paramref name="date"/> (UTC midnight).</summary>
    public GroupColumn Period(string name, DateOnly date)
    {
        if (!Has(TelemetrySchema.StartedAt))
        {
            throw new FleetQueryException($"a rollout date needs a {TelemetrySchema.StartedAt} column in {_what}");
        }

        var day = "DATE " + Sql.Literal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new GroupColumn(name, $"CASE WHEN _day IS NULL THEN NULL WHEN _day < {day} THEN 'before' ELSE 'after' END", []);
    }

    /// <summary>
    /// Announces columns the next counts will group by, so the single scan keeps them. Counting by a column not
    /// announced before the scan costs another scan.
    /// </summary>
    public void Keep(IEnumerable<GroupColumn> columns)
    {
        foreach (var source in columns.SelectMany(c => c.Sources))
        {
            if (!_keep.Contains(source, StringComparer.Ordinal))
            {
                _keep.Add(source);
            }
        }
    }

    /// <summary>Calls and failures per combination of <paramref name="columns"/> (one row for all calls when empty).</summary>
    public IReadOnlyList<GroupCount> CountBy(IReadOnlyList<GroupColumn> columns)
    {
        EnsureCube(columns);
        var names = columns.Select(c => c.Name).ToArray();
        var result = new List<GroupCount>();
        using var command = _connection.CreateCommand();
        command.CommandText = GroupedSql(columns, "sum(_calls)::BIGINT, sum(_failures)::BIGINT");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var calls = reader.IsDBNull(columns.Count) ? 0 : reader.GetInt64(columns.Count);
            if (calls > 0)
            {
                result.Add(new GroupCount(new GroupKey(names, ReadKey(reader, columns.Count)), new Proportion(reader.GetInt64(columns.Count + 1), calls)));
            }
        }

        return result;
    }

    /// <summary>Per finding column and combination of <paramref name="columns"/>: the calls, and those with the finding.</summary>
    public IReadOnlyList<FindingCount> CountFindingsBy(IReadOnlyList<GroupColumn> columns)
    {
        if (FindingColumns.Count == 0)
        {
            return [];
        }

        EnsureCube(columns);
        var names = columns.Select(c => c.Name).ToArray();
        var sums = string.Join(", ", Enumerable.Range(0, FindingColumns.Count).Select(i => $"sum({TelemetryCube.FindingCountColumn(i)})::BIGINT"));
        var result = new List<FindingCount>();
        using var command = _connection.CreateCommand();
        command.CommandText = GroupedSql(columns, "sum(_calls)::BIGINT, " + sums);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var calls = reader.IsDBNull(columns.Count) ? 0 : reader.GetInt64(columns.Count);
            if (calls == 0)
            {
                continue;
            }

            var key = new GroupKey(names, ReadKey(reader, columns.Count));
            for (var i = 0; i < FindingColumns.Count; i++)
            {
                var id = FindingColumns[i][TelemetrySchema.FindingPrefix.Length..];
                result.Add(new FindingCount(id, key, new Proportion(reader.GetInt64(columns.Count + 1 + i), calls)));
            }
        }

        return result;
    }

    /// <summary>Calls and failures per UTC day of <c>started_at</c> (empty when the file has no such column).</summary>
    public IReadOnlyList<DailyCount> CountByDay()
    {
        if (!Has(TelemetrySchema.StartedAt))
        {
            return [];
        }

        EnsureCube([]);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT strftime(_day, '%Y-%m-%d') AS day, sum(_calls)::BIGINT, sum(_failures)::BIGINT FROM {TelemetryCube.Table} "
            + "WHERE _ok AND _day IS NOT NULL GROUP BY day ORDER BY day";
        using var reader = command.ExecuteReader();
        var result = new List<DailyCount>();
        while (reader.Read())
        {
            var day = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            result.Add(new DailyCount(day, new Proportion(reader.GetInt64(2), reader.GetInt64(1))));
        }

        return result;
    }

    /// <summary>Usable calls per UTC day and value of <paramref name="column"/> (empty without <c>started_at</c>).</summary>
    public IReadOnlyList<DayValueCount> CountDaysBy(GroupColumn column)
    {
        if (!Has(TelemetrySchema.StartedAt))
        {
            return [];
        }

        EnsureCube([column]);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT strftime(_day, '%Y-%m-%d') AS day, {column.Expression} AS k, sum(_calls)::BIGINT FROM {TelemetryCube.Table} "
            + "WHERE _ok AND _day IS NOT NULL GROUP BY day, k ORDER BY day";
        using var reader = command.ExecuteReader();
        var result = new List<DayValueCount>();
        while (reader.Read())
        {
            var day = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            result.Add(new DayValueCount(day, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
        }

        return result;
    }

    public void Dispose() => _connection.Dispose();

    private void EnsureCube(IReadOnlyList<GroupColumn> columns)
    {
        Keep(columns);
        if (_built is not null && _keep.All(_built.Contains))
        {
            return;
        }

        try
        {
            Execute(_connection, TelemetryCube.Build(_keep, Has(TelemetrySchema.StartedAt), FindingColumns));
        }
        catch (DuckDBException ex)
        {
            throw new FleetQueryException($"cannot read the telemetry: {FirstLine(ex.Message)}", ex);
        }

        _built = new HashSet<string>(_keep, StringComparer.Ordinal);
    }

    private static string GroupedSql(IReadOnlyList<GroupColumn> columns, string aggregates)
    {
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(columns[i].Expression).Append(" AS k").Append(i).Append(", ");
        }

        sql.Append(aggregates).Append(" FROM ").Append(TelemetryCube.Table).Append(" WHERE _ok");
        if (columns.Count > 0)
        {
            sql.Append(" GROUP BY ").AppendJoin(", ", Enumerable.Range(0, columns.Count).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return sql.ToString();
    }

    private static string?[] ReadKey(DbDataReader reader, int count)
    {
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
        }

        return values;
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
