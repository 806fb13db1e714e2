using System.Text;
using CallKitDoctor.Fleet.Telemetry;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>
/// The one scan of the telemetry: <c>fleet_cube</c> holds calls, failures and per-finding counts for every
/// combination of usable (<c>_ok</c>), UTC day (<c>_day</c>) and the kept columns (as text). Every later question
/// (groups, days, comparisons, findings) is a small GROUP BY over this table, never another pass over the file.
/// </summary>
internal static class TelemetryCube
{
    public const string Table = "fleet_cube";

    /// <summary>The column holding the count of calls with the <paramref name="index"/>th finding column.</summary>
    public static string FindingCountColumn(int index) => "_f" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The SQL creating the cube over <c>fleet_checked</c>.</summary>
    public static string Build(IReadOnlyCollection<string> keep, bool hasDay, IReadOnlyList<string> findingColumns)
    {
        var sql = new StringBuilder("CREATE OR REPLACE TEMP TABLE ").Append(Table).Append(" AS SELECT _problem IS NULL AS _ok, ")
            .Append(hasDay ? $"CAST({Sql.Identifier(TelemetrySchema.StartedAt)} AS DATE)" : "NULL::DATE").Append(" AS _day");
        foreach (var column in keep)
        {
            sql.Append(", CAST(").Append(Sql.Identifier(column)).Append(" AS VARCHAR) AS ").Append(Sql.Identifier(column));
        }

        sql.Append(", count(*)::BIGINT AS _calls, (count(*) FILTER (WHERE NOT did_activate))::BIGINT AS _failures");
        for (var i = 0; i < findingColumns.Count; i++)
        {
            sql.Append(", (count(*) FILTER (WHERE TRY_CAST(").Append(Sql.Identifier(findingColumns[i])).Append(" AS BOOLEAN)))::BIGINT AS ")
                .Append(FindingCountColumn(i));
        }

        return sql.Append(" FROM fleet_checked GROUP BY ALL").ToString();
    }
}
