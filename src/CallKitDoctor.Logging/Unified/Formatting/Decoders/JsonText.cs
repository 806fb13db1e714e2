using System.Globalization;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>Builds the compact JSON object text decoders print for structures (<c>{"a":1,"b":true}</c>).</summary>
public sealed class JsonText
{
    private readonly StringBuilder _text = new("{");

    public void Bool(string name, bool value) => Name(name).Append(value ? "true" : "false");

    public void Number(string name, long value) => Name(name).Append(value);

    /// <summary>A number printed without a fraction when it has none (<c>-1</c>, <c>100</c>, <c>0.5</c>).</summary>
    public void Number(string name, double value) => Name(name).Append(
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null");

    public void String(string name, string value)
    {
        var text = Name(name).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }

    /// <summary>A value that is already JSON text.</summary>
    public void Raw(string name, string json) => Name(name).Append(json);

    public override string ToString() => _text.ToString() + "}";

    private StringBuilder Name(string name) => _text.Append(_text.Length > 1 ? ",\"" : "\"").Append(name).Append("\":");
}
