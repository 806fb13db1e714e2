using System.Globalization;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>Quoting for the SQL text the engine builds (identifiers and string literals, never raw user text).</summary>
internal static class Sql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Timestamp(DateOnly date) =>
        "TIMESTAMPTZ " + Literal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00");
}
