using System.Text.Json;

namespace CallKitDoctor.Reports.Json;

/// <summary>Small additions to <see cref="Utf8JsonWriter"/> for optional values.</summary>
internal static class Utf8JsonWriterExtensions
{
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
