using System.Globalization;
using System.Text;
using CallKitDoctor.Fleet.Engine;
using DuckDB.NET.Data;

namespace CallKitDoctor.Fleet.Generation;

/// <summary>
/// Writes a seeded SYNTHETIC call-telemetry file in the documented schema (see <see cref="FleetGeneratorOptions"/> for
/// the planted facts; device models such as "iPhone16,2" are quoted). The same options and seed always give the same rows. CSV is streamed; Parquet is converted from
/// a temporary CSV by DuckDB's COPY.
/// </summary>
public static class FleetGenerator
{
    private static readonly (string Version, string Build)[] OsVersions =
        [("17.7.2", "21H221"), ("18.4", "22E240"), ("18.4.1", "22E252"), ("18.5", "22F76")];

    private static readonly string[] Devices = ["iPhone14,5", "iPhone15,2", "iPhone15,4", "iPhone16,1", "iPhone16,2", "iPhone17,3"];

    public const string Header = "call_id,started_at,direction,os_version,os_build,app_version,device_model,app_state,workaround,app_set_active,did_activate,activation_ms";

    /// <summary>Writes the fleet to <paramref name="path"/> as CSV, or Parquet when it ends in .parquet.</summary>
    public static void Write(string path, FleetGeneratorOptions options)
    {
        if (!path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
            WriteCsv(writer, options);
            return;
        }

        var csv = path + ".tmp.csv";
        try
        {
            using (var writer = new StreamWriter(csv, append: false, new UTF8Encoding(false), 1 << 16))
            {
                WriteCsv(writer, options);
            }

            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv({Sql.Literal(csv)}, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true, "
                + "types = {'started_at': 'TIMESTAMPTZ', 'did_activate': 'BOOLEAN', 'activation_ms': 'DOUBLE'})) "
                + $"TO {Sql.Literal(path)} (FORMAT parquet, COMPRESSION zstd)";
            command.ExecuteNonQuery();
        }
        finally
        {
            File.Delete(csv);
        }
    }

    public static void WriteCsv(TextWriter writer, FleetGeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Days);
        var random = new Random(options.Seed);
        var start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rollout = options.RolloutDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        writer.WriteLine(Header);
        var line = new StringBuilder(160);
        for (long i = 0; i < options.Calls; i++)
        {
            var fraction = (double)i / options.Calls;
            var at = start.AddSeconds((fraction * options.Days * 86400) + random.NextDouble());
            var os = OsVersions[PickOs(random, fraction)];
            var incoming = random.NextDouble() < 0.7;
            var stateDraw = random.NextDouble();
            var state = stateDraw < 0.3 ? "foreground" : stateDraw < 0.9 ? "background" : "not_running";
            var workaround = at >= rollout;
            var rate = options.BaseRate
                * (os.Version == options.BadOsVersion ? options.BadOsFactor : 1)
                * (incoming ? 1 : 0.5)
                / (workaround ? options.WorkaroundFactor : 1);
            var activated = random.NextDouble() >= Math.Min(rate, 1);
            line.Clear()
                .Append('c').Append(i.ToString("x8", CultureInfo.InvariantCulture)).Append(',')
                .Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(incoming ? "incoming" : "outgoing").Append(',')
                .Append(os.Version).Append(',').Append(os.Build).Append(',')
                .Append(workaround ? "5.2.0" : "5.1.0").Append(',')
                .Append('"').Append(Devices[random.Next(Devices.Length)]).Append("\",")
                .Append(state).Append(',')
                .Append(workaround ? "true" : "false").Append(',')
                .Append(random.NextDouble() < 0.1 ? "true" : "false").Append(',')
                .Append(activated ? "true" : "false").Append(',');
            if (activated)
            {
                line.Append((40 + Math.Round(-120 * Math.Log(1 - random.NextDouble()))).ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// The OS mix shifts over time: 18.5 ships a third of the way in and takes share from the older versions in equal
    /// proportion (so 17.7.2, 18.4 and 18.4.1 keep the same mix of before- and after-rollout days).
    /// </summary>
    private static int PickOs(Random random, double fraction)
    {
        var newest = fraction < 1.0 / 3 ? 0 : Math.Min(0.6, (fraction - (1.0 / 3)) * 1.2);
        var draw = random.NextDouble();
        if (draw < newest)
        {
            return 3;
        }

        var rest = (draw - newest) / (1 - newest);
        return rest < 0.1 ? 0 : rest < 0.55 ? 1 : 2;
    }
}
