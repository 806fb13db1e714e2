using System.Text;
using CallKitDoctor.Diagnosis.Events;

namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>The catalog's spellings of enum values: kebab-case kinds (<c>proxy-session-failed</c>), actors, confidences.</summary>
public static class CatalogNames
{
    /// <summary><see cref="EventKind.ProxySessionFailed"/> → <c>proxy-session-failed</c>.</summary>
    public static string ToKebabCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string ToName(this EventKind kind) => ToKebabCase(kind.ToString());

    public static bool TryParseKind(string? name, out EventKind kind)
    {
        foreach (var value in Enum.GetValues<EventKind>())
        {
            if (string.Equals(value.ToName(), name, StringComparison.Ordinal))
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string ToName(this EventActor actor) => actor switch
    {
        EventActor.App => "app",
        EventActor.CallServices => "callservicesd",
        EventActor.AudioServer => "audio-server",
        EventActor.System => "system",
        _ => "unknown",
    };

    public static bool TryParseActor(string? name, out EventActor actor)
    {
        actor = name switch
        {
            "app" => EventActor.App,
            "callservicesd" => EventActor.CallServices,
            "audio-server" => EventActor.AudioServer,
            "system" => EventActor.System,
            _ => EventActor.Unknown,
        };
        return actor != EventActor.Unknown;
    }

    public static bool TryParseConfidence(string? name, out MatchConfidence confidence)
    {
        switch (name)
        {
            case "exact":
                confidence = MatchConfidence.Exact;
                return true;
            case "rendered":
                confidence = MatchConfidence.Rendered;
                return true;
            case "heuristic":
                confidence = MatchConfidence.Heuristic;
                return true;
            default:
                confidence = default;
                return false;
        }
    }

    public static bool TryParseCaptureField(string? name, out CaptureField field)
    {
        foreach (var value in Enum.GetValues<CaptureField>())
        {
            var camel = char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
            if (string.Equals(camel, name, StringComparison.Ordinal))
            {
                field = value;
                return true;
            }
        }

        field = default;
        return false;
    }

    public static bool TryParseAction(string? name, out CallActionType action)
    {
        foreach (var value in Enum.GetValues<CallActionType>())
        {
            if (string.Equals(ToKebabCase(value.ToString()), name, StringComparison.Ordinal))
            {
                action = value;
                return true;
            }
        }

        action = default;
        return false;
    }
}
