using System.Text;

namespace CallKitDoctor.Fleet.Engine;

/// <summary>Reads the column names from a CSV file's first line (quoted names allowed), without sniffing the rows.</summary>
internal static class CsvHeader
{
    private const int MaxHeaderChars = 1 << 20;

    public static List<string> Read(string path, char delimiter)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var names = new List<string>();
        var name = new StringBuilder();
        var quoted = false;
        var read = 0;
        int next;
        while ((next = reader.Read()) >= 0 && read++ < MaxHeaderChars)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c != '"')
                {
                    name.Append(c);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    name.Append('"');
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                names.Add(name.ToString().Trim());
                name.Clear();
            }
            else if (c is '\n' or '\r')
            {
                break;
            }
            else
            {
                name.Append(c);
            }
        }

        if (name.Length > 0 || names.Count > 0)
        {
            names.Add(name.ToString().Trim());
        }

        return names;
    }
}
