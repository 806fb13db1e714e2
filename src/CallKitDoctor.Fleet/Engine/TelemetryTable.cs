using System.Data.Common;
using System.Globalization;
using System.Text;
using CallKitDoctor.Fleet.Analysis;
using CallKitDoctor.Fleet.Statistics;
using CallKitDoctor.Fleet.Telemetry;
using DuckDB.NET.Data;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// A telemetry file opened in an in-memory DuckDB database: the view <c>telemetry</c> holds the usable rows under the
/// documented column names (<c>did_activate</c> BOOLEAN, <c>started_at</c> TIMESTAMPTZ, <c>activation_ms</c> DOUBLE,
/// everything else as read). Counts are computed in SQL; statistics are left to the caller.
/// </summary>
public sealed class TelemetryTable : IDisposable
{
    private readonly DuckDBConnection _connection;

    private TelemetryTable(DuckDBConnection connection, LoadSummary summary)
    {
        _connection = connection;
        Summary = summary;
    }

    public LoadSummary Summary { get; }

    /// <summary>The columns of the <c>telemetry</c> view (documented names where mapped, the file's names otherwise).</summary>
    public IReadOnlyList<string> Columns => Summary.Columns;

    /// <summary>True when the view has the column (exact name).</summary>
    public bool Has(string column) => Columns.Contains(column, StringComparer.Ordinal);

    /// <summary>Opens <paramref name="file"/> in place, checks every row, and lists up to <paramref name="badRowLimit"/> bad rows.</summary>
    /// <exception cref="FleetQueryException">The file cannot be read or has no <c>did_activate</c> column.</exception>
    public static TelemetryTable Open(TelemetryFile file, ColumnMapping mapping, int badRowLimit = 100)
    {
        if (!File.Exists(file.Path))
        {
            throw new FleetQueryException($"cannot read {file.Path}: no such file");
        }

        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Execute(connection, "SET TimeZone = 'UTC'");
            var summary = new TelemetryLoader(connection, file, mapping, badRowLimit).Load();
            return new TelemetryTable(connection, summary);
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new FleetQueryException($"cannot read {file.Path}: {FirstLine(ex.Message)}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The SQL expression for a column of the view, as text (so booleans and numbers group as text too).</summary>
    /// <exception cref="FleetQueryException">No such column.</exception>
    public GroupColumn Column(string name)
    {
        var actual = Columns.FirstOrDefault(c => c == name) ?? Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new FleetQueryException($"no column '{name}' in {Summary.Path} (columns: {string.Join(", ", Columns)})");
        return new GroupColumn(actual, $"CAST({Sql.Identifier(actual)} AS VARCHAR)");
    }

    /// <summary>A two-valued column: <paramref name="name"/> is 'before' or 'after' <paramref name="date"/> (UTC midnight).</summary>
    public GroupColumn Period(string name, DateOnly date)
    {
        if (!Has(TelemetrySchema.StartedAt))
        {
            throw new FleetQueryException($"a rollout date needs a {TelemetrySchema.StartedAt} column in {Summary.Path}");
        }

        return new GroupColumn(name, $"CASE WHEN started_at IS NULL THEN NULL WHEN started_at < {Sql.Timestamp(date)} THEN 'before' ELSE 'after' END");
    }

    /// <summary>Calls and failures per combination of <paramref name="columns"/> (one row for all calls when empty).</summary>
    public IReadOnlyList<GroupCount> CountBy(IReadOnlyList<GroupColumn> columns)
    {
        var sql = new StringBuilder("SELECT ");
        for (var i = 0; i < columns.Count; i++)
        {
            sql.Append(columns[i].Expression).Append(" AS k").Append(i).Append(", ");
        }

        sql.Append("count(*)::BIGINT AS calls, (count(*) FILTER (WHERE NOT did_activate))::BIGINT AS failures FROM telemetry");
        if (columns.Count > 0)
        {
            sql.Append(" GROUP BY ").AppendJoin(", ", Enumerable.Range(0, columns.Count).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)));
        }

        var names = columns.Select(c => c.Name).ToArray();
        var result = new List<GroupCount>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new string?[columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            var calls = reader.GetInt64(columns.Count);
            if (calls > 0)
            {
                result.Add(new GroupCount(new GroupKey(names, values), new Proportion(reader.GetInt64(columns.Count + 1), calls)));
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

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT strftime(CAST(started_at AS DATE), '%Y-%m-%d') AS day, count(*)::BIGINT, (count(*) FILTER (WHERE NOT did_activate))::BIGINT "
            + "FROM telemetry WHERE started_at IS NOT NULL GROUP BY day ORDER BY day";
        using var reader = command.ExecuteReader();
        var result = new List<DailyCount>();
        while (reader.Read())
        {
            var day = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            result.Add(new DailyCount(day, new Proportion(reader.GetInt64(2), reader.GetInt64(1))));
        }

        return result;
    }

    public void Dispose() => _connection.Dispose();

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
