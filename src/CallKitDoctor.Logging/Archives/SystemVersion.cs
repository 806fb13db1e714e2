using System.Xml;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// The OS identity from <c>SystemVersion.plist</c> (an XML property list: <c>ProductName</c>, <c>ProductVersion</c>,
/// <c>ProductBuildVersion</c>). Binary property lists are not decoded: they are skipped with an issue.
/// </summary>
public sealed record SystemVersion(string? ProductName, string? ProductVersion, string? ProductBuildVersion)
{
    private const int MaxBytes = 1024 * 1024;

    /// <summary>Reads the plist at <paramref name="path"/>; null (with an issue naming <paramref name="displayName"/>) when unreadable.</summary>
    public static SystemVersion? Read(string path, string displayName, LogReadSummary summary)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, displayName, $"SystemVersion.plist larger than {MaxBytes} bytes; not read"));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, displayName, $"SystemVersion.plist unreadable: {ex.Message}"));
            return null;
        }

        if (bytes.AsSpan().StartsWith("bplist"u8))
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, displayName, "binary property list not decoded; OS version taken from other sources", 0, 0));
            return null;
        }

        return Parse(bytes, displayName, summary);
    }

    /// <summary>Parses XML plist bytes: the top-level dictionary's string values for the three keys.</summary>
    public static SystemVersion? Parse(byte[] bytes, string displayName, LogReadSummary summary)
    {
        string? name = null, version = null, build = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            string? key = null;
            var depth = -1;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (depth < 0)
                {
                    depth = reader.Name == "dict" ? reader.Depth + 1 : -1;
                    reader.Read();
                    continue;
                }

                if (reader.Depth != depth)
                {
                    reader.Read();
                    continue;
                }

                if (reader.Name == "key")
                {
                    key = reader.ReadElementContentAsString();
                    continue;
                }

                if (reader.Name != "string")
                {
                    key = null;
                    reader.Skip();
                    continue;
                }

                var value = reader.ReadElementContentAsString();
                switch (key)
                {
                    case "ProductName": name = value; break;
                    case "ProductVersion": version = value; break;
                    case "ProductBuildVersion": build = value; break;
                }

                key = null;
            }
        }
        catch (XmlException ex)
        {
            summary.Add(new LogReadIssue(LogReadIssueSeverity.Warning, displayName, $"SystemVersion.plist is not a readable XML plist: {ex.Message}", ex.LineNumber));
        }

        return name is null && version is null && build is null ? null : new SystemVersion(name, version, build);
    }
}
